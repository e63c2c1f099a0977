/**
 * One fuzz target in a worker thread: draws inputs from fast-check in seeded chunks, runs the
 * decoder (or the recording reader) on each and classifies the outcome: a value (checked for
 * NaN/undefined, which would betray a read past the end), the module's own typed error (counted by
 * code and by distinct message), or a crash (anything else). Before each run the input is copied
 * into shared memory so the parent can name the exact input if the worker hangs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { decodeControlPoint } from '../../../src/ftms/control-point.js';
import { DecodeError } from '../../../src/ftms/decode-error.js';
import { decodeFeature } from '../../../src/ftms/feature.js';
import { decodeHeartRate } from '../../../src/ftms/heart-rate.js';
import { decodeMachineStatus } from '../../../src/ftms/machine-status.js';
import { decodeRowerData } from '../../../src/ftms/rower-data.js';
import { decodeTrainingStatus } from '../../../src/ftms/training-status.js';
import { parseRecording } from '../../../src/recording/reader.js';
import { RecordingError } from '../../../src/recording/recording-error.js';
import { type Char, loadCorpus, payloads, type ReaderMode, recordingTexts } from './fuzz-inputs.js';

export interface WorkerJob {
  target: Char | ReaderMode;
  runs: number;
  seed: number;
  /** [0] = input length in bytes, then the input (hex-able bytes or UTF-8 text) */
  shared: SharedArrayBuffer;
}

export interface TargetResult {
  type: 'result';
  target: string;
  runs: number;
  values: number;
  typedErrors: number;
  /** typed errors by code */
  codes: Record<string, number>;
  distinctMessages: number;
  /** values holding NaN / undefined / a non-finite number */
  badValues: number;
  crashes: number;
  /** up to 5 crash or bad-value examples: input (hex for payloads, JSON string for texts) and what happened */
  examples: Array<{ input: string; what: string }>;
  /** slowest single run, µs */
  maxRunUs: number;
  ms: number;
}

export type WorkerMessage = TargetResult | { type: 'progress'; target: string; done: number };

const decoders: Record<Char, (b: Uint8Array) => unknown> = {
  '2ad1': decodeRowerData,
  '2a37': decodeHeartRate,
  '2ad3': decodeTrainingStatus,
  '2ada': decodeMachineStatus,
  '2ad9': decodeControlPoint,
  '2acc': decodeFeature,
};

/** No number is NaN or non-finite and no value is undefined, anywhere in x. */
function wellFormed(x: unknown): boolean {
  if (typeof x === 'number') return Number.isFinite(x);
  if (x === undefined) return false;
  if (x instanceof Uint8Array) return true;
  if (Array.isArray(x)) return x.every(wellFormed);
  if (x !== null && typeof x === 'object') return Object.values(x).every(wellFormed);
  return true;
}

const job = workerData as WorkerJob;
const lenView = new Int32Array(job.shared, 0, 1);
const inputView = new Uint8Array(job.shared, 4);
const encoder = new TextEncoder();
const res: TargetResult = { type: 'result', target: job.target, runs: 0, values: 0, typedErrors: 0, codes: {}, distinctMessages: 0, badValues: 0, crashes: 0, examples: [], maxRunUs: 0, ms: 0 };
const messages = new Set<string>();
const isReader = job.target.startsWith('reader-');
const arb: fc.Arbitrary<Uint8Array | string> = isReader ? recordingTexts(job.target as ReaderMode) : payloads(job.target as Char, loadCorpus());
const run: (x: Uint8Array | string) => unknown = isReader
  ? (text) => parseRecording(text as string, 'fuzz.ndjson')
  : (bytes) => decoders[job.target as Char](bytes as Uint8Array);
const isTyped = (err: unknown): err is DecodeError | RecordingError =>
  isReader ? err instanceof RecordingError : err instanceof DecodeError && err.char === job.target;
const show = (x: Uint8Array | string): string => (typeof x === 'string' ? JSON.stringify(x) : Buffer.from(x).toString('hex'));

const CHUNK = 10_000;
const t0 = performance.now();
for (let chunk = 0; res.runs < job.runs; chunk++) {
  const inputs = fc.sample(arb, { numRuns: Math.min(CHUNK, job.runs - res.runs), seed: job.seed + chunk });
  for (const input of inputs) {
    const raw = typeof input === 'string' ? encoder.encode(input) : input;
    const n = Math.min(raw.length, inputView.length);
    inputView.set(raw.subarray(0, n));
    Atomics.store(lenView, 0, n);
    res.runs++;
    const s = performance.now();
    try {
      const value = run(input);
      res.values++;
      if (!wellFormed(value)) {
        res.badValues++;
        if (res.examples.length < 5) res.examples.push({ input: show(input), what: `malformed value ${JSON.stringify(value)}` });
      }
    } catch (err) {
      if (isTyped(err)) {
        res.typedErrors++;
        res.codes[err.code] = (res.codes[err.code] ?? 0) + 1;
        messages.add(err.message);
      } else {
        res.crashes++;
        if (res.examples.length < 5) res.examples.push({ input: show(input), what: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
      }
    }
    res.maxRunUs = Math.max(res.maxRunUs, (performance.now() - s) * 1000);
  }
  parentPort?.postMessage({ type: 'progress', target: job.target, done: res.runs } satisfies WorkerMessage);
}
res.ms = performance.now() - t0;
res.distinctMessages = messages.size;
parentPort?.postMessage(res satisfies WorkerMessage);
