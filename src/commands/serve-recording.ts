/**
 * Serves the live display fed by a recording: replay$ → runSession (pipeline with the session
 * lifecycle → display server). Shared by `ergsprint replay` and the demo fallback of `ergsprint
 * start`. When looping, every pass is a new session: data time starts again at 0 and displays get
 * a fresh `hello` after a pause on the summary.
 */
import { readRecording } from '../recording/reader.js';
import { RecordingError } from '../recording/recording-error.js';
import { headerNames } from '../pipeline/analyze-recording.js';
import { replay$ } from '../sources/replay.js';
import type { RunningServer } from '../server/start-server.js';
import { OriginConfigError } from '../server/access-policy.js';
import type { SessionOptions } from '../analysis/session-verdicts.js';
import type { Plan } from '../workouts/plan.js';
import { CliError } from '../cli-error.js';
import { runSession, type SessionEnd } from './run-session.js';
import { checkServerFlags, listenError } from './server-options.js';
import { connectionTracker, Shutdown } from './shutdown.js';

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
  /** data time without a stroke that ends a rower's session, ms (default 5 min) */
  idleEndMs?: number;
  onSessionEnd?: (end: SessionEnd) => void | Promise<void>;
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
  try {
    const running = await runSession({
      source$: replay$(items, { speed: opts.speed, heartbeatMs: 1000 }),
      startedAt: header.startedAt,
      kind: opts.source,
      names: headerNames(header),
      serve: {
        port: opts.port,
        ...(opts.host !== undefined ? { host: opts.host } : {}),
        ...(opts.token !== undefined ? { token: opts.token } : {}),
        ...(opts.allowOrigins !== undefined ? { allowOrigins: opts.allowOrigins } : {}),
        ...(opts.banner !== undefined ? { banner: opts.banner } : {}),
      },
      ...(opts.loop ? { loop: { pauseMs: opts.loopPauseMs ?? 20_000 } } : {}),
      ...(opts.plan ? { plan: opts.plan } : {}),
      ...(opts.verdict ? { verdict: opts.verdict } : {}),
      ...(opts.idleEndMs !== undefined ? { idleEndMs: opts.idleEndMs } : {}),
      ...(opts.onSessionEnd ? { onSessionEnd: opts.onSessionEnd } : {}),
      log: opts.log ?? ((line) => void process.stderr.write(`${line}\n`)),
    });
    const server = running.server;
    return { ...server, close: () => (running.stop(), server.close()) };
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
