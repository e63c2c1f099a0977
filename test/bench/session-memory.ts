/**
 * Memory across sessions: a day of classes through the session pipeline with the lifecycle
 * (session$ → the server's SnapshotStore, as the daemon holds them), one committed fixture rowed
 * again and again with 10 idle minutes between, heartbeats every second. After each session end
 * the heap is measured after a full GC: it must stay flat, because each session's pipeline
 * (samples, strokes, detectors, verdict state) is dropped when the session ends.
 * Run: node test/bench/run-ts.mjs test/bench/session-memory.ts [-- SESSIONS]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, RowerEvent } from '../../src/ftms/frame.js';
import { parseRecording } from '../../src/recording/reader.js';
import { session$ } from '../../src/pipeline/session.js';
import { replay$ } from '../../src/sources/replay.js';
import { SnapshotStore } from '../../src/server/snapshot-store.js';

const sessions = Number(process.argv[2] ?? 40);
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc (run-ts.mjs does)');
const file = join(process.cwd(), 'fixtures/hiit-held.ndjson'); // run from the repository root (bundled into node_modules/.cache)
const one = parseRecording(readFileSync(file, 'utf8'), file).items;
const period = one[one.length - 1]!.t + 10 * 60_000;
function* day(): Generator<Frame | RowerEvent> {
  for (let k = 0; k < sessions; k++) for (const x of one) yield { ...x, t: x.t + k * period };
}
const items = [...day()];
const store = new SnapshotStore(new Date(0).toISOString(), 'ble');
const heapMB: number[] = [];
const t0 = performance.now();
replay$(items, { speed: 'instant', heartbeatMs: 1000 })
  .pipe(session$({ lifecycle: { idleEndMs: 300_000 } }))
  .subscribe((ev) => {
    store.apply(ev);
    if (ev.type === 'session' && ev.state === 'ended') {
      gc();
      heapMB.push(process.memoryUsage().heapUsed / 2 ** 20);
    }
  });
const s = (performance.now() - t0) / 1000;
const at = (n: number): number => heapMB[n - 1] ?? NaN;
console.log(`${heapMB.length} sessions of ${one.length} items (${(items.length / s).toFixed(0)} items/s with heartbeats, ${s.toFixed(1)} s)`);
for (const n of [1, 5, 10, 20, sessions]) if (n <= heapMB.length) console.log(`heap after session ${String(n).padStart(3)}: ${at(n).toFixed(1)} MB`);
const perSessionKB = ((at(sessions) - at(10)) * 1024) / (sessions - 10);
console.log(`growth from session 10 to ${sessions}: ${perSessionKB.toFixed(1)} kB per session`);
