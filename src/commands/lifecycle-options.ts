/** The session-lifecycle options of live, replay and start: `--idle-end DURATION`, `--athlete NAME=ROWER`. */
import { CliError } from '../cli-error.js';
import { DEFAULT_IDLE_END_MS } from '../pipeline/session-lifecycle.js';
import { parseHrAttachment } from '../sources/ble/selector.js';
import { ATHLETE_MAX } from '../store/rower-bindings.js';
import type { AthleteFlag } from './control-events.js';

/** `--idle-end` range, ms: shorter than a rest between reps would split a workout; a day is the most. */
export const IDLE_END_RANGE_MS = Object.freeze({ min: 30_000, max: 86_400_000 });

const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000 };
const DURATION = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s?)?$/;

/** Parses `--idle-end` ("5m", "90s", "1h30m", "300" = seconds) to ms; absent = 5 min. Throws CliError. */
export function parseIdleEnd(text: string | undefined): number {
  if (text === undefined) return DEFAULT_IDLE_END_MS;
  const t = text.trim().toLowerCase();
  const m = DURATION.exec(t);
  if (t === '' || m === null || (m[1] ?? m[2] ?? m[3]) === undefined) {
    throw new CliError(`--idle-end must be a duration like 5m, 90s or 1h30m (got "${text}")`);
  }
  const ms = Number(m[1] ?? 0) * UNIT_MS.h! + Number(m[2] ?? 0) * UNIT_MS.m! + Number(m[3] ?? 0) * UNIT_MS.s!;
  if (!(ms >= IDLE_END_RANGE_MS.min && ms <= IDLE_END_RANGE_MS.max)) {
    throw new CliError(`--idle-end must be from 30s to 24h (got "${text}")`);
  }
  return Math.round(ms);
}

/** Parses `--athlete NAME=ROWER` (ROWER: an id/address or an advertised-name prefix, as in --hr). Throws CliError. */
export function parseAthleteFlag(text: string): AthleteFlag {
  const att = parseHrAttachment(text);
  if (!att || att.strap === '' || att.rower === '') throw new CliError(`--athlete wants NAME=ROWER, e.g. Ada=PM5 (got "${text}")`);
  if (att.strap.length > ATHLETE_MAX) throw new CliError(`--athlete: the name may have at most ${ATHLETE_MAX} characters`);
  return { athlete: att.strap, rower: att.rower };
}
