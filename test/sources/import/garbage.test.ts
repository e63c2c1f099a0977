/**
 * Whatever the bytes, import gives a recording the reader takes back or a typed ImportError, never
 * anything else (no TypeError from a parser, no hang): bounded random runs over mutated FIT files, mutated real CSV
 * headers with random bodies, and random bytes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/sources/import/import-error.js';
import { importBytes } from '../../../src/sources/import/import-file.js';
import { fitFile } from './session-files.js';
import { parseRecording } from '../../../src/recording/reader.js';
import { serializeRecording } from '../../../src/recording/writer.js';

const outcome = (b: Uint8Array): 'recording' | 'typed error' => {
  try {
    const rec = importBytes(b, { fileName: 'fuzz' });
    // and the recording is one the reader takes back
    parseRecording(serializeRecording(rec.header, rec.items), 'fuzz.ndjson');
    return 'recording';
  } catch (err) {
    if (err instanceof ImportError) return 'typed error';
    throw err;
  }
};

const HEADERS = [
  'Stroke (#);Second (#);Timestamp (UTC);Distance (m);Work (J);Actual power (W);Average power (W);Actual split (s);Average split (s);Stroke rate (SPM);Heart rate (bpm)',
  'TimeStamp (sec), activityIdx, lapIdx, pointIdx, ElapsedTime (sec), Horizontal (meters), Stroke500mPace (sec/500m), Cadence (stokes/min), HRCur (bpm), Power (watts), StrokeCount',
  'stroke.REVISION, stroke.driveStartMs, stroke.startWorkoutMeter, stroke.strokeType, stroke.paceSecPer1k, stroke.strokesPerMin, stroke.watts, stroke.hrBpm, workout.startMs',
  'Date,Comment,Password,ID,Version,Rowfile_Id',
  'DateTime,workoutType,intervalType,intervalCount,strokeRate,currentHeartRate,workTime,restTime,lastSplitTime,workDistance,lastSplitDistance,stroke500MPace,splitAvg500MPace,totalAvg500MPace,strokePower,splitAvgPower,totalAvgPower,strokeCaloricBurnRate,strokeCount',
  '"id","workout_interval_id","ref","stroke_number","power","avg_power","stroke_rate","time","stroke_length","distance"',
  '"Stroke Number","Time (seconds)","Distance (meters)","Pace (seconds per 500m","Stroke Rate","Heart Rate"',
  'Stroke #,Time,Distance,Split,Watts,Stroke Rate,Drag Factor,Stroke Length,HR',
  '<?xml version="1.0"?><TrainingCenterDatabase><Activities><Activity><Lap><Track>',
];

describe('import of garbage', () => {
  it('mutated FIT files: a recording or a typed error', () => {
    const good = fitFile([
      { kind: 'work', s: 20 },
      { kind: 'rest', s: 10 },
    ]);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), fc.nat(good.length), (edits, cut) => {
        const b = good.slice(0, Math.max(12, cut));
        for (const [i, v] of edits) if (i < b.length) b[i] = v;
        expect(['recording', 'typed error']).toContain(outcome(b));
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('known headers with random bodies, and random bytes: a recording or a typed error', () => {
    const cell = fc.oneof(fc.constantFrom('', ' ', '0', '-1', '1e309', 'NaN', '1:02.3', '2016-02-21T09:52:18.691Z', '"', '""x""', '18,8'), fc.double({ noNaN: false }).map(String), fc.string({ maxLength: 6 }));
    const row = fc.array(cell, { maxLength: 14 }).map((cs) => cs.join(fc.sample(fc.constantFrom(',', ';'), 1)[0]));
    fc.assert(
      fc.property(fc.constantFrom(...HEADERS), fc.array(row, { maxLength: 12 }), (head, rows) => {
        expect(['recording', 'typed error']).toContain(outcome(new TextEncoder().encode([head, ...rows].join('\n'))));
      }),
      { numRuns: 400, seed: 5 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        expect(['recording', 'typed error']).toContain(outcome(b));
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});
