/** The recording format's optional `plan` on event lines (workout-start), written and read back exactly. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RowerEvent } from '../../src/ftms/frame.js';
import type { RecordingHeader } from '../../src/recording/format.js';
import { RecordingWriteError } from '../../src/recording/recording-error.js';
import { parseRecording, readRecording } from '../../src/recording/reader.js';
import { openRecording } from '../../src/recording/writer.js';
import { errorOf } from './error-of.js';

const header: RecordingHeader = { startedAt: '2026-11-21T19:00:00.000Z', source: 'ble', rowers: [] };
const H = '{"type":"header","format":"ergsprint-recording","version":1,"startedAt":"2026-11-21T19:00:00.000Z","source":"ble","rowers":[]}';
const plan = { name: 'hiit-30-90', warmupS: 600, reps: 8, workS: 30, restS: 90, cooldownS: 600 };
const start: RowerEvent = { kind: 'event', t: 61_000, rower: 'aa:bb', event: 'workout-start', plan };
const stop: RowerEvent = { kind: 'event', t: 95_000.5, rower: 'aa:bb', event: 'workout-stop' };

describe('workout events in a recording', () => {
  it('write → read keeps the plan object of workout-start, and workout-stop has none', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ergsprint-rec-')), 's.ndjson');
    const w = openRecording(path, header);
    w.write(start);
    w.write(stop);
    w.close();
    expect(readFileSync(path, 'utf8')).toBe(
      `${H}\n` +
        '{"type":"event","t":61000,"r":"aa:bb","event":"workout-start","plan":{"name":"hiit-30-90","warmupS":600,"reps":8,"workS":30,"restS":90,"cooldownS":600}}\n' +
        '{"type":"event","t":95000.5,"r":"aa:bb","event":"workout-stop"}\n',
    );
    const rec = await readRecording(path);
    expect(rec.items).toEqual([start, stop]);
    expect('plan' in rec.items[1]!).toBe(false);
  });

  it('a plan that is not a JSON object is a BAD_LINE naming the line', () => {
    for (const bad of ['"hiit-30-90"', '[1,2]', 'null', '8']) {
      const err = errorOf(`${H}\n{"type":"event","t":1,"r":"a","event":"workout-start","plan":${bad}}\n`);
      expect(err.code).toBe('BAD_LINE');
      expect(err.line).toBe(2);
      expect(err.message).toBe('rec.ndjson:2: plan must be a JSON object');
    }
  });

  it('the writer refuses a plan that is not an object', () => {
    const w = openRecording(join(mkdtempSync(join(tmpdir(), 'ergsprint-rec-')), 's.ndjson'), header);
    const bad = { ...start, plan: ['x'] } as unknown as RowerEvent; // a caller outside the type system
    expect(() => w.write(bad)).toThrow(RecordingWriteError);
    w.close();
  });

  it('unknown events with extra fields still read (kept, ignored by analysis)', () => {
    const rec = parseRecording(`${H}\n{"type":"event","t":1,"r":"a","event":"workout-pause","plan":{"any":"thing"}}\n`, 'rec.ndjson');
    expect(rec.items).toEqual([{ kind: 'event', t: 1, rower: 'a', event: 'workout-pause', plan: { any: 'thing' } }]);
  });
});
