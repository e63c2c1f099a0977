/**
 * `npm run fuzz`: ≥ 1 000 000 random payloads per FTMS characteristic against its decoder, and the
 * recording reader on 1 000 000 random small recordings per kind of line (random bytes, JSON-ish,
 * valid lines with random values). One worker thread per core; a worker that reports no progress
 * for --hang-s seconds is a hang and the input it was on is printed. A crash is any exception that
 * is not the module's own typed error (DecodeError of that characteristic, RecordingError).
 * Options: --runs N (per characteristic), --reader-runs N (per reader kind), --seed N, --hang-s S.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { CHARS, READER_MODES } from './fuzz-inputs.js';
import type { TargetResult, WorkerJob, WorkerMessage } from './fuzz-worker.js';

const { values: opt } = parseArgs({
  options: {
    runs: { type: 'string', default: '1000000' },
    'reader-runs': { type: 'string', default: '1000000' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000_000) },
    'hang-s': { type: 'string', default: '30' },
  },
});
const here = dirname(fileURLToPath(import.meta.url));
const seed = Number(opt.seed);
const hangMs = Number(opt['hang-s']) * 1000;
const NAMES: Record<string, string> = { '2ad1': 'Rower Data', '2a37': 'Heart Rate', '2ad3': 'Training Status', '2ada': 'Machine Status', '2ad9': 'Control Point', '2acc': 'Feature', 'reader-bytes': 'reader: random bytes', 'reader-jsonish': 'reader: JSON-ish lines', 'reader-valid': 'reader: valid lines, random values' };
const queue: WorkerJob['target'][] = [...CHARS, ...READER_MODES];
const results: Array<TargetResult & { hang?: string }> = [];
const started = performance.now();
console.log(`fuzz: seed ${seed}, ${opt.runs} runs per characteristic, ${opt['reader-runs']} per reader kind, ${cpus().length} workers`);

function runOne(target: WorkerJob['target'], index: number): Promise<void> {
  const shared = new SharedArrayBuffer(4 + 64 * 1024);
  const runs = Number(target.startsWith('reader-') ? opt['reader-runs'] : opt.runs);
  const job: WorkerJob = { target, runs, seed: seed + index * 1_000_003, shared };
  const worker = new Worker(join(here, 'fuzz-worker.mjs'), { workerData: job });
  let last = performance.now();
  let done = 0;
  return new Promise((resolve) => {
    const finish = (r: TargetResult & { hang?: string }): void => {
      clearInterval(watchdog);
      results.push(r);
      const t = ((performance.now() - started) / 1000).toFixed(0);
      console.log(`fuzz: ${t} s  ${r.target} ${r.runs} runs, ${r.crashes} crashes${r.hang ? ', HANG' : ''}`);
      resolve();
    };
    const watchdog = setInterval(() => {
      if (performance.now() - last < hangMs) return;
      const len = Atomics.load(new Int32Array(shared, 0, 1), 0);
      const input = Buffer.from(new Uint8Array(shared, 4, len));
      const shown = target.startsWith('reader-') ? JSON.stringify(input.toString('utf8')) : input.toString('hex');
      void worker.terminate();
      finish({ type: 'result', target, runs: done, values: 0, typedErrors: 0, codes: {}, distinctMessages: 0, badValues: 0, crashes: 1, examples: [{ input: shown, what: `no progress for ${hangMs / 1000} s` }], maxRunUs: NaN, ms: performance.now() - last, hang: shown });
    }, 1000);
    worker.on('message', (m: WorkerMessage) => {
      last = performance.now();
      if (m.type === 'progress') done = m.done;
      else finish(m);
    });
    worker.on('error', (err) => finish({ type: 'result', target, runs: done, values: 0, typedErrors: 0, codes: {}, distinctMessages: 0, badValues: 0, crashes: 1, examples: [{ input: '?', what: `worker died: ${String(err)}` }], maxRunUs: NaN, ms: 0 }));
  });
}

let next = 0;
const pool = Array.from({ length: Math.max(1, cpus().length) }, async () => {
  while (next < queue.length) {
    const i = next++;
    await runOne(queue[i] as WorkerJob['target'], i);
  }
});
await Promise.all(pool);

results.sort((a, b) => queue.indexOf(a.target as WorkerJob['target']) - queue.indexOf(b.target as WorkerJob['target']));
const head = ['target', 'runs', 'values', 'typed errors (by code)', 'distinct msgs', 'bad values', 'crashes', 'hangs', 'runs/s', 'slowest run'];
const rows = results.map((r) => [
  `${r.target} ${NAMES[r.target] ?? ''}`.trim(),
  r.runs.toLocaleString('en'),
  r.values.toLocaleString('en'),
  `${r.typedErrors.toLocaleString('en')} (${Object.entries(r.codes).map(([c, n]) => `${c} ${n}`).join(', ')})`,
  String(r.distinctMessages),
  String(r.badValues),
  String(r.crashes - (r.hang ? 1 : 0)),
  r.hang ? '1' : '0',
  Math.round(r.runs / (r.ms / 1000)).toLocaleString('en'),
  `${r.maxRunUs.toFixed(0)} µs`,
]);
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
console.log(['', line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n'));
for (const r of results) for (const e of r.examples) console.log(`  ${r.target}: ${e.what} on input ${e.input.slice(0, 300)}`);
const total = (performance.now() - started) / 1000;
const failures = results.reduce((n, r) => n + r.crashes + r.badValues, 0);
console.log(`\nfuzz: ${results.reduce((n, r) => n + r.runs, 0).toLocaleString('en')} runs in ${total.toFixed(0)} s (seed ${seed}): ${failures === 0 ? 'no crash, no hang, no malformed value' : `${failures} FAILURES`}`);
mkdirSync('test-artifacts', { recursive: true });
writeFileSync(join('test-artifacts', 'fuzz.json'), JSON.stringify({ seed, seconds: total, cpus: cpus().length, results }, null, 2));
process.exit(failures === 0 ? 0 : 1);
