/** A HeadStore in a small JSON file, replaced atomically (write + rename) so a kill never tears it. */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { HeadStore } from './mqtt-source.js';

export function headFile(path: string, log: (line: string) => void): HeadStore {
  return {
    load() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        return {}; // first run
      }
      try {
        const x = JSON.parse(text) as unknown;
        if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new Error('not an object');
        const out: Record<string, number> = {};
        for (const [k, v] of Object.entries(x)) if (typeof v === 'number' && Number.isInteger(v) && v > 0 && k.split('|').length === 3) out[k] = v;
        return out;
      } catch (err) {
        log(`${path}: ignored (${(err as Error).message}); streams start where they are met`);
        return {};
      }
    },
    save(next) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(`${path}.tmp`, JSON.stringify(next));
      renameSync(`${path}.tmp`, path);
    },
  };
}
