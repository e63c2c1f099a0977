/**
 * Small hand-made sessions for the import tests: a FIT activity built with Garmin's own Encoder and
 * a TCX document, both of an interval set (work at `workW` and `rateSpm`, rests without strokes).
 */
import { Encoder, Profile, type Encodable, type Mesg } from '@garmin/fitsdk';
import { paceFromPower } from '../../../src/rowing/power.js';

export interface Piece {
  kind: 'work' | 'rest';
  s: number;
}

export const START = new Date('2026-11-30T18:00:00.000Z');

/** One sample a second over the pieces: [second, power W (workW ± 10), rate spm, hr bpm, distance m]. */
export function samplesOf(pieces: readonly Piece[], workW = 250, rateSpm = 30): Array<[number, number, number, number, number]> {
  const out: Array<[number, number, number, number, number]> = [];
  let t = 0;
  let d = 0;
  for (const p of pieces) {
    for (let i = 0; i < p.s; i++, t++) {
      // power varies from stroke to stroke as a real rower's does (a constant reading is a frozen field to the analysis)
      const w = p.kind === 'work' ? workW + ((t * 37) % 21) - 10 : 0;
      if (w > 0) d += 500 / paceFromPower(w);
      out.push([t, w, p.kind === 'work' ? rateSpm : 0, p.kind === 'work' ? 150 : 120, d]);
    }
  }
  return out;
}

/** A message for the Encoder: the SDK's typings name enum fields as numbers, its encoder also takes the profile's names ('rowing'). */
const mesg = (fields: Record<string, unknown>): Encodable<Mesg> => fields as unknown as Encodable<Mesg>;

/** A FIT activity (sport rowing unless `sport` says otherwise) with one record a second. */
export function fitFile(pieces: readonly Piece[], opts: { sport?: string; subSport?: string } = {}): Uint8Array {
  const enc = new Encoder();
  const M = Profile.MesgNum;
  enc.writeMesg(mesg({ mesgNum: M['FILE_ID']!, type: 'activity', manufacturer: 'development', product: 0, timeCreated: START, serialNumber: 1 }));
  const samples = samplesOf(pieces);
  for (const [t, w, rate, hr, d] of samples) {
    const rec: Record<string, unknown> = { mesgNum: M['RECORD']!, timestamp: new Date(START.getTime() + t * 1000), heartRate: hr, cadence: rate, distance: d };
    rec['power'] = w;
    rec['speed'] = w > 0 ? 500 / paceFromPower(w) : 0;
    enc.writeMesg(mesg(rec));
  }
  const end = new Date(START.getTime() + samples.length * 1000);
  enc.writeMesg(mesg({ mesgNum: M['SESSION']!, timestamp: end, startTime: START, sport: opts.sport ?? 'rowing', subSport: opts.subSport ?? 'indoorRowing', totalElapsedTime: samples.length, totalTimerTime: samples.length }));
  enc.writeMesg(mesg({ mesgNum: M['ACTIVITY']!, timestamp: end, numSessions: 1, totalTimerTime: samples.length, type: 'manual' }));
  return enc.close();
}

/** A TCX document with one Trackpoint a second (watts in the TPX extension, as Garmin writes it). */
export function tcxText(pieces: readonly Piece[]): string {
  const points = samplesOf(pieces)
    .map(
      ([t, w, rate, hr, d]) =>
        `<Trackpoint><Time>${new Date(START.getTime() + t * 1000).toISOString()}</Time><DistanceMeters>${d.toFixed(1)}</DistanceMeters>` +
        `<HeartRateBpm><Value>${hr}</Value></HeartRateBpm><Cadence>${rate}</Cadence>` +
        `<Extensions><ns3:TPX><ns3:Watts>${w}</ns3:Watts></ns3:TPX></Extensions></Trackpoint>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
<Activities><Activity Sport="Other"><Id>${START.toISOString()}</Id>
<Lap StartTime="${START.toISOString()}"><Track>
${points}
</Track></Lap></Activity></Activities></TrainingCenterDatabase>
`;
}
