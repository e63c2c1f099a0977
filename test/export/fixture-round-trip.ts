/**
 * The "every fixture" check, shared by the fit-fixtures-*.test.ts files (split so each stays fast):
 * export every rower of a fixture as FIT, decode it with both decoders, and compare the laps with
 * the analysis's intervals.
 */
import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { encodeFit } from '../../src/export/fit.js';
import { lintDecoded } from '../../src/export/fit-lint.js';
import { FIXTURES, ffpDecode, inputsOf, ms, sdkDecode } from './fit-decode.js';

export const ALL_FIXTURES = readdirSync(FIXTURES).filter((f) => f.endsWith('.ndjson')).sort();

/** One `it` per fixture of `part` (0-based) of `parts`. */
export function fixtureRoundTrips(part: number, parts: number): void {
  for (const file of ALL_FIXTURES.filter((_, i) => i % parts === part)) {
    it(`${file}: both decoders accept the FIT export and its laps are the analysis's intervals`, async () => {
      const { inputs } = await inputsOf(file);
      expect(inputs.length).toBeGreaterThan(0);
      for (const input of inputs) {
        const { bytes } = encodeFit(input, { lint: false }); // linted below, on the same decode
        const sdk = sdkDecode(bytes);
        expect(sdk.integrity).toBe(true);
        expect(sdk.errors).toEqual([]);
        expect(lintDecoded(sdk.messages, sdk.order)).toEqual([]);
        const ffp = await ffpDecode(bytes);
        const t0 = Date.parse(input.startedAt);
        const laps = sdk.messages['lapMesgs'] ?? [];
        const ffpLaps = ffp['laps'] ?? [];
        const ivs = input.intervals.length > 0 ? input.intervals : undefined;
        if (ivs === undefined) {
          expect(laps).toHaveLength(1);
          continue;
        }
        expect(laps).toHaveLength(ivs.length);
        expect(ffpLaps).toHaveLength(ivs.length);
        expect(ffp['records']?.length).toBe(sdk.messages['recordMesgs']?.length);
        ivs.forEach((iv, i) => {
          expect(Math.abs(ms(laps[i]!['startTime']) - (t0 + iv.start))).toBeLessThanOrEqual(500);
          expect(Math.abs(ms(ffpLaps[i]!['start_time']) - (t0 + iv.start))).toBeLessThanOrEqual(500);
          expect(Math.abs((laps[i]!['totalElapsedTime'] as number) * 1000 - (iv.end - iv.start))).toBeLessThanOrEqual(1000);
        });
      }
    });
  }
}
