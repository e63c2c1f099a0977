/**
 * Console profiles — how to READ a console: per-device quirks, keyed by advertised-name prefix (docs/ftms.md §4 rules 7–9). Pure data plus a
 * lookup; the BLE layer loads user additions from a config file, validates them and passes them
 * in. Name prefixes match case-insensitively; the longest matching prefix wins, user entries
 * before built-in ones on a tie. Prefixes are the names these consoles commonly advertise — a
 * user whose console advertises differently adds a profile rather than editing this table.
 */

/**
 * How a console starts streaming: 'none' (as soon as notifications are on) or 'control-start'
 * (only after Request Control (00) then Start (07) on the Control Point, rule 8).
 */
export const STARTUP_MODES = ['none', 'control-start'] as const;
export type StartupMode = (typeof STARTUP_MODES)[number];

/** How to read one console. The simulator's `SimulatedConsole`s (src/sources/simulator/) imitate these by id. */
export interface ConsoleProfile {
  id: string;
  namePrefixes: string[];
  /** 'control-start': write Request Control (00) then Start (07) before data flows (rule 8) */
  startup: StartupMode;
  /** stroke rate sent in whole spm in the 0.5-resolution field: the spec reading is doubled */
  wholeSpmStrokeRate: boolean;
  /** no power from the console: compute P = 2.80 / (pace/500)³ W from pace */
  powerFromPace: boolean;
  /** distance (and usually energy) not to be trusted; a hint for analysis, samples keep it */
  unreliableDistance: boolean;
  /** set when the device is known not to speak FTMS: what to tell the user */
  notFtms?: string;
}

const p = (id: string, namePrefixes: string[], quirks: Partial<Omit<ConsoleProfile, 'id' | 'namePrefixes'>> = {}): ConsoleProfile => ({
  id,
  namePrefixes,
  startup: 'none',
  wholeSpmStrokeRate: false,
  powerFromPace: false,
  unreliableDistance: false,
  ...quirks,
});

/** The default for any FTMS rower not in the table: spec behaviour, no writes. */
export const GENERIC_PROFILE: ConsoleProfile = p('generic', []);

/** Built-in table (docs/ftms.md §4 "Rules learned from real machines"). */
export const BUILTIN_PROFILES: readonly ConsoleProfile[] = [
  // Concept2 PM5: splits each record in two notifications (merge.ts handles it); no quirks here.
  p('concept2-pm5', ['PM5']),
  // WaterRower S4 with ComModule: stale stroke rate/pace after stopping (handled by analysis).
  p('waterrower-s4', ['S4 Comms', 'WaterRower', 'WR-S4']),
  // Rule 8: stream nothing until Request Control then Start.
  p('i-rower', ['I-ROWER', 'IROWER'], { startup: 'control-start' }),
  p('sunny-sf-rw', ['SF-RW'], { startup: 'control-start' }),
  p('merach-mrk-r06', ['MRK-R06'], { startup: 'control-start' }),
  p('iconsole-plus', ['iConsole'], { startup: 'control-start' }),
  // Rule 7: whole-spm stroke rate in the 0.5-resolution field.
  p('merach-q1s', ['MERACH-Q1S', 'MERACH Q1S', 'MRK-Q1S', 'Q1S'], { wholeSpmStrokeRate: true }),
  p('kingsmith-wr1', ['KS-WR1', 'Kingsmith', 'WR1'], { wholeSpmStrokeRate: true }),
  p('whipr', ['Whipr'], { wholeSpmStrokeRate: true }),
  // JOROTO MR280: implausible instantaneous stroke rate (rule 5, handled by analysis).
  p('joroto', ['JOROTO', 'MR280']),
  // First Degree Fitness Viking: three independent packet types (merge.ts handles it).
  p('fdf-viking', ['Viking', 'FDF']),
  // Technogym Skillrow: reserved bit 13 and 4 trailing bytes (the decoder accepts them).
  p('technogym', ['Technogym', 'SKILLROW']),
  p('kayakpro', ['KayakPro']),
  // Rule 9: not FTMS at all.
  p('smartrow', ['SmartRow'], { notFtms: 'SmartRow speaks its own protocol, not FTMS: ergsprint cannot read it' }),
  p('echelon', ['ECH-ROW', 'Echelon'], { notFtms: 'Echelon rowers use a proprietary protocol, not FTMS: ergsprint cannot read them' }),
  p('domyos-legacy', ['DOMYOS-ROW', 'Domyos-Row'], {
    notFtms: 'older Domyos rowers use a proprietary protocol, not FTMS: ergsprint cannot read them',
  }),
];

/** The longest-prefix profile for an advertised name (user `extra` first), or GENERIC_PROFILE. */
export function findProfile(name: string | undefined, extra: readonly ConsoleProfile[] = []): ConsoleProfile {
  if (name === undefined) return GENERIC_PROFILE;
  const lower = name.trim().toLowerCase();
  let best: ConsoleProfile = GENERIC_PROFILE;
  let bestLength = 0;
  for (const profile of [...extra, ...BUILTIN_PROFILES]) {
    for (const prefix of profile.namePrefixes) {
      const pre = prefix.toLowerCase();
      if (pre.length > bestLength && lower.startsWith(pre)) {
        best = profile;
        bestLength = pre.length;
      }
    }
  }
  return best;
}

/** A user's entry: an id, plus whatever it changes (a new id needs the fields it wants non-default). */
export type UserConsoleProfile = Partial<ConsoleProfile> & { id: string };

/**
 * Combine a table with user entries: an entry with a known id overrides that profile's fields,
 * a new id becomes a new profile (defaults as GENERIC_PROFILE). User entries come first.
 */
export function mergeProfiles(builtin: readonly ConsoleProfile[], user: readonly UserConsoleProfile[]): ConsoleProfile[] {
  const userIds = new Set(user.map((u) => u.id));
  const fromUser = user.map((u) => ({ ...(builtin.find((b) => b.id === u.id) ?? { ...GENERIC_PROFILE, namePrefixes: [] }), ...u }));
  return [...fromUser, ...builtin.filter((b) => !userIds.has(b.id))];
}
