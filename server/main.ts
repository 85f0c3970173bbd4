#!/usr/bin/env node
/** The command line: the only module that reads argv and the environment, opens the store and listens. */

import { writeFile } from 'node:fs/promises';
import { CommanderError } from 'commander';
import { createSandbox } from './app.js';
import { runReportCommand } from './cli/report.js';
import { ConfigError, parseCommandLine, type SandboxOptions } from './config.js';
import { createLogger } from './logger.js';
import { StoreFileError } from './store/json-file.js';

const EXIT_USAGE = 2;

function fail(message: string, code: number): never {
  process.stderr.write(`tink-sandbox: ${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === 'report') {
    // exitCode, not exit(): a long report piped to a file must be written out first.
    process.exitCode = await runReportCommand(argv.slice(1), {
      fetch,
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      writeFile: (path, text) => writeFile(path, text, 'utf8'),
    });
    return;
  }
  let options: SandboxOptions;
  try {
    options = parseCommandLine(argv, process.env);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(0); // --help or --version was printed
    fail((error as Error).message, EXIT_USAGE);
  }
  const logger = createLogger(options.logLevel);
  let sandbox: Awaited<ReturnType<typeof createSandbox>> | undefined;
  // Handlers go in before anything else: a signal that arrives while no handler is registered
  // would kill the process with the default action instead of a clean stop.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing requests in flight and flushing the store');
    (sandbox ? sandbox.close() : Promise.resolve()).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'could not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  try {
    sandbox = await createSandbox({ ...options, logger });
  } catch (error) {
    if (error instanceof StoreFileError || error instanceof ConfigError) fail(error.message, EXIT_USAGE);
    throw error;
  }
  const { url } = await sandbox
    .listen(options.port, options.host)
    .catch((error: NodeJS.ErrnoException) =>
      fail(`cannot listen on ${options.host}:${options.port}: ${error.code ?? error.message}`, 1),
    );
  logger.info(
    { url, data: options.dataFile ?? 'memory', seed: options.seed },
    `tink-sandbox listening on ${url} (Tink and XS2A APIs; admin at ${url}/__admin)`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`tink-sandbox: failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
