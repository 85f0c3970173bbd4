/**
 * Benchmarks, each against a baseline measured in the same run on the same machine (these machines
 * are noisy, so absolute numbers mean little and ratios carry the goal). `npm run bench`; exits 1
 * when a goal is missed. Bounded: every load has a fixed request count, loopback only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Goal, MAIN, report, runLoad, spawnServer, stopServer } from './lib.js';

const BASELINE = join(import.meta.dirname, 'baseline-server.mjs');
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 4000);
const goals: Goal[] = [];

async function startup(): Promise<void> {
  const runs = 3;
  let sandbox = 0;
  let baseline = 0;
  for (let i = 0; i < runs; i += 1) {
    const b = await spawnServer([BASELINE]);
    baseline += b.startupMs / runs;
    await stopServer(b);
    const s = await spawnServer([MAIN, '--port', '0', '--log-level', 'info']);
    const res = await fetch(`${s.url}/__admin/health`);
    if (res.status !== 200) throw new Error('health failed');
    sandbox += s.startupMs / runs;
    await stopServer(s);
  }
  goals.push({
    name: 'start-up until listening (mean of 3)',
    measured: `${Math.round(sandbox)} ms`,
    baseline: `${Math.round(baseline)} ms bare node:http`,
    ok: sandbox < 1000,
  });
}

async function throughput(): Promise<void> {
  const b = await spawnServer([BASELINE]);
  const base = await runLoad(b.url, { path: '/' }, REQUESTS);
  await stopServer(b);
  const s = await spawnServer([MAIN, '--port', '0', '--log-level', 'info'], {
    TINK_SANDBOX_LOG_LEVEL: 'warn',
  });
  await runLoad(s.url, { path: '/__admin/health' }, 200); // warm-up: lazy validator compilation
  const health = await runLoad(s.url, { path: '/__admin/health' }, REQUESTS);
  const unknown = await runLoad(
    s.url,
    { path: '/api/v1/nothing', headers: { 'x-sandbox-tenant': 'default' } },
    REQUESTS,
  );
  await stopServer(s);
  const ratio = health.perSecond / base.perSecond;
  console.log({ baseline: base, health, journaled404: unknown });
  goals.push({
    name: 'admin health throughput ≥ 0.10× bare node:http',
    measured: `${health.perSecond}/s (p99 ${health.p99Ms} ms), ${ratio.toFixed(2)}×`,
    baseline: `${base.perSecond}/s`,
    ok: ratio >= 0.1 && health.errors === 0,
  });
  goals.push({
    name: 'journaled emulated-API request throughput ≥ 0.08× bare node:http',
    measured: `${unknown.perSecond}/s (p99 ${unknown.p99Ms} ms), ${(unknown.perSecond / base.perSecond).toFixed(2)}×`,
    baseline: `${base.perSecond}/s`,
    ok: unknown.perSecond / base.perSecond >= 0.08 && unknown.errors === 0,
  });
}

/** Real operations with authentication, routing, validation and journaling: the client's hot path. */
async function emulatedReads(): Promise<void> {
  const b = await spawnServer([BASELINE]);
  const base = await runLoad(b.url, { path: '/' }, REQUESTS);
  await stopServer(b);
  const s = await spawnServer([MAIN, '--port', '0', '--log-level', 'info'], {
    TINK_SANDBOX_LOG_LEVEL: 'warn',
  });
  const token = await fetch(`${s.url}/api/v1/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({
      client_id: 'sandbox-client-id',
      client_secret: 'sandbox-client-secret',
      grant_type: 'client_credentials',
      scope: 'accounts:write,transactions:write',
    }),
  }).then((res) => res.json() as Promise<{ access_token: string }>);
  const tinkHeaders = { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' };
  const accounts = {
    accounts: [
      {
        externalId: 'bench-acc',
        name: 'Bench',
        type: 'CHECKING',
        balance: { amount: { currencyCode: 'EUR', value: 1 } },
      },
    ],
  };
  const operation = await fetch(`${s.url}/connector/users/bench-user/accounts`, {
    method: 'POST',
    headers: tinkHeaders,
    body: JSON.stringify(accounts),
  }).then((res) => res.json() as Promise<{ operationId: string }>);
  const state = await fetch(`${s.url}/__admin/state`).then(
    (res) => res.json() as Promise<{ xs2a: { tokens: Array<{ token: string }> } }>,
  );
  const basic = `Basic ${Buffer.from(`api:${state.xs2a.tokens[0]!.token}`).toString('base64')}`;
  const poll = { path: `/data/v2/connector/operations/${operation.operationId}`, headers: tinkHeaders };
  const xs2a = { path: '/v1/api/accounts', headers: { authorization: basic } };
  await runLoad(s.url, poll, 200);
  await runLoad(s.url, xs2a, 200);
  const tink = await runLoad(s.url, poll, REQUESTS);
  const accountsList = await runLoad(s.url, xs2a, REQUESTS);
  await stopServer(s);
  console.log({ tinkPoll: tink, xs2aAccounts: accountsList });
  for (const [name, result] of [
    ['Tink get_operation (bearer, routed, validated, journaled)', tink],
    ['XS2A list accounts (basic auth, routed, validated, journaled)', accountsList],
  ] as const) {
    goals.push({
      name: `${name} ≥ 0.08× bare node:http`,
      measured: `${result.perSecond}/s (p99 ${result.p99Ms} ms), ${(result.perSecond / base.perSecond).toFixed(2)}×`,
      baseline: `${base.perSecond}/s`,
      ok: result.perSecond / base.perSecond >= 0.08 && result.errors === 0,
    });
  }
}

async function persistence(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tsb-bench-'));
  const body = () => JSON.stringify({ demoData: false });
  const load = {
    method: 'POST',
    path: '/__admin/tenants',
    headers: { 'content-type': 'application/json' },
    body,
  };
  const memory = await spawnServer([MAIN, '--port', '0', '--log-level', 'info'], {
    TINK_SANDBOX_LOG_LEVEL: 'warn',
  });
  const inMemory = await runLoad(memory.url, load, 400);
  await stopServer(memory);
  const file = await spawnServer(
    [MAIN, '--port', '0', '--log-level', 'info', '--data', join(dir, 'state.json')],
    {
      TINK_SANDBOX_LOG_LEVEL: 'warn',
    },
  );
  const onDisk = await runLoad(file.url, load, 400);
  await stopServer(file);
  rmSync(dir, { recursive: true, force: true });
  // Group commit: durable writes should cost a small factor, not a file rewrite per request in turn.
  goals.push({
    name: 'durable writes (--data) ≥ 0.25× in-memory writes',
    measured: `${onDisk.perSecond}/s (p99 ${onDisk.p99Ms} ms)`,
    baseline: `${inMemory.perSecond}/s in memory`,
    ok: onDisk.perSecond / inMemory.perSecond >= 0.25 && onDisk.errors === 0,
  });
}

await startup();
await throughput();
await emulatedReads();
await persistence();
process.exit(report(goals) ? 0 : 1);
