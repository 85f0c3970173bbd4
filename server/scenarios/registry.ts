import { existsSync, type FSWatcher, watch } from 'node:fs';
import type { Logger } from 'pino';
import { builtinScenariosDir } from '../paths.js';
import { checkDefinition, formatError, parseScenario, parseScenarioFile, scenarioFiles } from './load.js';
import type { LoadedScenario, ScenarioDefinition, ScenarioError, ScenarioSource } from './types.js';

/** How long a burst of file events is left to settle before the directory is read again. */
const RELOAD_DEBOUNCE_MS = 75;

const rank: Record<ScenarioSource['kind'], number> = { 'built-in': 0, directory: 1, snapshot: 2, api: 2 };

/**
 * Every scenario known to one sandbox: the built-ins, the files of `--scenarios-dir` (re-read when
 * they change) and those loaded through the admin API or a snapshot. A later source overrides an
 * earlier one of the same name, so a team can replace a built-in with its own version.
 */
export class ScenarioRegistry {
  private readonly scenarios = new Map<string, LoadedScenario>();
  private readonly overridden = new Map<string, LoadedScenario>();
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Called after a directory reload, e.g. by tests waiting for one. */
  onReload: ((errors: ScenarioError[]) => void) | undefined;

  constructor(private readonly logger: Logger) {}

  get(name: string): LoadedScenario | undefined {
    return this.scenarios.get(name);
  }

  names(): string[] {
    return [...this.scenarios.keys()].sort();
  }

  list(): LoadedScenario[] {
    return this.names().map((name) => this.scenarios.get(name)!);
  }

  /** Adds a valid definition; an overridden built-in comes back if its replacement goes. */
  put(definition: ScenarioDefinition, source: ScenarioSource): void {
    const existing = this.scenarios.get(definition.name);
    if (existing && rank[existing.source.kind] > rank[source.kind]) return;
    if (existing?.source.kind === 'built-in' && source.kind !== 'built-in')
      this.overridden.set(definition.name, existing);
    this.scenarios.set(definition.name, { definition, source });
  }

  private remove(name: string): void {
    const previous = this.overridden.get(name);
    if (previous) this.scenarios.set(name, previous);
    else this.scenarios.delete(name);
    this.overridden.delete(name);
  }

  loadBuiltins(dir = builtinScenariosDir): void {
    const errors = this.loadDirectory(dir, 'built-in');
    // A broken built-in is a bug in tink-sandbox itself: fail loudly at start.
    if (errors.length)
      throw new Error(`built-in scenarios are invalid:\n${errors.map(formatError).join('\n')}`);
  }

  /** Loads every valid file of a directory; an invalid file keeps its previous version, if any. */
  loadDirectory(dir: string, kind: 'built-in' | 'directory' = 'directory'): ScenarioError[] {
    const errors: ScenarioError[] = [];
    const files = existsSync(dir) ? scenarioFiles(dir) : [];
    const seen = new Set<string>();
    for (const file of files) {
      const outcome = parseScenarioFile(file);
      if (!outcome.ok) {
        errors.push(...outcome.errors);
        const kept = [...this.scenarios.values()].find((s) => 'file' in s.source && s.source.file === file);
        if (kept) seen.add(kept.definition.name);
        continue;
      }
      const name = outcome.definition.name;
      if (seen.has(name)) {
        errors.push({ file, path: '/name', message: `repeats the scenario name '${name}' of another file` });
        continue;
      }
      seen.add(name);
      this.put(outcome.definition, { kind, file });
    }
    // Files that went away take their scenarios with them.
    for (const loaded of this.list()) {
      if (loaded.source.kind === kind && !seen.has(loaded.definition.name))
        this.remove(loaded.definition.name);
    }
    for (const error of errors) this.logger.error({ scenarioError: error }, formatError(error));
    return errors;
  }

  /** A scenario posted to the admin API: YAML or JSON text, or an already parsed JSON value. */
  loadText(body: unknown, file = '(request body)') {
    const outcome = typeof body === 'string' ? parseScenario(body, file) : checkDefinition(body, file);
    if (outcome.ok) this.put(outcome.definition, { kind: 'api' });
    return outcome;
  }

  /** Loads the directory now and again whenever its files change (debounced). */
  watchDirectory(dir: string): ScenarioError[] {
    const errors = this.loadDirectory(dir);
    if (!existsSync(dir)) {
      this.logger.warn({ dir }, 'the scenarios directory does not exist; nothing loaded from it');
      return errors;
    }
    this.watcher = watch(dir, () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        const reloaded = this.loadDirectory(dir);
        this.logger.info({ dir, errors: reloaded.length }, 'scenarios directory reloaded');
        this.onReload?.(reloaded);
      }, RELOAD_DEBOUNCE_MS);
    });
    return errors;
  }

  /** Definitions loaded at run time (directory, API, snapshot), for snapshots. */
  exportDefinitions(): ScenarioDefinition[] {
    return this.list()
      .filter((s) => s.source.kind !== 'built-in')
      .map((s) => structuredClone(s.definition));
  }

  importDefinitions(definitions: unknown[]): ScenarioError[] {
    const errors: ScenarioError[] = [];
    definitions.forEach((value, index) => {
      const outcome = checkDefinition(value, `snapshot scenarios[${index}]`);
      if (outcome.ok) this.put(outcome.definition, { kind: 'snapshot' });
      else errors.push(...outcome.errors);
    });
    for (const error of errors) this.logger.warn({ scenarioError: error }, formatError(error));
    return errors;
  }

  close(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
  }
}
