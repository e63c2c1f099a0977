/**
 * History benchmark: N one-hour sessions (default 1 000) — five simulated one-hour recordings
 * (`ergsprint simulate`, seeds 1–5: 22 min warm-up, 8 × 30 s / 90 s, 22 min cool-down), each
 * copied with its own start date and an `athlete` event (5 athletes), so every copy has its own
 * content hash and goes through the full analysis — then measures, through the built CLI:
 * `history rebuild` (wall time, sessions/s), `history bests` (whole command and the query alone,
 * over every session and for one athlete), and the database size per session.
 * Run with `npm run bench:history [-- --sessions 1000]`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openHistory } from '../../../src/store/history-store.js';

const { values: opt } = parseArgs({ options: { sessions: { type: 'string', default: '1000' }, keep: { type: 'boolean', default: false } } });
const N = Number(opt.sessions);
const root = process.cwd();
const cli = join(root, 'dist', 'bin.js');
const home = mkdtempSync(join(tmpdir(), 'ergsprint-history-bench-'));
const env = { ...process.env, XDG_DATA_HOME: home };
const sessions = join(home, 'ergsprint', 'sessions');
mkdirSync(sessions, { recursive: true });

function cliRun(args: string[]): { ms: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// ---- recordings ------------------------------------------------------------------------------
const bases = [1, 2, 3, 4, 5].map((seed) => {
  const out = join(home, `base-${seed}.ndjson`);
  cliRun(['simulate', '--out', out, '--seed', String(seed), '--reps', '8', '--work', '30', '--rest', '90', '--warmup', '1320', '--cooldown', '1320']);
  return readFileSync(out, 'utf8').split('\n');
});
const ATHLETES = ['Ann', 'Bo', 'Cy', 'Di', 'Ed'];
const day0 = Date.parse('2024-01-01T06:00:00Z');
let recordingBytes = 0;
const tGen = performance.now();
for (let i = 0; i < N; i++) {
  const lines = bases[i % bases.length]!;
  const header = JSON.parse(lines[0]!) as { startedAt: string; rowers: { id: string }[] };
  header.startedAt = new Date(day0 + i * 86_400_000 * 0.7).toISOString();
  const text = [JSON.stringify(header), JSON.stringify({ type: 'event', t: 0, r: header.rowers[0]!.id, event: 'athlete', athlete: ATHLETES[i % ATHLETES.length] }), ...lines.slice(1)].join('\n');
  recordingBytes += Buffer.byteLength(text);
  writeFileSync(join(sessions, `${header.startedAt.replace(/:/g, '-')}.ndjson`), text);
}
const genS = (performance.now() - tGen) / 1000;

// ---- rebuild -----------------------------------------------------------------------------------
const rebuild = cliRun(['history', 'rebuild']);
if (!rebuild.stdout.startsWith(`indexed ${N} sessions`)) throw new Error(`unexpected rebuild output: ${rebuild.stdout}`);

// ---- bests -------------------------------------------------------------------------------------
const bestsCli = median(Array.from({ length: 5 }, () => cliRun(['history', 'bests', '--json']).ms));
const bestsAthleteCli = median(Array.from({ length: 5 }, () => cliRun(['history', 'bests', '--athlete', 'Ann', '--json']).ms));
const listCli = median(Array.from({ length: 5 }, () => cliRun(['history', '--json']).ms));
const baseline = median(Array.from({ length: 5 }, () => cliRun(['--version']).ms));
const db = join(home, 'ergsprint', 'history.db');
const store = openHistory(db);
const q = (f: () => unknown): number => {
  f(); // warm the page cache and statement compilation
  return median(
    Array.from({ length: 21 }, () => {
      const t0 = performance.now();
      f();
      return performance.now() - t0;
    }),
  );
};
const bestsQuery = q(() => store.bests());
const bestsAthleteQuery = q(() => store.bests({ athlete: 'Ann' }));
const effortsQuery = q(() => store.efforts({ athlete: 'Ann', sinceMs: day0, beforeMs: day0 + 400 * 86_400_000 }));
const efforts = store.efforts({ athlete: 'Ann' }).length;
store.connection.pragma('wal_checkpoint(TRUNCATE)');
store.close();
const dbBytes = statSync(db).size;

const r = (x: number, d = 1): number => Math.round(x * 10 ** d) / 10 ** d;
console.log(
  JSON.stringify(
    {
      sessions: N,
      loadAverage1minAtEnd: r(loadavg()[0]!),
      recordingMBPerSession: r(recordingBytes / N / 1e6, 2),
      generateS: r(genS),
      rebuildS: r(rebuild.ms / 1000),
      rebuildSessionsPerS: r(N / (rebuild.ms / 1000)),
      bestsCommandMs: r(bestsCli, 0),
      bestsAthleteCommandMs: r(bestsAthleteCli, 0),
      listCommandMs: r(listCli, 0),
      cliStartupMs: r(baseline, 0),
      bestsQueryMs: r(bestsQuery, 2),
      bestsAthleteQueryMs: r(bestsAthleteQuery, 2),
      effortsQueryMs: r(effortsQuery, 2),
      effortsOfOneAthlete: efforts,
      dbBytesPerSession: Math.round(dbBytes / N),
      dbMB: r(dbBytes / 1e6),
    },
    null,
    2,
  ),
);
if (!opt.keep) rmSync(home, { recursive: true, force: true });
else console.log(`kept ${home}`);
