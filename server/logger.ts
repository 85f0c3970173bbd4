import { type Logger, pino } from 'pino';
import pretty from 'pino-pretty';
import type { LogLevel } from './config.js';

/** JSON lines, or readable lines when a person is watching the terminal. */
export function createLogger(level: LogLevel, readable = Boolean(process.stdout.isTTY)): Logger {
  if (!readable) return pino({ level, base: { service: 'tink-sandbox' } });
  return pino(
    { level },
    pretty({ sync: true, colorize: true, ignore: 'pid,hostname', translateTime: 'HH:MM:ss.l' }),
  );
}
