/** `ergsprint inspect FILE`: header, decoded samples (or raw frames) and a summary of a recording. */
import { statSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import { CliError } from '../cli-error.js';
import { findProfile } from '../ftms/device-profiles.js';
import { createSampleAssembler } from '../ftms/merge.js';
import { readRecording, type Recording } from '../recording/reader.js';
import { RecordingError } from '../recording/recording-error.js';
import { renderInspect, rowerNames, type InspectOptions } from './inspect-report.js';
import { cliError } from './exit-codes.js';

/** Files bigger than this show a progress bar (when stderr is a terminal), bytes. */
const PROGRESS_MIN_BYTES = 5 * 1024 * 1024;

/** The `inspect` command's action (its options are declared in src/cli/inspect.ts). */
export async function inspectCommand(file: string, opts: InspectOptions): Promise<void> {
  const rec = await load(file);
  const names = rowerNames(rec);
  if (opts.rower !== undefined) checkRower(opts.rower, rec, names, file);
  const lines = renderInspect(rec, file, opts, (rower) => createSampleAssembler({ profile: findProfile(names.get(rower)) }));
  await writeLines(lines);
}

/** Write to stdout in chunks, honouring backpressure; a closed pipe (`| head`) just ends the output. */
async function writeLines(lines: readonly string[]): Promise<void> {
  const out = process.stdout;
  let failure: NodeJS.ErrnoException | undefined;
  const onError = (err: NodeJS.ErrnoException): void => {
    failure = err;
  };
  out.on('error', onError);
  try {
    for (let i = 0; i < lines.length && failure === undefined; i += 1000) {
      if (!out.write(lines.slice(i, i + 1000).join('\n') + '\n')) await drained(out);
    }
  } finally {
    out.off('error', onError);
  }
  if (failure !== undefined && failure.code !== 'EPIPE') throw failure;
}

function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done).off('close', done).off('error', done);
      resolve();
    };
    stream.on('drain', done).on('close', done).on('error', done);
  });
}

/** --rower must name a rower of the recording (by id); otherwise a CliError listing them. */
function checkRower(rower: string, rec: Recording, names: ReadonlyMap<string, string>, file: string): void {
  const ids = new Set([...rec.header.rowers.map((r) => r.id), ...rec.items.map((i) => i.rower)]);
  if (ids.has(rower)) return;
  const known = [...ids].map((id) => (names.has(id) ? `${id} (${names.get(id) ?? ''})` : id));
  throw new CliError(`--rower "${rower}": no such rower in ${file}; its rowers: ${known.length > 0 ? known.join(', ') : '(none)'}`);
}

/** Read the recording (progress bar on a TTY for big files); a bad recording becomes CliError exit 2. */
async function load(file: string): Promise<Recording> {
  let bar: SingleBar | undefined;
  try {
    if (process.stderr.isTTY === true && sizeOf(file) > PROGRESS_MIN_BYTES) {
      bar = new SingleBar({ stream: process.stderr, format: 'reading {bar} {percentage}% | {value}/{total} MB', clearOnComplete: true });
      bar.start(Math.ceil(sizeOf(file) / 1e6), 0);
    }
    return await readRecording(file, { onProgress: (done) => bar?.update(Math.round(done / 1e6)) });
  } catch (err) {
    if (err instanceof RecordingError) throw cliError(err);
    throw err;
  } finally {
    bar?.stop();
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0; // readRecording reports the real problem
  }
}
