/** The recording format's `import` event (file, format, sha256 of the original) and `athlete` event: written and read back exactly. */
import { describe, expect, it } from 'vitest';
import type { RowerEvent } from '../../src/ftms/frame.js';
import type { RecordingHeader } from '../../src/recording/format.js';
import { parseRecording } from '../../src/recording/reader.js';
import { serializeRecording } from '../../src/recording/writer.js';
import { errorOf } from './error-of.js';

const header: RecordingHeader = { startedAt: '2026-11-21T19:00:00.000Z', source: 'import', rowers: [{ id: 'import', name: 'RP3' }] };
const H = '{"type":"header","format":"ergsprint-recording","version":1,"startedAt":"2026-11-21T19:00:00.000Z","source":"import","rowers":[{"id":"import","name":"RP3"}]}';
const provenance: RowerEvent = { kind: 'event', t: 0, rower: 'import', event: 'import', file: 'rp3intervals.csv', format: 'rp3-csv', sha256: 'ab'.repeat(32) };
const athlete: RowerEvent = { kind: 'event', t: 0, rower: 'import', event: 'athlete', name: 'Ann' };

describe('import events in a recording', () => {
  it('write → read keeps file, format and sha256 of an import event, and the athlete name', () => {
    const text = serializeRecording(header, [provenance, athlete]);
    expect(text).toBe(
      `${H}\n{"type":"event","t":0,"r":"import","event":"import","file":"rp3intervals.csv","format":"rp3-csv","sha256":"${'ab'.repeat(32)}"}\n` +
        '{"type":"event","t":0,"r":"import","event":"athlete","name":"Ann"}\n',
    );
    expect(parseRecording(text, 'x.ndjson').items).toEqual([provenance, athlete]);
  });

  it('a provenance field that is not a string is a BAD_LINE naming it', () => {
    for (const [key, bad] of [['file', '1'], ['format', 'null'], ['sha256', '{"a":1}']] as const) {
      const err = errorOf(`${H}\n{"type":"event","t":0,"r":"import","event":"import","${key}":${bad}}\n`);
      expect(err.code).toBe('BAD_LINE');
      expect(err.line).toBe(2);
      expect(err.message).toContain(`${key} must be a string`);
    }
  });
});
