/**
 * `ergsprint simulate`: write a synthetic session (raw FTMS frames) and its labels, or serve it over BLE.
 * Defaults and choices come from the simulator's options table (small pure modules).
 * Name, description and options only: the implementation (src/commands/simulate.ts) is imported when
 * the command runs, so `ergsprint --help` and the other commands do not load it.
 */
import type { Command } from 'commander';
import type { SimulateFlags as Flags } from '../commands/simulate.js';
import { athletePresets } from '../sources/simulator/athlete.js';
import { PROFILE_NAMES } from '../sources/simulator/simulated-consoles.js';
import { simulateDefaults } from '../sources/simulator/simulate-options.js';

const d = simulateDefaults;

export function register(program: Command): void {
  program
    .command('simulate')
    .description('write a synthetic rowing session (raw FTMS frames) with ground-truth labels, or serve it over BLE')
    .option('--out <file>', 'recording to write (NDJSON)')
    .option('--seed <n>', 'random seed: the same seed gives the same bytes', String(d.seed))
    .option('--profile <name>', `simulated console (its data quirks and, with --ble, its start-up): ${PROFILE_NAMES.join(', ')}`, d.profile)
    .option('--hr <source>', 'heart rate: strap (2a37 frames), rower (HR field), none', d.hr)
    .option('--reps <n>', 'number of sprints', String(d.reps))
    .option('--work <s>', 'sprint length, s', String(d.workS))
    .option('--rest <s>', 'slow-row rest between sprints, s', String(d.restS))
    .option('--held <reps>', 'reps rowed held back (paced + end spurt), e.g. 3,6')
    .option('--rate-only <reps>', 'reps rowed at high rate but light pressure, e.g. 4')
    .option('--warmup <s>', 'warm-up, s (0 = start with the first sprint)', String(d.warmupS))
    .option('--cooldown <s>', 'cool-down, s', String(d.cooldownS))
    .option('--surges <n>', 'short pick-ups (< 15 s) in the warm-up', String(d.surges))
    .option('--steady <min>', 'a steady row of this many minutes instead of intervals')
    .option('--ladder <min>', 'a steady rate ladder of this many minutes instead of intervals: 18→20→22→24→26→28 spm, power rising with rate')
    .option('--piece <m>', 'warm-up, one continuous maximal test piece of M metres (e.g. 2000: fast start, fading middle, sprint finish), cool-down; labelled as one all-out work interval')
    .option('--counter-offset <n[:m]>', 'the console\'s stroke count starts at N (u16, wraps past 65535) and its distance at M metres')
    .option('--reset-at <s>', 'the console resets its counters (strokes, distance, energy, elapsed) to 0 at S s')
    .option('--stop-in-rest <s>', 'the athlete stops rowing for the first S seconds of each rest', String(d.stopInRestS))
    .option('--rowers <n>', 'rowers in one recording', String(d.rowers))
    .option('--athlete <preset>', `athlete: ${Object.keys(athletePresets).join(', ')}`, d.preset)
    .option('--p2k <time|W>', 'athlete 2k: a time like 7:05 or a power in W')
    .option('--gap <at:dur>', 'a notification gap of DUR s at AT s (append ":disconnect" for a disconnect)')
    .option('--started-at <iso>', 'wall-clock time of t = 0', d.startedAt)
    .option('--labels', 'also write <name>.labels.json next to the recording')
    .option('--force', 'overwrite existing files')
    .option('--ble', 'serve the simulated rowers over Bluetooth LE instead of writing a file')
    .option('--drop <at:dur>', 'with --ble: drop every rower\'s link at AT s for DUR s (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--malformed <s>', 'with --ble: at S s send the central malformed messages, as a faulty remote adapter might (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--ble-port <n>', 'with --ble: ws-slave port (default 2846, the only one noble dials; another needs ERGSPRINT_WS_SLAVE_URL=ws://localhost:N for live/scan; 0 = any free port)')
    .option('--duration <s>', 'with --ble: stop after S seconds')
    .addHelpText(
      'after',
      `
Examples:
  $ ergsprint simulate --out s.ndjson --seed 7 --held 3,6 --labels
  $ ergsprint simulate --out pm5.ndjson --profile pm5-split --rest 60 --labels
  $ ergsprint simulate --out steady.ndjson --steady 20
  $ ergsprint simulate --out ladder.ndjson --ladder 24 --labels
  $ ergsprint simulate --out 2k.ndjson --piece 2000 --labels
  $ ergsprint simulate --out reset.ndjson --counter-offset 65450:12000 --reset-at 560 --labels`,
    )
    .action(async (flags: Flags) => (await import('../commands/simulate.js')).simulateCommand(flags));
}
