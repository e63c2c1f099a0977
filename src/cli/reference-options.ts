/** `--ref-2k` / `--ref-500m` / `--hr-max` declared on a command (their parsing: src/commands/reference-flags.ts, loaded when the command runs). */
import type { Command } from 'commander';

/** Adds the three options to a command. */
export function referenceOptions(cmd: Command): Command {
  return cmd
    .option('--ref-2k <m:ss>', 'your 2k time (4:50–15:00): what every rep is judged against, scaled by its duration (e.g. 7:05)')
    .option('--ref-500m <m:ss.t>', 'your 500 m time (1:05–4:00), when you have no 2k (e.g. 1:32.5)')
    .option('--hr-max <bpm>', "your known maximum heart rate (100–230 bpm): each rep's peak heart rate is read against it");
}
