/**
 * TCX (Garmin Training Center XML): `Activity/Lap/Track/Trackpoint` with `Time`, `DistanceMeters`,
 * `HeartRateBpm/Value`, `Cadence` (= stroke rate) and the TPX extension's `Watts` and `Speed`.
 * Parsed with fast-xml-parser (namespace prefixes removed: exports write `ns3:TPX` or `TPX`).
 */
import { XMLParser } from 'fast-xml-parser';
import { fail } from './import-error.js';
import { samplesToRows, type TimedSample } from './samples.js';
import type { ImportedSession } from './types.js';
import { isoTime } from './iso-time.js';

type Node = Record<string, unknown>;
const asList = (x: unknown): unknown[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const obj = (x: unknown): Node => (typeof x === 'object' && x !== null ? (x as Node) : {});
const numOf = (x: unknown): number | undefined => {
  const v = typeof x === 'object' && x !== null ? (x as Node)['#text'] : x;
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
};

export function parseTcx(text: string): ImportedSession {
  let doc: Node;
  try {
    doc = obj(new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: true }).parse(text, true));
  } catch (err) {
    return fail('BAD_FILE', `not readable TCX (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
  }
  const root = obj(doc['TrainingCenterDatabase']);
  const activities = asList(obj(root['Activities'])['Activity']);
  if (activities.length === 0) fail('BAD_FILE', 'the TCX file holds no Activity');
  const samples: TimedSample[] = [];
  for (const a of activities) {
    for (const lap of asList(obj(a)['Lap'])) {
      for (const track of asList(obj(lap)['Track'])) {
        for (const p of asList(obj(track)['Trackpoint'])) {
          const tp = obj(p);
          const ms = Date.parse(String(tp['Time'] ?? ''));
          if (!Number.isFinite(ms)) continue;
          const s: TimedSample = { ms };
          const d = numOf(tp['DistanceMeters']);
          if (d !== undefined) s.distanceM = d;
          const hr = numOf(obj(tp['HeartRateBpm'])['Value']);
          if (hr !== undefined) s.heartRate = hr;
          const cad = numOf(tp['Cadence']);
          if (cad !== undefined) s.strokeRate = cad;
          const tpx = obj(obj(tp['Extensions'])['TPX']);
          const w = numOf(tpx['Watts']);
          if (w !== undefined) s.powerW = w;
          const v = numOf(tpx['Speed']);
          if (v !== undefined) s.speedMps = v;
          samples.push(s);
        }
      }
    }
  }
  const { rows, t0Ms } = samplesToRows(samples);
  const session: ImportedSession = { format: 'tcx', device: 'rowing machine (TCX)', rows, heartRateFrom: 'strap' };
  if (t0Ms !== undefined) {
    const iso = isoTime(t0Ms);
    if (iso !== undefined) session.startedAt = iso;
  }
  return session;
}
