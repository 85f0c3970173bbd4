import { open, readFile, rename } from 'node:fs/promises';
import type { Adapter } from 'lowdb';

export class StoreFileError extends Error {}

interface PendingWrite {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function deferred(): PendingWrite {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * A lowdb adapter for `--data FILE` with group commit: while one write is on its way to disk, every
 * further `write()` joins the next single write, which serialises the state as it is when that write
 * starts. Each write goes to a temporary file, is fsynced and renamed over the file, so a crash at
 * any moment leaves either the old or the new state, never a torn file.
 */
export class CoalescingJsonFile<T> implements Adapter<T> {
  private inFlight = false;
  private next: PendingWrite | null = null;
  private latest: T | null = null;
  private readonly temporary: string;

  constructor(private readonly file: string) {
    this.temporary = `${file}.${process.pid}.tmp`;
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StoreFileError(`cannot read data file ${this.file}: ${(error as Error).message}`);
    }
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new StoreFileError(
        `data file ${this.file} is not valid JSON (${(error as Error).message}); it was left unchanged`,
      );
    }
  }

  write(data: T): Promise<void> {
    this.latest = data;
    if (!this.next) this.next = deferred();
    const waiting = this.next.promise;
    if (!this.inFlight) void this.drain();
    return waiting;
  }

  private async drain(): Promise<void> {
    this.inFlight = true;
    while (this.next) {
      const batch = this.next;
      this.next = null;
      try {
        await this.writeAtomically(JSON.stringify(this.latest));
        batch.resolve();
      } catch (error) {
        batch.reject(error);
      }
    }
    this.inFlight = false;
  }

  private async writeAtomically(text: string): Promise<void> {
    const handle = await open(this.temporary, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(this.temporary, this.file);
  }
}
