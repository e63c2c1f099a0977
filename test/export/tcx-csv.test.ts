/**
 * TCX and rowingdata CSV exports of a judged session: the TCX is well-formed XML (fast-xml-parser)
 * with one Lap per interval, Intensity Active/Resting, TPX Watts and the verdict in Notes, escaped;
 * the CSV header is rowingdata's byte for byte and there is one row per detected stroke.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeSession, verdictTable } from '../../src/export/description.js';
import type { ExportInput } from '../../src/export/export-input.js';
import { exportRowingDataCsv, ROWINGDATA_HEADER } from '../../src/export/rowingdata-csv.js';
import { exportTcx } from '../../src/export/tcx.js';
import { xmlEscape } from '../../src/export/xml.js';
import { inputsOf } from './fit-decode.js';

let input: ExportInput;
beforeAll(async () => {
  input = (await inputsOf('hiit-held.ndjson')).inputs[0]!;
});

type Node = Record<string, unknown>;
const arr = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

describe('TCX export', () => {
  it('is well-formed XML with one Lap per interval, Active for work and Resting otherwise', () => {
    const xml = exportTcx(input);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml) as Node;
    const activity = ((doc['TrainingCenterDatabase'] as Node)['Activities'] as Node)['Activity'] as Node;
    expect(activity['@_Sport']).toBe('Other');
    const laps = arr(activity['Lap'] as Node | Node[]);
    expect(laps).toHaveLength(input.intervals.length);
    const t0 = Date.parse(input.startedAt);
    laps.forEach((lap, i) => {
      const iv = input.intervals[i]!;
      expect(lap['Intensity']).toBe(iv.kind === 'work' ? 'Active' : 'Resting');
      expect(Math.abs(Date.parse(lap['@_StartTime'] as string) - (t0 + iv.start))).toBeLessThanOrEqual(500);
      if (iv.kind === 'work') {
        expect(String(lap['Notes'])).toContain(`Rep ${iv.index}`);
        const points = arr(((lap['Track'] as Node)['Trackpoint']) as Node | Node[]);
        expect(points.length).toBeGreaterThan(20);
        const watts = points.map((p) => ((p['Extensions'] as Node | undefined)?.['ns3:TPX'] as Node | undefined)?.['ns3:Watts']);
        expect(watts.filter((w) => typeof w === 'number').length).toBeGreaterThan(20);
        expect(typeof lap['Cadence']).toBe('number');
      }
    });
    expect(String(activity['Notes'])).toContain('all-out');
  });

  it('escapes names and notes, so a rower called <b>&"x"</b> stays text', () => {
    expect(xmlEscape(`<b>&"x"'</b>\u0001`)).toBe('&lt;b&gt;&amp;&quot;x&quot;&apos;&lt;/b&gt;');
    const odd = { ...input, rower: { id: 'a', name: '<Rower & "Co">' }, intervals: input.intervals.slice(0, 3) };
    const xml = exportTcx(odd);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('&lt;Rower &amp; &quot;Co&quot;&gt;');
  });
});

/** The rowingdata header as openrowingmonitor writes it (JaapvanEkris/openrowingmonitor app/recorders/rowingDataRecorder.js), plus rowingdata's " WorkoutState". */
const EXPECTED_HEADER =
  ',index, Stroke Number, lapIdx,TimeStamp (sec), ElapsedTime (sec), HRCur (bpm),DistanceMeters, Cadence (stokes/min),' +
  ' Stroke500mPace (sec/500m), Power (watts), StrokeDistance (meters), DriveTime (ms), DriveLength (meters),' +
  ' StrokeRecoveryTime (ms),Speed, Horizontal (meters), Calories (kCal), DragFactor, PeakDriveForce (N),' +
  ' AverageDriveForce (N),Handle_Force_(N),Handle_Velocity_(m/s),Handle_Power_(W), WorkoutState';

describe('rowingdata CSV export', () => {
  it('writes the rowingdata header exactly, typo and leading spaces included', () => {
    expect(ROWINGDATA_HEADER).toBe(EXPECTED_HEADER);
    const csv = exportRowingDataCsv(input);
    expect(csv.split('\n')[0]).toBe(EXPECTED_HEADER);
    for (const name of [' Cadence (stokes/min)', ' DriveTime (ms)', ' ElapsedTime (sec)', ' Horizontal (meters)', ' Power (watts)', ' lapIdx']) expect(EXPECTED_HEADER.split(',')).toContain(name);
  });

  it('has one row per detected stroke inside the session, with work/rest state and a monotone distance', () => {
    const rows = exportRowingDataCsv(input).trimEnd().split('\n').slice(1).map((l) => l.split(','));
    const first = Math.round(input.intervals[0]!.start / 1000) * 1000;
    const last = Math.round(input.intervals.at(-1)!.end / 1000) * 1000;
    expect(rows).toHaveLength(input.strokes.filter((s) => s.t > first && s.t <= last).length);
    const cols = EXPECTED_HEADER.split(',');
    const col = (name: string): number => cols.indexOf(name);
    expect(rows.every((r) => r.length === cols.length)).toBe(true);
    let prev = 0;
    for (const r of rows) {
      const d = Number(r[col(' Horizontal (meters)')]);
      expect(d).toBeGreaterThanOrEqual(prev);
      prev = d;
    }
    const work = input.intervals.filter((iv) => iv.kind === 'work');
    const t0 = Date.parse(input.startedAt) / 1000;
    for (const r of rows) {
      const t = (Number(r[col('TimeStamp (sec)')]) - t0) * 1000;
      const inWork = work.some((iv) => t > Math.round(iv.start / 1000) * 1000 + 1 && t < Math.round(iv.end / 1000) * 1000 - 1);
      if (inWork) expect(r[col(' WorkoutState')]).toBe('1');
    }
    expect(rows.filter((r) => r[col(' WorkoutState')] === '1').length).toBeGreaterThan(8 * 10);
  });
});

describe('description', () => {
  it('names how many reps were all-out and which were held back, in one paragraph', () => {
    const text = describeSession(input);
    const work = input.intervals.filter((iv) => iv.kind === 'work');
    const allOut = work.filter((iv) => iv.verdict?.allOut === true).length;
    expect(text).not.toContain('\n');
    expect(text).toContain(`${allOut} of ${work.length} reps all-out`);
    const held = work.filter((iv) => iv.verdict?.allOut === false).map((iv) => iv.index);
    expect(held.length).toBeGreaterThan(0);
    expect(text).toContain(held.join(', '));
    expect(verdictTable(input.intervals)).toHaveLength(work.length);
  });
});
