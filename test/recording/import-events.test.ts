/** The recording format's `import` event (file, format, sha256 of the original) and the `athlete` and `name` events: written and read back exactly; the 0.1 forms still read. */
import { describe, expect, it } from 'vitest';
import type { RowerEvent } from '../../src/ftms/frame.js';
import type { RecordingHeader } from '../../src/recording/format.js';
import { parseRecording } from '../../src/recording/reader.js';
import { serializeRecording } from '../../src/recording/writer.js';
import { errorOf } from './error-of.js';

const header: RecordingHeader = { startedAt: '2026-11-21T19:00:00.000Z', source: 'import', rowers: [{ id: 'import', name: 'RP3' }] };
const H = '{"type":"header","format":"ergsprint-recording","version":1,"startedAt":"2026-11-21T19:00:00.000Z","source":"import","rowers":[{"id":"import","name":"RP3"}]}';
const provenance: RowerEvent = { kind: 'event', t: 0, rower: 'import', event: 'import', file: 'rp3intervals.csv', format: 'rp3-csv', sha256: 'ab'.repeat(32) };
const athlete: RowerEvent = { kind: 'event', t: 0, rower: 'import', event: 'athlete', athlete: 'Ann' };

describe('import events in a recording', () => {
  it('write → read keeps file, format and sha256 of an import event, and the athlete name', () => {
    const text = serializeRecording(header, [provenance, athlete]);
    expect(text).toBe(
      `${H}\n{"type":"event","t":0,"r":"import","event":"import","file":"rp3intervals.csv","format":"rp3-csv","sha256":"${'ab'.repeat(32)}"}\n` +
        '{"type":"event","t":0,"r":"import","event":"athlete","athlete":"Ann"}\n',
    );
    expect(parseRecording(text, 'x.ndjson').items).toEqual([provenance, athlete]);
  });

  it('athlete and name events as DESIGN writes them: {"event":"athlete","athlete":…} and {"event":"name","name":…}', () => {
    const named: RowerEvent = { kind: 'event', t: 5, rower: 'import', event: 'name', name: 'Lane 3' };
    const text = serializeRecording(header, [athlete, named]);
    expect(text.split('\n')[2]).toBe('{"type":"event","t":5,"r":"import","event":"name","name":"Lane 3"}');
    expect(parseRecording(text, 'x.ndjson').items).toEqual([athlete, named]);
    const err = errorOf(`${H}\n{"type":"event","t":0,"r":"import","event":"athlete","athlete":7}\n`);
    expect([err.code, err.line, err.message.includes('athlete must be a string')]).toEqual(['BAD_LINE', 2, true]);
  });

  it('recordings of ergsprint 0.1 read as the same events: "athlete" with "name", and "rename"', () => {
    const old = `${H}\n{"type":"event","t":0,"r":"import","event":"athlete","name":"Ann"}\n{"type":"event","t":5,"r":"import","event":"rename","name":"Lane 3"}\n`;
    expect(parseRecording(old, 'x.ndjson').items).toEqual([athlete, { kind: 'event', t: 5, rower: 'import', event: 'name', name: 'Lane 3' }]);
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
