/** `ergsprint import` parsing and frame building over the 18 real files of ../shared/realdata/raw (3.0 MB). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { importBytes } from '../../src/sources/import/import-file.js';

const RAW = join(import.meta.dirname, '../../../shared/realdata/raw');
const files = readdirSync(RAW).flatMap((d) => readdirSync(join(RAW, d)).map((f) => new Uint8Array(readFileSync(join(RAW, d, f)))));

describe('import', () => {
  bench(`importBytes, all ${files.length} real files`, () => {
    for (const b of files) importBytes(b, { fileName: 'bench' });
  });
});
