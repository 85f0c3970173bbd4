import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { parse as parseYaml } from 'yaml';
import { parseIso } from './clock.js';
import { ConfigError, LOG_LEVELS, OPTION_SPECS, RESPONSE_VALIDATION } from './options.js';

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

export { ConfigError, LOG_LEVELS, OPTION_SPECS, RESPONSE_VALIDATION };

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
