/** The package's public API: start a sandbox in-process. */
export { createSandbox, type Listening, type Sandbox } from './app.js';
export { ConfigError, DEFAULT_OPTIONS, type SandboxOptions, type SandboxOptionsInput } from './config.js';
export type { SandboxRequest, SandboxResponse } from './http/types.js';
export type { JournalEntry, Violation } from './journal.js';
