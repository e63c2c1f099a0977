/**
 * Serves the live display fed by a recording: replay$ → session$ → display server. Shared by
 * `ergsprint replay` and the demo fallback of `ergsprint start`. When looping, every pass is a new
 * session: data time starts again at 0 and displays get a fresh `hello` after a pause on the summary.
 */
import { concat, defer, ignoreElements, of, repeat, timer, type Observable } from 'rxjs';
import { readRecording } from '../recording/reader.js';
import { RecordingError } from '../recording/recording-error.js';
import { headerNames } from '../pipeline/analyze-recording.js';
import { session$ } from '../pipeline/session.js';
import { replay$ } from '../sources/replay.js';
import type { ServerInput } from '../server/protocol.js';
import { startDisplayServer, type RunningServer } from '../server/start-server.js';
import { OriginConfigError } from '../server/access-policy.js';
import type { SessionOptions } from '../analysis/session-verdicts.js';
import type { Plan } from '../workouts/plan.js';
import { CliError } from '../cli-error.js';
import { checkServerFlags, listenError } from './server-options.js';
import { connectionTracker, Shutdown } from './shutdown.js';
import { workoutInjector } from './workout-commands.js';

export { parsePort } from './server-options.js';

export interface ServeRecordingOptions {
  path: string;
  /** replay speed, × real time */
  speed: number;
  loop: boolean;
  port: number;
  host?: string;
  token?: string;
  /** `--allow-origin` values */
  allowOrigins?: readonly string[];
  plan?: Plan;
  /** verdict inputs (a declared 2k / 500 m) */
  verdict?: SessionOptions;
  banner?: string;
  source: 'replay' | 'demo';
  /** wall time the summary stays up between loop passes, ms */
  loopPauseMs?: number;
  log?: (line: string) => void;
}

/** Reads the recording and starts the display server fed by its replay. */
export async function serveRecording(opts: ServeRecordingOptions): Promise<RunningServer> {
  checkServerFlags(opts);
  let recording;
  try {
    recording = await readRecording(opts.path);
  } catch (err) {
    if (err instanceof RecordingError || (err as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError((err as Error).message);
    throw err;
  }
  const { header, items } = recording;
  const pipelineOpts = { names: headerNames(header), ...(opts.plan ? { plan: opts.plan } : {}), ...(opts.verdict ? { verdict: opts.verdict } : {}) };
  // workout commands (POST /api/workout) join the replayed items of the pass running now
  const workouts = workoutInjector();
  const pass = (): Observable<ServerInput> => workouts.inject(replay$(items, { speed: opts.speed, heartbeatMs: 1000 })).pipe(session$(pipelineOpts));
  const events$: Observable<ServerInput> = opts.loop
    ? concat(
        pass(),
        defer(() => concat(timer(opts.loopPauseMs ?? 20_000).pipe(ignoreElements()), of<ServerInput>({ type: 'reset', startedAt: header.startedAt }), pass())).pipe(repeat()),
      )
    : pass();
  try {
    return await startDisplayServer({
      events$,
      port: opts.port,
      startedAt: header.startedAt,
      source: opts.source,
      onWorkout: workouts.hook,
      ...(opts.host !== undefined ? { host: opts.host } : {}),
      ...(opts.token !== undefined ? { token: opts.token } : {}),
      ...(opts.allowOrigins !== undefined ? { allowOrigins: opts.allowOrigins } : {}),
      ...(opts.banner !== undefined ? { banner: opts.banner } : {}),
      ...(opts.log ? { log: opts.log } : {}),
    });
  } catch (err) {
    if (err instanceof OriginConfigError) throw new CliError(err.message);
    throw listenError(err, opts.port, opts.host);
  }
}

/**
 * Serve until SIGINT/SIGTERM, then close the server: 2 s for open requests and displays, then they
 * are cut; a second signal exits at once.
 */
export async function closeOnSignal(server: RunningServer): Promise<void> {
  const destroyAll = connectionTracker(server.app.server);
  const shutdown = new Shutdown();
  await shutdown.requested;
  await shutdown.drain(() => server.close(), destroyAll);
  shutdown.dispose();
}
