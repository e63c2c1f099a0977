import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Batcher } from '../../src/bridge/batcher.js';
import { answerReplay } from '../../src/bridge/replay-answer.js';
import type { WireLine } from '../../src/bridge/messages.js';
import type { RecordingItem } from '../../src/recording/format.js';
import { openRecording } from '../../src/recording/writer.js';

const items: RecordingItem[] = [
  { kind: 'event', t: 0, rower: 'a', event: 'connected', name: 'PM5' },
  { kind: 'frame', t: 10, rower: 'a', char: '2ad1', bytes: new Uint8Array([1, 2]) },
  { kind: 'frame', t: 10, rower: 'b', char: '2ad1', bytes: new Uint8Array([3]) },
  { kind: 'frame', t: 10, rower: 'a', char: '2a37', bytes: new Uint8Array([0x16, 0x50]) }, // same (rower, t) as line 2
  { kind: 'frame', t: 20, rower: 'a', char: '2ad1', bytes: new Uint8Array([4]) },
];

describe('a hub numbers lines as its recording holds them, and replays them with the same numbers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ergsprint-replay-'));
  const path = join(dir, 'hub.ndjson');
  const w = openRecording(path, { startedAt: '2026-12-01T00:00:00.000Z', source: 'ble', rowers: [] });
  const b = new Batcher('abcdef');
  const sent: WireLine[] = [];
  for (const item of items) {
    w.write(item);
    sent.push(b.add(item));
  }
  w.close();

  it('batches carry per-rower seqs and the heads', () => {
    const batch = b.flush(25)!;
    expect(batch.lines.map((l) => `${l.r}:${l.seq}`)).toEqual(['a:1', 'a:2', 'b:1', 'a:3', 'a:4']);
    expect(batch.heads).toEqual({ a: 4, b: 1 });
    expect(b.flush(100)).toBeNull(); // nothing new within the heartbeat period
    expect(b.flush(1100)).toMatchObject({ lines: [], heads: { a: 4, b: 1 } });
  });

  it('a replay of a:2..3 from the file is exactly what was sent as a:2 and a:3', async () => {
    const res = await answerReplay({ v: 1, id: 'q', sid: 'abcdef', r: 'a', from: 2, to: 3 }, [path]);
    expect(res.lines).toEqual(sent.filter((l) => l.r === 'a' && l.seq >= 2 && l.seq <= 3));
    expect(res.more).toBe(false);
  });

  it('pages a long answer, and says so', async () => {
    const res = await answerReplay({ v: 1, id: 'q', sid: 'abcdef', r: 'a', from: 1 }, [path], 2);
    expect(res.lines.map((l) => l.seq)).toEqual([1, 2]);
    expect(res.more).toBe(true);
  });

  it('a missing part file is skipped; an unreadable recording is an error answer, not a throw', async () => {
    expect((await answerReplay({ v: 1, id: 'q', sid: 'abcdef', r: 'b', from: 1 }, [path, join(dir, 'hub.2.ndjson')])).lines).toHaveLength(1);
    const res = await answerReplay({ v: 1, id: 'q', sid: 'abcdef', r: 'a', from: 1 }, [dir]);
    expect(res.error).toMatch(/cannot read the recording/);
  });
});
