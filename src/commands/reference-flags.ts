/**
 * `--ref-2k M:SS` / `--ref-500m M:SS.t`: the declared test the verdicts extrapolate from, and
 * `--hr-max BPM`: the athlete's known maximum heart rate, which each rep's peak is read against
 * (analyze, live, replay, start).
 */
import { parseDeclaredTime, RowTimeError, type DeclaredDistance } from '../analysis/reference.js';
import type { SessionOptions } from '../analysis/session-verdicts.js';
import { CliError } from '../cli-error.js';
import { cliError } from './exit-codes.js';

export interface ReferenceFlags {
  ref2k?: string;
  ref500m?: string;
  hrMax?: string;
}

/** Plausible human maximum heart rates, bpm: below 100 or above 230 is a typo, not a maximum. */
export const HR_MAX_RANGE = Object.freeze({ min: 100, max: 230 });

function hrMax(text: string): number {
  const bpm = Number(text);
  if (text.trim() === '' || !Number.isInteger(bpm) || bpm < HR_MAX_RANGE.min || bpm > HR_MAX_RANGE.max) {
    throw new CliError(`--hr-max must be a whole number of beats per minute from ${HR_MAX_RANGE.min} to ${HR_MAX_RANGE.max} (got "${text}")`);
  }
  return bpm;
}


function declared(flag: string, text: string, distance: DeclaredDistance): number {
  try {
    return parseDeclaredTime(text, distance);
  } catch (err) {
    if (err instanceof RowTimeError) throw cliError(err, `${flag}: `);
    throw err;
  }
}

/** The verdict inputs the flags declare; an impossible time is a CliError (exit 2, one line). */
export function referenceSettings(flags: ReferenceFlags): Pick<SessionOptions, 'declared2kS' | 'declared500mS' | 'hr'> {
  const out: Pick<SessionOptions, 'declared2kS' | 'declared500mS' | 'hr'> = {};
  if (flags.ref2k !== undefined) out.declared2kS = declared('--ref-2k', flags.ref2k, '2k');
  if (flags.ref500m !== undefined) out.declared500mS = declared('--ref-500m', flags.ref500m, '500m');
  if (flags.hrMax !== undefined) out.hr = { maxBpm: hrMax(flags.hrMax) };
  return out;
}

/** The same flags as command-line arguments (to hand on to another command). */
export function referenceArgs(flags: ReferenceFlags): string[] {
  return [
    ...(flags.ref2k !== undefined ? ['--ref-2k', flags.ref2k] : []),
    ...(flags.ref500m !== undefined ? ['--ref-500m', flags.ref500m] : []),
    ...(flags.hrMax !== undefined ? ['--hr-max', flags.hrMax] : []),
  ];
}
