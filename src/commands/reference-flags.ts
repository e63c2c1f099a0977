/** `--ref-2k M:SS` / `--ref-500m M:SS.t`: the declared test the verdicts extrapolate from (analyze, live, replay, start). */
import { parseDeclaredTime, RowTimeError, type DeclaredDistance } from '../analysis/reference.js';
import type { SessionOptions } from '../analysis/session-verdicts.js';
import { cliError } from './exit-codes.js';

export interface ReferenceFlags {
  ref2k?: string;
  ref500m?: string;
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
export function referenceSettings(flags: ReferenceFlags): Pick<SessionOptions, 'declared2kS' | 'declared500mS'> {
  const out: Pick<SessionOptions, 'declared2kS' | 'declared500mS'> = {};
  if (flags.ref2k !== undefined) out.declared2kS = declared('--ref-2k', flags.ref2k, '2k');
  if (flags.ref500m !== undefined) out.declared500mS = declared('--ref-500m', flags.ref500m, '500m');
  return out;
}

/** The same flags as command-line arguments (to hand on to another command). */
export function referenceArgs(flags: ReferenceFlags): string[] {
  return [...(flags.ref2k !== undefined ? ['--ref-2k', flags.ref2k] : []), ...(flags.ref500m !== undefined ? ['--ref-500m', flags.ref500m] : [])];
}
