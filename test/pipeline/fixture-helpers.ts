/** Load committed fixtures and their labels for pipeline tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRecording, type Recording } from '../../src/recording/reader.js';

export const FIXTURES = join(import.meta.dirname, '../../fixtures');

export interface Label {
  kind: string;
  start: number;
  end: number;
  allOut?: boolean;
  rower?: string;
}

export function loadFixture(name: string): { recording: Recording; labels: Label[] } {
  const recording = parseRecording(readFileSync(join(FIXTURES, `${name}.ndjson`), 'utf8'), `${name}.ndjson`);
  const labels = (JSON.parse(readFileSync(join(FIXTURES, `${name}.labels.json`), 'utf8')) as { intervals: Label[] }).intervals;
  return { recording, labels };
}
