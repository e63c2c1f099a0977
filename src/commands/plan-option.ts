/** The `--plan` option of live, replay, start and analyze: a built-in name or a .json plan file. */
import { FileOpenError, readTextFile } from '../recording/regular-file.js';
import { PlanError, resolvePlan } from '../workouts/parse-plan.js';
import type { Plan } from '../workouts/plan.js';
import { cliError } from './exit-codes.js';

/** The plan `--plan` names; a plan that cannot be used (unknown name, not a regular file, invalid) is a CliError (exit 2). */
export function loadPlan(nameOrPath: string): Plan {
  try {
    return resolvePlan(nameOrPath, (path) => readTextFile(path));
  } catch (err) {
    if (err instanceof PlanError || err instanceof FileOpenError) throw cliError(err, '--plan: ');
    throw err;
  }
}
