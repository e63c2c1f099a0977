/**
 * importBytes: the recording's header and opening events, a forced format, an empty file, a file
 * with no strokes, and rows before the file's own start (moved to t = 0 with startedAt moved back).
 */
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/sources/import/import-error.js';
import { contentHash, importBytes, UNKNOWN_START } from '../../../src/sources/import/import-file.js';
import { thrown } from '../../file-helpers.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const codeOf = (f: () => unknown): string => {
  const err = thrown(f);
  expect(err).toBeInstanceOf(ImportError);
  return (err as ImportError).code;
};
const ERGDATA = '"Stroke Number","Time (seconds)","Distance (meters)","Pace (seconds per 500m","Stroke Rate","Heart Rate"\n';
const PAINSLED = 'stroke.REVISION, stroke.driveStartMs, stroke.startWorkoutMeter, stroke.strokeType, stroke.paceSecPer1k, stroke.strokesPerMin, stroke.watts, stroke.hrBpm, workout.startMs\n';

describe('importBytes', () => {
  it('opens with the import event (file, format, sha256 of the bytes) and the athlete, header source import', () => {
    const b = bytes(`${ERGDATA}"1","3.9","12.0","172.1","20","80"\n"2","7.1","23.0","160.5","20","86"\n`);
    const rec = importBytes(b, { fileName: 'e.csv', athlete: 'Bo' });
    expect(rec.header).toEqual({ startedAt: UNKNOWN_START, source: 'import', rowers: [{ id: 'import', name: 'Concept2 PM via ErgData' }] });
    expect(rec.items.slice(0, 2)).toEqual([
      { kind: 'event', t: 0, rower: 'import', event: 'import', file: 'e.csv', format: 'ergdata-csv', sha256: contentHash(b) },
      { kind: 'event', t: 0, rower: 'import', event: 'athlete', athlete: 'Bo' },
    ]);
    expect(rec.strokes).toBe(2);
  });

  it('a forced format that does not fit the file is BAD_FILE; an empty file EMPTY; no stroke rows NO_STROKES', () => {
    expect(codeOf(() => importBytes(bytes(`${ERGDATA}"1","3.9","12.0","172.1","20","80"\n`), { fileName: 'x', format: 'rp3-csv' }))).toBe('BAD_FILE');
    expect(codeOf(() => importBytes(new Uint8Array(), { fileName: 'x', format: 'fit' }))).toBe('EMPTY');
    expect(codeOf(() => importBytes(bytes(ERGDATA), { fileName: 'x' }))).toBe('NO_STROKES');
  });

  it('a stroke before the workout\u2019s own start moves t = 0 to it and startedAt back by as much', () => {
    const rec = importBytes(bytes(`${PAINSLED}4,2016-02-21T09:52:17.000Z,5,0,250,24,180,0,2016-02-21T09:52:18.000Z\n4,2016-02-21T09:52:20.000Z,15,0,250,24,180,0,2016-02-21T09:52:18.000Z\n`), { fileName: 'p.csv' });
    expect(rec.header.startedAt).toBe('2016-02-21T09:52:17.000Z');
    const frames = rec.items.filter((i) => i.kind === 'frame');
    expect(frames[0]!.t).toBe(0);
    expect(frames.some((f) => f.t === 3000)).toBe(true);
  });
});
