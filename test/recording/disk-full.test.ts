/**
 * Issue 15 item 7: a full disk stops recording, not the session. The writer's fs write is
 * replaced by a disk of limited size that, like the kernel, writes what fits and then fails with
 * ENOSPC; the live recorder reports once, loses only what could not be written and resumes into a
 * new file when space returns.
 */
import { existsSync, mkdtempSync, readdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Frame, RowerEvent } from '../../src/ftms/frame.js';
import type { RecordingHeader } from '../../src/recording/format.js';
import { LiveRecorder, partPath } from '../../src/recording/live-recorder.js';
import { readRecording } from '../../src/recording/reader.js';
import { RecordingWriteError } from '../../src/recording/recording-error.js';
import { openRecording } from '../../src/recording/writer.js';

const HEADER: RecordingHeader = { startedAt: '2026-12-01T20:00:00.000Z', source: 'ble', rowers: [] };
const frame = (i: number): Frame => ({ kind: 'frame', t: i * 100, rower: 'a', char: '2ad1', bytes: Uint8Array.of(0x01, 0x08, i & 0xff, i >> 8) });
const connected: RowerEvent = { kind: 'event', t: 0, rower: 'a', event: 'connected', name: 'PM5 123' };

/** A disk with `free` bytes left: a write gets what fits, the next one ENOSPC. */
function smallDisk(free: number): { write: (fd: number, buf: Buffer, off: number, len: number) => number; free: number } {
  const disk = {
    free,
    write(fd: number, buf: Buffer, off: number, len: number): number {
      if (disk.free <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
      const n = Math.min(len, disk.free);
      disk.free -= n;
      return writeSync(fd, buf, off, n);
    },
  };
  return disk;
}

describe('the live recorder on a full disk', () => {
  it('reports once, keeps going, loses only what could not be written, and resumes into a new file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ergsprint-full-'));
    const path = join(dir, 'live.ndjson');
    const disk = smallDisk(600);
    let clock = 0;
    const stopped: string[] = [];
    const resumed: string[] = [];
    const rec = new LiveRecorder(path, HEADER, {
      open: (p, h) => openRecording(p, h, { writeSync: disk.write }),
      retryMs: 5_000,
      now: () => clock,
      onStopped: (m) => stopped.push(m),
      onResumed: (m) => resumed.push(m),
    });
    rec.write(connected);
    let i = 0;
    while (rec.recording) rec.write(frame(++i)); // until the disk is full
    const failedAt = i;
    expect(failedAt).toBeGreaterThan(3);
    for (let k = 0; k < 20; k++) {
      clock += 1_000; // retried every 5 s while still full: no new file fits a header
      rec.write(frame(++i));
    }
    expect(stopped).toHaveLength(1); // reported once, not per frame
    expect(stopped[0]).toMatch(/^recording stopped: disk full \(ENOSPC\) writing .*live\.ndjson; the session goes on/);
    expect(resumed).toEqual([]);
    expect(readdirSync(dir)).toEqual(['live.ndjson']); // failed attempts leave no headless files

    disk.free = Infinity; // space is back
    const lostBefore = i - failedAt + 1;
    expect(rec.lost).toBe(lostBefore);
    clock += 5_000;
    rec.write(frame(++i)); // the first item after the retry goes into the new file
    for (let k = 0; k < 5; k++) rec.write(frame(++i));
    rec.close();

    expect(resumed).toHaveLength(1);
    expect(resumed[0]).toContain(partPath(path, 2));
    expect(rec.paths).toEqual([path, join(dir, 'live.2.ndjson')]);
    const first = await readRecording(path); // torn last line tolerated
    const second = await readRecording(partPath(path, 2));
    expect(second.header).toMatchObject({ startedAt: HEADER.startedAt, rowers: [{ id: 'a', name: 'PM5 123' }] });
    const ns = (items: typeof first.items): number[] => items.flatMap((it) => (it.kind === 'frame' ? [(it.bytes[2] ?? 0) + ((it.bytes[3] ?? 0) << 8)] : []));
    const got = [...ns(first.items), ...ns(second.items)];
    expect(ns(first.items)).toEqual(Array.from({ length: failedAt - 1 }, (_, k) => k + 1)); // everything before the failure
    expect(ns(second.items)).toEqual(Array.from({ length: 6 }, (_, k) => i - 5 + k)); // everything after space returned
    expect(rec.lost + got.length).toBe(i); // nothing unaccounted for
  });

  it('a header that does not fit leaves no file and no open descriptor behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ergsprint-full-'));
    const path = join(dir, 'x.ndjson');
    const disk = smallDisk(10);
    let err: unknown;
    try {
      openRecording(path, HEADER, { writeSync: disk.write });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RecordingWriteError);
    expect(err).toMatchObject({ code: 'IO' });
    expect(existsSync(path)).toBe(false);
  });
});
