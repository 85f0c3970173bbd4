import { parseIso } from './clock.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const RESPONSE_VALIDATION = ['off', 'log', 'strict'] as const;

/** A bad option: the CLI prints the message on one line and exits with status 2. */
export class ConfigError extends Error {}

/**
 * Every option once, with the parser that checks its value: the CLI flags, the environment variables
 * and the config file keys of server/config.ts all come from this table (and the README lists it).
 */

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

export interface OptionSpec {
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
