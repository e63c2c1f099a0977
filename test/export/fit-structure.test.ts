/**
 * Golden structure of a FIT export (not its bytes): the message sequence with runs collapsed
 * ("record ×1815") and the field names each message kind carries, as the SDK decodes them. The
 * golden (fit-structure.golden.json) was reviewed by hand against ../shared/interop/README.md §A5;
 * regenerate it deliberately with UPDATE_GOLDEN=1 when the structure is meant to change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Profile } from '@garmin/fitsdk';
import { describe, expect, it } from 'vitest';
import { exportFit } from '../../src/export/fit.js';
import { inputsOf, sdkDecode } from './fit-decode.js';

const GOLDEN = join(import.meta.dirname, 'fit-structure.golden.json');

interface Structure {
  sequence: string[];
  fields: Record<string, string[]>;
}

async function structureOf(file: string): Promise<Structure> {
  const bytes = exportFit((await inputsOf(file)).inputs[0]!);
  const names = new Map(Object.entries(Profile.MesgNum as Record<string, number>).map(([k, v]) => [v, k.toLowerCase()]));
  const d = sdkDecode(bytes);
  const sequence: string[] = [];
  let run = 0;
  d.order.forEach((n, i) => {
    run++;
    if (d.order[i + 1] !== n) {
      const name = names.get(n) ?? String(n);
      sequence.push(run > 1 ? `${name} ×n` : name);
      run = 0;
    }
  });
  const fields: Record<string, string[]> = {};
  for (const [k, msgs] of Object.entries(d.messages)) {
    const set = new Set<string>();
    for (const m of msgs ?? []) for (const f of Object.keys(m)) set.add(f === 'developerFields' ? `developerFields:${Object.keys(m.developerFields ?? {}).sort().join(',')}` : f);
    fields[k] = [...set].sort();
  }
  return { sequence, fields };
}

describe('FIT export structure (golden)', () => {
  it('hiit-held exports the reviewed message sequence and field names', async () => {
    const s = await structureOf('hiit-held.ndjson');
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(GOLDEN, `${JSON.stringify(s, null, 2)}\n`);
    expect(s).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')) as Structure);
  });
});
