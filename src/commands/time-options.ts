/**
 * Options that become timer delays (`--timeout`, `--speed`), range-checked so every delay stays
 * within what setTimeout can wait (2^31 − 1 ms ≈ 24.8 days; longer fires at once, with a warning).
 */
import { CliError } from '../cli-error.js';

/** `--timeout` limit, s: a day is far past any scan, and far below setTimeout's 24.8 days. */
export const MAX_TIMEOUT_S = 86_400;

/**
 * Replay speed range, × real time. Below 0.01× (100 s per recorded second) is too slow to watch; above
 * 1000× (a 30 min session in 1.8 s) the once-a-second heartbeats across a long recorded gap would
 * keep the CPU busy: `analyze` is the "as fast as possible" replay.
 */
export const SPEED_RANGE = Object.freeze({ min: 0.01, max: 1000 });

/** Parses `--timeout <s>`: more than 0, at most MAX_TIMEOUT_S. */
export function parseTimeoutS(text: string): number {
  const s = Number(text);
  if (!(s > 0 && s <= MAX_TIMEOUT_S)) throw new CliError(`--timeout must be a number of seconds, more than 0 and at most ${MAX_TIMEOUT_S} (24 h) (got "${text}")`);
  return s;
}

/** Parses `--speed <n>` (× real time) within SPEED_RANGE. */
export function parseSpeed(text: string): number {
  const speed = Number(text);
  if (text.trim() === '' || !Number.isFinite(speed) || speed < SPEED_RANGE.min || speed > SPEED_RANGE.max) {
    throw new CliError(`--speed must be a number from ${SPEED_RANGE.min} to ${SPEED_RANGE.max} (× real time; got "${text}")`);
  }
  return speed;
}
