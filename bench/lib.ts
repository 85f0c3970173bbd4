import { type ChildProcess, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';

export const MAIN = join(import.meta.dirname, '..', 'dist', 'server', 'main.js');

export interface Server {
  child: ChildProcess;
  url: string;
  startupMs: number;
}

/** Spawns a node script that prints a line containing `"url":"http://…"` when it listens. */
export function spawnServer(args: string[], env: Record<string, string> = {}): Promise<Server> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start: ${output}`)), 20_000);
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, startupMs: performance.now() - started });
      }
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

export async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

export interface Load {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: (i: number) => string;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

/** Sends `total` requests with `concurrency` in flight over keep-alive connections; bounded by count. */
export async function runLoad(url: string, load: Load, total: number, concurrency = 16): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(load.path, url);
  const latencies: number[] = [];
  let sent = 0;
  let errors = 0;
  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const body = load.body?.(i);
      const started = performance.now();
      const req = request(target, { method: load.method ?? 'GET', agent, headers: load.headers }, (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - started);
          if ((res.statusCode ?? 500) >= 500) errors += 1;
          resolve();
        });
      });
      req.on('error', () => {
        errors += 1;
        resolve();
      });
      req.end(body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (sent < total) await one(sent++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round((latencies[Math.floor(q * (latencies.length - 1))] ?? 0) * 100) / 100;
  return {
    requests: total,
    seconds,
    perSecond: Math.round(total / seconds),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    errors,
  };
}

export interface Goal {
  name: string;
  measured: string;
  baseline: string;
  ok: boolean;
}

export function report(goals: Goal[]): boolean {
  console.log('\n| goal | measured | baseline (same run) | ok |\n|---|---|---|---|');
  for (const goal of goals)
    console.log(`| ${goal.name} | ${goal.measured} | ${goal.baseline} | ${goal.ok ? 'yes' : 'NO'} |`);
  return goals.every((goal) => goal.ok);
}
