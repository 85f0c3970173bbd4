import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { parse as parseYaml } from 'yaml';
import { parseIso } from './clock.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const RESPONSE_VALIDATION = ['off', 'log', 'strict'] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface DefaultCredentials {
  tinkClientId: string;
  tinkClientSecret: string;
  xs2aApiKey: string;
}

export interface SandboxOptions {
  port: number;
  host: string;
  /** Persist state to this JSON file; in memory when absent. */
  dataFile: string | undefined;
  seed: number;
  /** Scenario active for every tenant that has none of its own. */
  scenario: string | undefined;
  scenariosDir: string | undefined;
  logLevel: LogLevel;
  credentials: DefaultCredentials;
  /** Accept any Tink client or XS2A API key into the default tenant. */
  acceptAnyCredentials: boolean;
  /** Tink: refuse the undocumented asynchronous dialect with the 400 Tink documents. */
  documentedOnly: boolean;
  journalSize: number;
  validateResponses: (typeof RESPONSE_VALIDATION)[number];
  /** Largest request body read, in bytes. */
  bodyLimit: number;
  /** Start of the default tenant's clock (ISO-8601); real time when absent. */
  clockStart: string | undefined;
  clockFrozen: boolean;
}

export const DEFAULT_OPTIONS: SandboxOptions = {
  port: 8080,
  host: '127.0.0.1',
  dataFile: undefined,
  seed: 1,
  scenario: undefined,
  scenariosDir: undefined,
  logLevel: 'info',
  credentials: {
    tinkClientId: 'sandbox-client-id',
    tinkClientSecret: 'sandbox-client-secret',
    xs2aApiKey: 'sandbox-api-key',
  },
  acceptAnyCredentials: false,
  documentedOnly: false,
  journalSize: 1000,
  validateResponses: 'off',
  bodyLimit: 10 * 1024 * 1024,
  clockStart: undefined,
  clockFrozen: false,
};

/** A bad option: the CLI prints the message on one line and exits with status 2. */
export class ConfigError extends Error {}

type Parser = (raw: string, name: string) => unknown;

const integer =
  (min: number, max: number): Parser =>
  (raw, name) => {
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw.trim()) || value < min || value > max) {
      throw new ConfigError(`${name}: expected an integer from ${min} to ${max}, got "${raw}"`);
    }
    return value;
  };

const oneOf =
  (values: readonly string[]): Parser =>
  (raw, name) => {
    if (!values.includes(raw))
      throw new ConfigError(`${name}: expected one of ${values.join(', ')}, got "${raw}"`);
    return raw;
  };

const text: Parser = (raw, name) => {
  if (raw.trim() === '') throw new ConfigError(`${name}: expected a non-empty value`);
  return raw;
};

const boolean: Parser = (raw, name) => {
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name}: expected true or false, got "${raw}"`);
};

const instant: Parser = (raw, name) => {
  if (parseIso(raw) === undefined)
    throw new ConfigError(`${name}: expected an ISO-8601 date-time, got "${raw}"`);
  return raw;
};

interface OptionSpec {
  /** Dotted path into SandboxOptions, also the key in a config file. */
  key: string;
  flag: string;
  env: string;
  parse: Parser;
  help: string;
}

/** Every option, once: the CLI flags, the environment variables and the config file keys come from here. */
export const OPTION_SPECS: OptionSpec[] = [
  {
    key: 'port',
    flag: '--port <port>',
    env: 'TINK_SANDBOX_PORT',
    parse: integer(0, 65535),
    help: 'port to listen on (0 = any free port)',
  },
  { key: 'host', flag: '--host <host>', env: 'TINK_SANDBOX_HOST', parse: text, help: 'address to listen on' },
  {
    key: 'dataFile',
    flag: '--data <file>',
    env: 'TINK_SANDBOX_DATA',
    parse: text,
    help: 'persist state to this JSON file',
  },
  {
    key: 'seed',
    flag: '--seed <n>',
    env: 'TINK_SANDBOX_SEED',
    parse: integer(0, 2 ** 31 - 1),
    help: 'seed of the demo data and ids',
  },
  {
    key: 'scenario',
    flag: '--scenario <name>',
    env: 'TINK_SANDBOX_SCENARIO',
    parse: text,
    help: 'scenario active by default',
  },
  {
    key: 'scenariosDir',
    flag: '--scenarios-dir <dir>',
    env: 'TINK_SANDBOX_SCENARIOS_DIR',
    parse: text,
    help: 'directory of your own scenario files',
  },
  {
    key: 'logLevel',
    flag: '--log-level <level>',
    env: 'TINK_SANDBOX_LOG_LEVEL',
    parse: oneOf(LOG_LEVELS),
    help: `one of ${LOG_LEVELS.join(', ')}`,
  },
  {
    key: 'credentials.tinkClientId',
    flag: '--tink-client-id <id>',
    env: 'TINK_SANDBOX_TINK_CLIENT_ID',
    parse: text,
    help: "default tenant's Tink client id",
  },
  {
    key: 'credentials.tinkClientSecret',
    flag: '--tink-client-secret <secret>',
    env: 'TINK_SANDBOX_TINK_CLIENT_SECRET',
    parse: text,
    help: "default tenant's Tink client secret",
  },
  {
    key: 'credentials.xs2aApiKey',
    flag: '--xs2a-api-key <key>',
    env: 'TINK_SANDBOX_XS2A_API_KEY',
    parse: text,
    help: "default tenant's XS2A API key",
  },
  {
    key: 'acceptAnyCredentials',
    flag: '--accept-any-credentials [bool]',
    env: 'TINK_SANDBOX_ACCEPT_ANY_CREDENTIALS',
    parse: boolean,
    help: 'accept any Tink client or XS2A key into the default tenant',
  },
  {
    key: 'documentedOnly',
    flag: '--documented-only [bool]',
    env: 'TINK_SANDBOX_DOCUMENTED_ONLY',
    parse: boolean,
    help: "Tink: refuse the Elixir client's undocumented dialect",
  },
  {
    key: 'journalSize',
    flag: '--journal-size <n>',
    env: 'TINK_SANDBOX_JOURNAL_SIZE',
    parse: integer(1, 1_000_000),
    help: 'requests kept in the journal',
  },
  {
    key: 'validateResponses',
    flag: '--validate-responses <mode>',
    env: 'TINK_SANDBOX_VALIDATE_RESPONSES',
    parse: oneOf(RESPONSE_VALIDATION),
    help: 'check own responses against the contracts: off, log or strict',
  },
  {
    key: 'bodyLimit',
    flag: '--body-limit <bytes>',
    env: 'TINK_SANDBOX_BODY_LIMIT',
    parse: integer(1024, 1024 ** 3),
    help: 'largest request body accepted',
  },
  {
    key: 'clockStart',
    flag: '--clock <iso>',
    env: 'TINK_SANDBOX_CLOCK',
    parse: instant,
    help: "start the default tenant's clock at this instant",
  },
  {
    key: 'clockFrozen',
    flag: '--clock-frozen [bool]',
    env: 'TINK_SANDBOX_CLOCK_FROZEN',
    parse: boolean,
    help: "freeze the default tenant's clock",
  },
];

function assign(target: Record<string, unknown>, key: string, value: unknown): void {
  const [head, tail] = key.split('.') as [string, string | undefined];
  if (tail === undefined) {
    target[head] = value;
    return;
  }
  target[head] ??= {};
  assign(target[head] as Record<string, unknown>, tail, value);
}

function lookup(source: Record<string, unknown>, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((value, part) => (value as Record<string, unknown> | undefined)?.[part], source);
}

function readConfigFile(file: string): Record<string, unknown> {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `--config: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = parseYaml(content);
  } catch (error) {
    throw new ConfigError(
      `--config: ${file} is not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new ConfigError(`--config: ${file} must hold an object of options`);
  return parsed as Record<string, unknown>;
}

function checkConfigKeys(config: Record<string, unknown>, file: string): void {
  const known = new Set(OPTION_SPECS.map((spec) => spec.key.split('.')[0]));
  for (const key of Object.keys(config)) {
    if (!known.has(key))
      throw new ConfigError(`--config: ${file} has unknown option "${key}"; known: ${[...known].join(', ')}`);
  }
}

/**
 * Options from (highest first) the command line, the environment, a config file and the defaults.
 * Every value is validated; the first bad one throws a ConfigError naming it and what it accepts.
 */
export function parseCommandLine(argv: string[], env: Record<string, string | undefined>): SandboxOptions {
  const program = new Command('tink-sandbox')
    .description('Offline emulator of Tink and Tink Germany XS2A')
    .exitOverride()
    .configureOutput({ writeErr: () => {} })
    .option('--config <file>', 'read options from a YAML or JSON file')
    .addHelpText(
      'after',
      "\nCommands:\n  report --url <url> ...  gate CI on a sandbox's contract report (tink-sandbox report --help)",
    );
  for (const spec of OPTION_SPECS) program.option(spec.flag, `${spec.help} (env ${spec.env})`);
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (
      error instanceof CommanderError &&
      (error.code === 'commander.helpDisplayed' || error.code === 'commander.version')
    )
      throw error;
    // One line: commander's suggestion ("Did you mean ...?") comes on a second line.
    const message = (error instanceof CommanderError ? error.message : String(error))
      .replace(/^error: /, '')
      .replace(/\s*\n\s*/g, ' ');
    throw new ConfigError(`${message}; run tink-sandbox --help for the options`);
  }
  const flags = program.opts<Record<string, unknown>>();
  const configFile = (flags.config as string | undefined) ?? env.TINK_SANDBOX_CONFIG;
  const config = configFile ? readConfigFile(configFile) : {};
  if (configFile) checkConfigKeys(config, configFile);

  const options = structuredClone(DEFAULT_OPTIONS) as unknown as Record<string, unknown>;
  for (const spec of OPTION_SPECS) {
    const attribute = spec.flag
      .split(' ')[0]!
      .slice(2)
      .replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    const fromFlag = flags[attribute];
    const flagName = spec.flag.split(' ')[0]!;
    if (fromFlag !== undefined)
      assign(options, spec.key, spec.parse(fromFlag === true ? 'true' : String(fromFlag), flagName));
    else if (env[spec.env] !== undefined && env[spec.env] !== '')
      assign(options, spec.key, spec.parse(env[spec.env]!, spec.env));
    else if (lookup(config, spec.key) !== undefined)
      assign(options, spec.key, spec.parse(String(lookup(config, spec.key)), `${configFile}: ${spec.key}`));
  }
  return options as unknown as SandboxOptions;
}

export type SandboxOptionsInput = Partial<Omit<SandboxOptions, 'credentials'>> & {
  credentials?: Partial<DefaultCredentials>;
};

/** Options for `createSandbox()`: defaults filled in, nothing read from argv or the environment. */
export function resolveOptions(input: SandboxOptionsInput = {}): SandboxOptions {
  const options: SandboxOptions = {
    ...DEFAULT_OPTIONS,
    ...Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)),
    credentials: { ...DEFAULT_OPTIONS.credentials, ...input.credentials },
  };
  if (options.clockStart !== undefined && parseIso(options.clockStart) === undefined) {
    throw new ConfigError(`clockStart: expected an ISO-8601 date-time, got "${options.clockStart}"`);
  }
  return options;
}
