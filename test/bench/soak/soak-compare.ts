/**
 * Frames the simulator delivered (its trace) against frames `live` recorded: per rower, by
 * (rower, characteristic, payload) as a multiset (a 1 Hz console's record carries its elapsed
 * second, so Rower Data keys are unique; heart-rate payloads repeat and match by occurrence) — plus duplicates by (rower, t, payload) in the recording, the order per
 * rower, and the BLE path lag (send wall time → the recording's timestamp on live's clock).
 */
import { readFileSync } from 'node:fs';

export interface TraceLine {
  t: number;
  w: number;
  r: string;
  c: string;
  d: string;
}

export interface Comparison {
  sent: number;
  recorded: number;
  missing: number;
  duplicated: number;
  /** recorded frames sharing (rower, t, payload) with an earlier one */
  duplicatedByRowerTPayload: number;
  /** recorded frames that were never sent (or more often than sent) */
  unknown: number;
  /** rowers whose recorded frame sequence is not exactly the sent sequence */
  reordered: number;
  /** sent keys that occur more than once (heart-rate payloads repeat): matched by occurrence */
  ambiguousKeys: number;
  disconnectsPerRower: Record<string, number>;
  /** ms: recording t (as wall time: startedAt + t) − simulator send time; carries live's clock offset */
  bleLagMs: { p50: number; p99: number; min: number; max: number };
  /** ms: display receipt − simulator send of the Rower Data frame the sample came from (no clock offset) */
  endToEndMs: { p50: number; p99: number; min: number; max: number; n: number };
  /** the same by quarter of the session's data time: is the lag flat? */
  endToEndByQuarter: Array<{ p50: number; p99: number; n: number }>;
}

const stats = (xs: number[]): { p50: number; p99: number; min: number; max: number } => {
  xs.sort((a, b) => a - b);
  return { p50: percentile(xs, 50), p99: percentile(xs, 99), min: xs[0] ?? NaN, max: xs[xs.length - 1] ?? NaN };
};

const ndjson = <T>(path: string): T[] =>
  readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as T);

export const percentile = (sorted: ArrayLike<number>, p: number): number =>
  sorted.length === 0 ? NaN : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number);

/** Compare the simulator's trace with live's recording (chars 2ad1 and 2a37). */
export function compare(tracePath: string, recordingPath: string, picks: Array<[string, number, number]> = []): Comparison {
  const sent = ndjson<TraceLine>(tracePath);
  const rec = ndjson<Record<string, unknown>>(recordingPath);
  const header = rec[0] as { startedAt: string };
  const origin = Date.parse(header.startedAt);
  const key = (r: unknown, c: unknown, d: unknown): string => `${String(r)} ${String(c)} ${String(d)}`;

  const sentAt = new Map<string, number>();
  const sentCount = new Map<string, number>();
  const sentOrder = new Map<string, string[]>();
  for (const s of sent) {
    const k = key(s.r, s.c, s.d);
    const n = (sentCount.get(k) ?? 0) + 1;
    sentCount.set(k, n);
    sentAt.set(`${k}#${n}`, s.w); // the n-th send of this payload ↔ its n-th recording
    (sentOrder.get(s.r) ?? sentOrder.set(s.r, []).get(s.r))?.push(k);
  }
  const gotCount = new Map<string, number>();
  const gotOrder = new Map<string, string[]>();
  const seenRtp = new Set<string>();
  const disconnectsPerRower: Record<string, number> = {};
  const lags: number[] = [];
  /** `${rower} ${t}` of a recorded Rower Data frame → its send wall time */
  const sentByRowerT = new Map<string, number>();
  let recorded = 0;
  let duplicatedByRowerTPayload = 0;
  let unknown = 0;
  for (const x of rec.slice(1)) {
    if (x.type === 'event') {
      if (x.event === 'disconnected') disconnectsPerRower[String(x.r)] = (disconnectsPerRower[String(x.r)] ?? 0) + 1;
      continue;
    }
    if (x.c !== '2ad1' && x.c !== '2a37') continue;
    recorded++;
    const k = key(x.r, x.c, x.d);
    const n = (gotCount.get(k) ?? 0) + 1;
    gotCount.set(k, n);
    (gotOrder.get(String(x.r)) ?? gotOrder.set(String(x.r), []).get(String(x.r)))?.push(k);
    const rtp = `${k} ${String(x.t)}`;
    if (seenRtp.has(rtp)) duplicatedByRowerTPayload++;
    seenRtp.add(rtp);
    const w = sentAt.get(`${k}#${n}`);
    if (w === undefined) unknown++;
    else {
      lags.push(origin + Number(x.t) - w);
      if (x.c === '2ad1') sentByRowerT.set(`${String(x.r)} ${String(x.t)}`, w);
    }
  }
  let missing = 0;
  let duplicated = 0;
  let ambiguousKeys = 0;
  for (const [k, n] of sentCount) {
    const got = gotCount.get(k) ?? 0;
    if (got < n) missing += n - got;
    if (got > n) duplicated += got - n;
    if (n > 1) ambiguousKeys++;
  }
  let reordered = 0;
  for (const [r, order] of sentOrder) {
    const got = gotOrder.get(r) ?? [];
    if (got.length !== order.length || got.some((k, i) => k !== order[i])) reordered++;
  }
  const e2e: number[] = [];
  const quarters: number[][] = [[], [], [], []];
  const lastT = picks.reduce((m, [, t]) => Math.max(m, t), 1);
  for (const [r, t, recv] of picks) {
    const w = sentByRowerT.get(`${r} ${t}`);
    if (w === undefined) continue;
    e2e.push(recv - w);
    quarters[Math.min(3, Math.floor((4 * t) / lastT))]?.push(recv - w);
  }
  return {
    sent: sent.length,
    recorded,
    missing,
    duplicated,
    duplicatedByRowerTPayload,
    unknown,
    reordered,
    ambiguousKeys,
    disconnectsPerRower,
    bleLagMs: stats(lags),
    endToEndMs: { ...stats(e2e), n: e2e.length },
    endToEndByQuarter: quarters.map((q) => {
      const { p50, p99 } = stats(q);
      return { p50, p99, n: q.length };
    }),
  };
}
