/**
 * Child process of the soak: N display clients churning against live's `/ws`. Each connects, reads
 * `hello`, stays a random 1–20 s (argv[4] 'MIN:MAX'), disconnects, waits 0–2 s and reconnects. For every `sample` it
 * records the display lag: wall time of receipt − (hello's startedAt + sample.t), i.e. the sample's
 * own timestamp (live's monotonic session clock, started with startedAt) against the receipt here.
 */
import WebSocket from 'ws';

export interface DisplayReport {
  type: 'result';
  connects: number;
  hellos: number;
  samples: number;
  messages: number;
  errors: number;
  /** closes not started by this client (server drop, network) */
  unexpectedCloses: number;
  /** lag histogram: bucket i counts lags in [i, i+1) × BUCKET_MS; negative lags land in bucket 0 */
  lagBuckets: number[];
  lagMin: number;
  lagMax: number;
  open: number;
  /** a random 2 % of the samples as [rower, sample.t, wall ms of receipt], for the end-to-end lag */
  picks: Array<[string, number, number]>;
}

export const BUCKET_MS = 0.5;
const [url = '', countText = '50', stayText = '1:20'] = process.argv.slice(2);
const count = Number(countText);
const [stayMinS = 1, stayMaxS = 20] = stayText.split(':').map(Number);
const buckets = new Array<number>(40_000).fill(0); // up to 20 s
const r: DisplayReport = { type: 'result', connects: 0, hellos: 0, samples: 0, messages: 0, errors: 0, unexpectedCloses: 0, lagBuckets: buckets, lagMin: Infinity, lagMax: -Infinity, open: 0, picks: [] };
const wallMs = (): number => performance.timeOrigin + performance.now();
const rand = (a: number, b: number): number => a + Math.random() * (b - a);
const sockets = new Set<WebSocket>();
let stopping = false;
let ready = 0;

interface SampleMsg {
  type: string;
  rower?: string;
  snapshot?: { startedAt?: string };
  sample?: { t?: number };
}

/**
 * Displays come from several loopback addresses (127.0.0.2 …), as a room's screens and phones come
 * from several machines: the server admits at most 16 displays per client address.
 */
const PER_ADDRESS = 12;
const sourceAddress = (i: number): string => `127.0.0.${2 + Math.floor(i / PER_ADDRESS)}`;

function client(first: boolean, i: number): void {
  if (stopping) return;
  const ws = new WebSocket(url, { localAddress: sourceAddress(i) });
  sockets.add(ws);
  r.connects++;
  let origin = NaN;
  let leaving = false;
  let stay: ReturnType<typeof setTimeout> | undefined;
  ws.on('message', (data: Buffer) => {
    const recv = wallMs();
    r.messages++;
    const m = JSON.parse(String(data)) as SampleMsg;
    if (m.type === 'hello') {
      r.hellos++;
      origin = Date.parse(m.snapshot?.startedAt ?? '');
      if (first && ++ready === count) process.send?.({ type: 'ready' });
      first = false;
      stay ??= setTimeout(() => {
        leaving = true;
        ws.close();
      }, rand(stayMinS * 1000, stayMaxS * 1000));
    } else if (m.type === 'sample' && typeof m.sample?.t === 'number' && Number.isFinite(origin)) {
      const lag = recv - (origin + m.sample.t);
      r.samples++;
      r.lagMin = Math.min(r.lagMin, lag);
      r.lagMax = Math.max(r.lagMax, lag);
      const i = Math.min(buckets.length - 1, Math.max(0, Math.floor(lag / BUCKET_MS)));
      buckets[i] = (buckets[i] ?? 0) + 1;
      if (Math.random() < 0.02) r.picks.push([String(m.rower), m.sample.t, recv]);
    }
  });
  ws.on('error', () => r.errors++);
  ws.on('close', () => {
    clearTimeout(stay);
    sockets.delete(ws);
    if (!leaving && !stopping) r.unexpectedCloses++;
    if (!stopping) setTimeout(() => client(first, i), rand(0, 2000));
  });
}

for (let i = 0; i < count; i++) client(true, i);

process.on('message', (m: { type: string }) => {
  if (m.type !== 'stop') return;
  stopping = true;
  r.open = [...sockets].filter((s) => s.readyState === WebSocket.OPEN).length;
  process.send?.(r);
  for (const s of sockets) s.close();
  setTimeout(() => process.exit(0), 300);
});
