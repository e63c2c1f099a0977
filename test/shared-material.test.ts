/**
 * The shared material the tests read (FTMS vectors, real recordings) is present. CI always lays
 * ../shared beside the clone; a test that needs it must fail loudly without it, not skip.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vectorsPath } from './ftms/shared-vectors.js';

describe('../shared', () => {
  it('holds ftms/vectors.json and realdata/ (the vector and real-data tests need them)', () => {
    expect(existsSync(vectorsPath), `${vectorsPath} is missing`).toBe(true);
    const realdata = join(import.meta.dirname, '../../shared/realdata');
    expect(existsSync(realdata), `${realdata} is missing`).toBe(true);
  });
});
