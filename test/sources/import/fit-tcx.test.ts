/**
 * FIT (decoded with @garmin/fitsdk) and TCX imports of a hand-made 2 × (60 s work / 60 s rest)
 * session: the samples become frames with the file's values, the stroke count follows the stroke
 * rate, analysis finds the two work pieces; a cut-off FIT, a FIT with a wrong CRC and a FIT of
 * another sport are refused with their reasons.
 */
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/sources/import/detect.js';
import { ImportError } from '../../../src/sources/import/import-error.js';
import { importBytes } from '../../../src/sources/import/import-file.js';
import { thrown } from '../../file-helpers.js';
import { decodeHeartRate } from '../../../src/ftms/heart-rate.js';
import { rowerData } from './decode-frames.js';
import { fitFile, START, tcxText, type Piece } from './session-files.js';
import { analyzeItems } from './analyze-items.js';

const SET: Piece[] = [
  { kind: 'work', s: 60 },
  { kind: 'rest', s: 60 },
  { kind: 'work', s: 60 },
  { kind: 'rest', s: 30 },
];

const cases: Array<[string, () => Uint8Array]> = [
  ['fit', () => fitFile(SET)],
  ['tcx', () => new TextEncoder().encode(tcxText(SET))],
];

describe.each(cases)('%s import', (format, make) => {
  it('is detected, starts at the file\u2019s first sample and carries its power, rate, distance and (strap) heart rate', () => {
    const bytes = make();
    expect(detectFormat(bytes)).toBe(format);
    const rec = importBytes(bytes, { fileName: `s.${format}` });
    expect(rec.format).toBe(format);
    expect(rec.header.startedAt).toBe(START.toISOString());
    const frames = rowerData(rec.items);
    const at30 = frames.find((f) => f.t === 30_000)!;
    expect(at30.powerW).toBe(250 + ((30 * 37) % 21) - 10);
    expect(at30.strokeRate).toBe(30);
    // the watch's heart rate came from a strap: Heart Rate Measurement frames, not a Rower Data field
    expect(at30.heartRate).toBeUndefined();
    const hr = rec.items.find((i) => i.kind === 'frame' && i.char === '2a37' && i.t === 30_000);
    expect(hr?.kind === 'frame' ? decodeHeartRate(hr.bytes).heartRate : undefined).toBe(150);
    expect(at30.distanceM).toBeGreaterThan(100);
    // 30 spm for 60 s: about 30 strokes by the end of the first piece, none added in the rest
    const endWork = frames.find((f) => f.t === 59_000)!.strokeCount!;
    expect(endWork).toBeGreaterThanOrEqual(28);
    expect(endWork).toBeLessThanOrEqual(30);
    expect(frames.find((f) => f.t === 110_000)!.strokeCount).toBe(endWork);
    expect(rec.strokes).toBeGreaterThanOrEqual(56);
  });

  it('analyses to the two work pieces', async () => {
    const doc = await analyzeItems(importBytes(make(), { fileName: `s.${format}` }));
    const work = doc.rowers[0]!.intervals.filter((i) => i.kind === 'work');
    expect(work.length).toBe(2);
    expect(Math.abs(work[0]!.start - 0)).toBeLessThanOrEqual(3);
    expect(Math.abs(work[0]!.end - 60)).toBeLessThanOrEqual(3);
    expect(Math.abs(work[1]!.start - 120)).toBeLessThanOrEqual(3);
    expect(Math.abs(work[1]!.end - 180)).toBeLessThanOrEqual(3);
  });
});

describe('TCX with a byte-order mark', () => {
  it('imports as without one', () => {
    const text = tcxText(SET);
    const withBom = importBytes(new TextEncoder().encode(`\uFEFF${text}`), { fileName: 'b.tcx' });
    const without = importBytes(new TextEncoder().encode(text), { fileName: 'b.tcx' });
    expect(withBom.items.slice(1)).toEqual(without.items.slice(1));
  });
});

describe('bad FIT files', () => {
  const good = fitFile(SET);
  const codeOf = (bytes: Uint8Array): string => {
    const err = thrown(() => importBytes(bytes, { fileName: 'bad.fit' }));
    expect(err).toBeInstanceOf(ImportError);
    return (err as ImportError).code;
  };

  it('a cut-off file is TRUNCATED', () => {
    expect(codeOf(good.slice(0, Math.floor(good.length / 2)))).toBe('TRUNCATED');
  });

  it('a changed byte is BAD_CRC', () => {
    const bad = good.slice();
    bad[200] = bad[200]! ^ 0xff;
    expect(codeOf(bad)).toBe('BAD_CRC');
  });

  it('a running activity is NOT_ROWING', () => {
    expect(codeOf(fitFile(SET, { sport: 'running', subSport: 'generic' }))).toBe('NOT_ROWING');
  });
});
