/** One parser per format: the file's bytes → an imported session (throws ImportError). */
import { parseBoatCoachCsv } from './boatcoach-csv.js';
import { parseC2Csv } from './c2-csv.js';
import { parseErgDataCsv } from './ergdata-csv.js';
import { parseFit } from './fit.js';
import type { ImportFormat } from './formats.js';
import { parsePainsledCsv } from './painsled-csv.js';
import { parsePmCsv } from './pm-csv.js';
import { parseRowingdataCsv } from './rowingdata-csv.js';
import { parseRowProCsv } from './rowpro-csv.js';
import { parseRp3Csv } from './rp3-csv.js';
import { parseSmartRowCsv } from './smartrow-csv.js';
import { parseTcx } from './tcx.js';
import type { ImportedSession } from './types.js';
import { stripBom } from '../../recording/regular-file.js';

const TEXT_PARSERS: Record<Exclude<ImportFormat, 'fit'>, (text: string) => ImportedSession> = {
  tcx: parseTcx,
  'c2-csv': parseC2Csv,
  'pm-csv': parsePmCsv,
  'ergdata-csv': parseErgDataCsv,
  'rp3-csv': parseRp3Csv,
  'painsled-csv': parsePainsledCsv,
  'rowpro-csv': parseRowProCsv,
  'boatcoach-csv': parseBoatCoachCsv,
  'smartrow-csv': parseSmartRowCsv,
  'rowingdata-csv': parseRowingdataCsv,
};

/** Parse `bytes` as `format` (text formats as UTF-8, a byte-order mark ignored). */
export function parseFormat(format: ImportFormat, bytes: Uint8Array): ImportedSession {
  if (format === 'fit') return parseFit(bytes);
  return TEXT_PARSERS[format](stripBom(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')));
}
