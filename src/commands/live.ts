/**
 * `ergsprint live`: connect to FTMS rowers over Bluetooth, record every frame, run the analysis
 * pipeline, show a live line per rower and serve the display. Wiring only.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { catchError, EMPTY, type Observable, Subject, share, takeUntil, tap } from 'rxjs';
import { CliError } from '../cli-error.js';
import type { SourceItem } from '../ftms/frame.js';
import { session$ } from '../pipeline/session.js';
import type { SessionEvent } from '../pipeline/session-state.js';
import { LiveRecorder } from '../recording/live-recorder.js';
import { RecordingWriteError } from '../recording/recording-error.js';
import { bleSource$ } from '../sources/ble/ble-source.js';
import { loadNoble } from '../sources/ble/load-noble.js';
import { sessionClock } from '../sources/ble/session-clock.js';
import { loadUserProfiles, profileLookup } from '../sources/ble/profile-config.js';
import { type HrAttachment, parseHrAttachment } from '../sources/ble/selector.js';
import { startDisplayServer } from '../server/start-server.js';
import { dataDir, sessionRecordingPath } from '../store/data-dir.js';
import type { Plan } from '../workouts/plan.js';
import { bleCliError } from './ble-errors.js';
import { LiveStatus } from './live-status.js';
import { loadPlan } from './plan-option.js';
import { checkServerFlags, listenError, parsePort } from './server-options.js';
import { parseTimeoutS } from './time-options.js';
import { referenceSettings, type ReferenceFlags } from './reference-flags.js';
import { connectionTracker, Shutdown } from './shutdown.js';
import { workoutInjector } from './workout-commands.js';

export interface LiveFlags extends ReferenceFlags {
  rower: string[];
  hr: string[];
  record?: string;
  port: string;
  host?: string;
  token?: string;
  allowOrigin?: string[];
  timeout: string;
  plan?: string;
  profiles?: string;
  /** --broker: rowers from hubs over MQTT (live-broker.ts, loaded only then); local BLE only with --ble */
  broker?: string;
  ble?: boolean;
  username?: string;
  passwordFile?: string;
  clientId?: string;
}

/** Run a live session until Ctrl-C (also used by `ergsprint start`); throws CliError. */
export async function runLive(flags: LiveFlags): Promise<void> {
  const port = parsePort(flags.port);
  checkServerFlags(flags);
  const verdict = referenceSettings(flags);
  const timeoutS = parseTimeoutS(flags.timeout);
  const hr: HrAttachment[] = flags.hr.map((text) => {
    const att = parseHrAttachment(text);
    if (!att) throw new CliError(`--hr wants STRAP=ROWER, e.g. Polar=PM5 (got "${text}")`);
    return att;
  });
  const plan: Plan | undefined = flags.plan === undefined ? undefined : loadPlan(flags.plan);

  const brokerSide = flags.broker === undefined ? undefined : await import('./live-broker.js');
  brokerSide?.checkCentralFlags({ ...flags, broker: flags.broker as string });
  const useBle = flags.broker === undefined || flags.ble === true;
  let noble;
  let lookup;
  try {
    lookup = profileLookup(loadUserProfiles(flags.profiles, join(dataDir(), 'profiles.json'))).lookup;
    if (useBle) noble = await loadNoble({ redial: true }); // a lost remote adapter is dialled again
  } catch (err) {
    throw bleCliError(err);
  }

  const startedAt = new Date().toISOString();
  const path = flags.record ?? sessionRecordingPath(startedAt);
  // a disk that fills up (or fails) mid-session stops the recording, not the session: reported on the
  // log, the status lines and every display, retried into a new file (live-recorder.ts)
  const fault = { stopped: (m: string): void => void process.stderr.write(`${m}\n`), resumed: (m: string): void => void process.stderr.write(`${m}\n`) };
  let recording: LiveRecorder;
  try {
    recording = new LiveRecorder(path, { startedAt, source: 'ble', rowers: [] }, { onStopped: (m) => fault.stopped(m), onResumed: (m) => fault.resumed(m) });
  } catch (err) {
    if (err instanceof RecordingWriteError) throw new CliError(err.message);
    throw err;
  }

  const tty = process.stdout.isTTY === true;
  const status = new LiveStatus(process.stdout, tty);
  const note = (line: string): void => (tty ? status.log(line) : void process.stderr.write(`${line}\n`));
  let banner = (_text: string | undefined): void => {};
  fault.stopped = (m) => {
    note(`ergsprint: ${m}`);
    status.notice(m);
    banner(`Recording stopped: ${m.replace(/^recording stopped: /, '')}`);
  };
  fault.resumed = (m) => {
    note(`ergsprint: ${m}`);
    status.notice(undefined);
    banner(undefined);
  };
  const names: Record<string, string> = {};
  let written = 0;
  const stop$ = new Subject<void>();
  // workout commands (POST /api/workout) join the source before the recorder, so they are recorded
  const workouts = workoutInjector();
  const clock = sessionClock(); // one time line for local rowers and every hub
  const ble$ = noble ? bleSource$({ noble, rowers: flags.rower, hr, profiles: lookup, timeouts: { findMs: timeoutS * 1000 }, clock, log: note }) : undefined;
  const hubs = brokerSide?.central({ ...flags, broker: flags.broker as string }, clock, note, ble$);
  const source$: Observable<SourceItem> = workouts.inject(hubs?.source$ ?? ble$ ?? EMPTY).pipe(
    takeUntil(stop$), // Ctrl-C: the source completes for every consumer and its teardown disconnects the rowers
    tap((item) => {
      if (item.kind === 'heartbeat') return;
      if (item.kind === 'event' && item.event === 'connected' && item.name) names[item.rower] = item.name;
      recording.write(item); // flushed per line by the writer
      written += 1;
    }),
    share(),
  );
  const events$: Observable<SessionEvent> = source$.pipe(session$({ names, verdict, ...(plan ? { plan } : {}) }), share());

  // Ctrl-C / SIGTERM: graceful stop within 2 s, then forced; a second signal exits at once. The
  // recording is closed on every path (each line is already on disk: the writer flushes per line).
  const shutdown = new Shutdown({ log: note });
  shutdown.lastly(() => {
    recording.close();
    process.stderr.write(`recording saved: ${recording.paths.join(', ')}\n`);
  });
  const finished = new Promise<unknown>((resolve) => {
    const sub = events$.subscribe({ next: (ev) => status.push(ev), error: (err: unknown) => resolve(err), complete: () => resolve(null) });
    void shutdown.requested.then(() => {
      stop$.next();
      sub.unsubscribe();
      resolve(null);
    });
  });
  let server;
  try {
    // the server sees the session end, not its error: the error is reported once, below, as one line
    server = await startDisplayServer({ events$: events$.pipe(catchError(() => EMPTY)), port, ...(flags.host ? { host: flags.host } : {}), ...(flags.token ? { token: flags.token } : {}), allowOrigins: flags.allowOrigin ?? [], startedAt, source: 'ble', log: note, onWorkout: workouts.hook });
  } catch (err) {
    shutdown.dispose();
    stop$.next();
    void hubs?.close();
    recording.close();
    if (written === 0) rmSync(path, { force: true });
    const mapped = listenError(err, port, flags.host);
    throw mapped instanceof CliError ? mapped : new CliError(`display server: ${(err as Error).message}`);
  }
  note(`recording to ${path}`);
  const hub = server.app.hub;
  banner = (text) => hub.setBanner(text);

  const destroyConnections = connectionTracker(server.app.server);
  const err = await finished;
  stop$.next();
  status.stop();
  recording.close();
  await shutdown.drain(async () => {
    await new Promise((r) => setTimeout(r, 300)); // noble has no clean shutdown: let the disconnects reach the adapter
    await server.close().catch(() => {});
    await hubs?.close();
  }, destroyConnections);
  shutdown.dispose();
  if (written === 0) rmSync(path, { force: true });
  else process.stderr.write(`recording saved: ${recording.paths.join(', ')}${recording.lost > 0 ? ` (${recording.lost} items could not be written)` : ''}\n`);
  if (err instanceof RecordingWriteError) throw new CliError(`recording stopped: ${err.message}`);
  if (err) throw bleCliError(err);
}
