/**
 * Gap filling from the hub's durable copy: the lines of one rower, numbered as the hub numbered
 * them when it sent them (its n-th line in the session's recording is seq n), read back from the
 * recording file(s) of that hub session. Paged: at most `page` lines per answer.
 */
import { existsSync } from 'node:fs';
import { readRecording } from '../recording/reader.js';
import type { ReplayRequest, ReplayResponse, WireLine } from './messages.js';
import { toWireLine } from './wire-line.js';

export const REPLAY_PAGE = 1000;

/** Answer `req` from the recording files `paths` (in order; parts of one session). */
export async function answerReplay(req: ReplayRequest, paths: readonly string[], page = REPLAY_PAGE): Promise<ReplayResponse> {
  const base = { v: 1 as const, id: req.id, sid: req.sid, r: req.r };
  const lines: WireLine[] = [];
  let seq = 0;
  let more = false;
  try {
    for (const path of paths) {
      if (!existsSync(path)) continue;
      const rec = await readRecording(path);
      for (const item of rec.items) {
        if (item.rower !== req.r) continue;
        seq += 1;
        if (seq < req.from || (req.to !== undefined && seq > req.to)) continue;
        if (lines.length === page) {
          more = true;
          break;
        }
        lines.push(toWireLine(item, seq));
      }
      if (more) break;
    }
  } catch (err) {
    return { ...base, lines: [], more: false, error: `cannot read the recording: ${(err as Error).message}`.slice(0, 200) };
  }
  return { ...base, lines, more };
}
