/**
 * Format detection: every real file in ../shared/realdata/raw/ is recognised as the app that wrote
 * it; FIT and TCX by their signatures; an empty file and another app's CSV get one clear error that
 * names the known formats.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/sources/import/detect.js';
import { IMPORT_FORMAT_NAMES } from '../../../src/sources/import/formats.js';
import { ImportError } from '../../../src/sources/import/import-error.js';
import { thrown } from '../../file-helpers.js';
import { realFiles } from './realdata-helpers.js';
import { fitFile, tcxText } from './session-files.js';

/** What wrote each raw file (../shared/realdata/README.md "Files"). */
const EXPECTED: Readonly<Record<string, string>> = {
  'rowpro_carrick.csv': 'rowpro-csv',
  'painsled_to_csv_20160221-105218_erg-400150318_760465m.csv': 'painsled-csv',
  'smartrow.csv': 'smartrow-csv',
  'sled_2016-03-11T06-48-22.strokes.csv': 'painsled-csv',
  'RP_interval.csv': 'rowpro-csv',
  'rp3intervals.csv': 'rp3-csv',
  'smartrow_intervals.csv': 'smartrow-csv',
  'PainsledForce.csv': 'painsled-csv',
  'painsled_desktop_example.csv': 'painsled-csv',
  'bc1.csv': 'boatcoach-csv',
  'ergdata_example.csv': 'ergdata-csv',
  'rowpro5.csv': 'rowpro-csv',
  'boatcoach_fixed_distance.csv': 'boatcoach-csv',
  '2025-11-11T192456_2000m.csv': 'smartrow-csv',
  '2025-11-16T143854_1000m.csv': 'smartrow-csv',
  'correctedpainsled.csv': 'painsled-csv',
  'sled_2016-03-10T07-23-21.strokes.csv': 'painsled-csv',
  'herodata.csv': 'pm-csv',
};

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const errorOf = (b: Uint8Array): ImportError => {
  const err = thrown(() => detectFormat(b));
  expect(err).toBeInstanceOf(ImportError);
  return err as ImportError;
};

describe('detectFormat', () => {
  it('recognises every real file by the app that wrote it', () => {
    const files = realFiles();
    expect(files.length).toBeGreaterThanOrEqual(18);
    for (const f of files) expect([basename(f.path), detectFormat(new Uint8Array(readFileSync(f.path)))]).toEqual([basename(f.path), EXPECTED[basename(f.path)]]);
  });

  it('recognises FIT by its header signature and TCX by its root element', () => {
    expect(detectFormat(fitFile([{ kind: 'work', s: 5 }]))).toBe('fit');
    expect(detectFormat(bytes(tcxText([{ kind: 'work', s: 5 }])))).toBe('tcx');
  });

  it('recognises the rowingdata, Concept2 Logbook and BoatCoach headers', () => {
    expect(detectFormat(bytes(',TimeStamp (sec), Horizontal (meters), Cadence (stokes/min), Stroke500mPace (sec/500m)\n'))).toBe('rowingdata-csv');
    expect(detectFormat(bytes('"Number","Time (seconds)","Distance (meters)","Pace (seconds)","Watts","Cal/Hr","Stroke Rate","Heart Rate"\n'))).toBe('c2-csv');
    expect(detectFormat(bytes('\uFEFFDateTime,workoutType,intervalType\n'))).toBe('boatcoach-csv');
  });

  it('an empty or blank file is EMPTY', () => {
    expect(errorOf(new Uint8Array()).code).toBe('EMPTY');
    expect(errorOf(bytes(' \n\r\n')).code).toBe('EMPTY');
  });

  it('another app\u2019s CSV is UNKNOWN_FORMAT, with a message that quotes it and names every known format', () => {
    const err = errorOf(bytes('Activity Type,Date,Favorite,Title,Distance,Calories,Time\nRunning,2026-11-30,false,Run,5.0,300,00:25:00\n'));
    expect(err.code).toBe('UNKNOWN_FORMAT');
    expect(err.message).toContain('Activity Type,Date');
    for (const f of IMPORT_FORMAT_NAMES) expect(err.message).toContain(f);
    expect(err.message).not.toContain('\n');
  });
});
