/**
 * Which format a file is in, from its first bytes: the FIT header's ".FIT" signature, TCX's root
 * element, or the header line each CSV-writing app uses. A file that matches none gets one clear
 * error naming the formats that are known.
 */
import { IMPORT_FORMAT_NAMES, type ImportFormat } from './formats.js';
import { fail } from './import-error.js';
import { isSmartRowHeader } from './smartrow-csv.js';

/** Bytes 8–11 of every FIT file header (FIT protocol, "File Header"). */
const FIT_SIGNATURE = '.FIT';

/** CSV header signatures, checked against each of the first lines in this order. */
const CSV_SIGNATURES: ReadonlyArray<[ImportFormat, (line: string) => boolean]> = [
  ['painsled-csv', (l) => l.startsWith('stroke.REVISION')],
  ['painsled-csv', (l) => l.includes('TimeStamp (sec)') && l.includes('activityIdx')],
  ['rowingdata-csv', (l) => l.includes('TimeStamp (sec)') && l.includes('Stroke500mPace')],
  ['smartrow-csv', isSmartRowHeader],
  ['rowpro-csv', (l) => l.startsWith('Date,Comment,Password')],
  ['boatcoach-csv', (l) => l.startsWith('DateTime,workoutType,')],
  ['rp3-csv', (l) => /^"?id"?,"?workout_interval_id"?,/.test(l)],
  ['ergdata-csv', (l) => l.startsWith('"Stroke Number","Time (seconds)","Distance (meters)","Pace (seconds per 500m')],
  ['c2-csv', (l) => /^"?Number"?,"?Time \(seconds\)"?,"?Distance \(meters\)"?,"?Pace \(seconds\)"?/.test(l)],
  ['pm-csv', (l) => l.startsWith('Stroke #,Time,Distance,Split,Watts')],
];

/** How many leading lines may come before a CSV's header (BoatCoach's title, a PM summary block). */
const HEADER_LINES = 6;

/** The format of `bytes`; throws ImportError EMPTY or UNKNOWN_FORMAT. */
export function detectFormat(bytes: Uint8Array): ImportFormat {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('utf8').replace(/^\uFEFF/, '');
  if (bytes.byteLength === 0 || head.trim() === '') return fail('EMPTY', 'the file is empty');
  if (bytes.byteLength >= 12 && Buffer.from(bytes.subarray(8, 12)).toString('latin1') === FIT_SIGNATURE) return 'fit';
  if (/<TrainingCenterDatabase[\s>]/.test(head)) return 'tcx';
  const lines = head.split(/\r?\n/).slice(0, HEADER_LINES).map((l) => l.trim());
  for (const [format, matches] of CSV_SIGNATURES) if (lines.some(matches)) return format;
  const first = (lines.find((l) => l !== '') ?? '').slice(0, 60);
  return fail('UNKNOWN_FORMAT', `not a format ergsprint can import (starts with ${JSON.stringify(first)}); known formats: ${IMPORT_FORMAT_NAMES.join(', ')}`);
}
