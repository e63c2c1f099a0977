/**
 * User device profiles: a JSON file (`--profiles FILE`, or `profiles.json` in the data dir)
 * validated with zod, merged over the built-in table of src/ftms/device-profiles.ts.
 *
 * ```json
 * { "profiles": [
 *   { "id": "my-rower", "namePrefixes": ["ACME-R"], "startup": "control-start" },
 *   { "id": "i-rower", "startup": "none" }
 * ] }
 * ```
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { BUILTIN_PROFILES, type ConsoleProfile, findProfile, mergeProfiles, type UserConsoleProfile } from '../../ftms/device-profiles.js';
import { FileOpenError, readTextFile } from '../../recording/regular-file.js';
import { STARTUP_MODES } from '../../ftms/device-profiles.js';
import type { ProfileLookup } from './device-profile-lookup.js';

const userProfile = z
  .object({
    id: z.string().min(1),
    namePrefixes: z.array(z.string().min(1)).optional(),
    startup: z.enum(STARTUP_MODES).optional(),
    wholeSpmStrokeRate: z.boolean().optional(),
    powerFromPace: z.boolean().optional(),
    unreliableDistance: z.boolean().optional(),
    notFtms: z.string().optional(),
  })
  .strict();
const profileFile = z.object({ profiles: z.array(userProfile) }).strict();

export class ProfileConfigError extends Error {
  readonly code = 'BAD_PROFILES';
  constructor(readonly path: string, detail: string) {
    super(`${path}: ${detail}`);
    this.name = 'ProfileConfigError';
  }
}

/** Parse and validate a profiles file's text; throws ProfileConfigError naming the bad field. */
export function parseProfileConfig(text: string, path: string): UserConsoleProfile[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ProfileConfigError(path, `not valid JSON (${(err as Error).message})`);
  }
  const r = profileFile.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new ProfileConfigError(path, `${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'invalid'}`);
  }
  return r.data.profiles.map((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as UserConsoleProfile);
}

/** User profiles from `path`, or from `defaultPath` when it exists, else none. Only a regular file is read (a FIFO cannot block). */
export function loadUserProfiles(path: string | undefined, defaultPath: string): UserConsoleProfile[] {
  const file = path ?? (existsSync(defaultPath) ? defaultPath : undefined);
  if (!file) return [];
  let text: string;
  try {
    text = readTextFile(file);
  } catch (err) {
    if (err instanceof FileOpenError) throw new ProfileConfigError(file, err.reason);
    throw err;
  }
  return parseProfileConfig(text, file);
}

/** The lookup the BLE source uses: built-ins with the user's entries merged over them. */
export function profileLookup(user: readonly UserConsoleProfile[]): { lookup: ProfileLookup; profiles: ConsoleProfile[] } {
  const profiles = mergeProfiles(BUILTIN_PROFILES, user);
  return {
    profiles,
    lookup: (name) => {
      const p = findProfile(name, profiles);
      return p.namePrefixes.length === 0 && p.id === 'generic' ? undefined : p;
    },
  };
}
