/**
 * `ergsprint live`: connect to FTMS rowers over Bluetooth, record every frame, run the analysis
 * pipeline, show a live line per rower and serve the display. Wiring only.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { EMPTY, type Observable } from 'rxjs';
import { CliError } from '../cli-error.js';
import type { SourceItem } from '../ftms/frame.js';
import { RecordingWriteError } from '../recording/recording-error.js';
import { bleSource$ } from '../sources/ble/ble-source.js';
import { loadNoble } from '../sources/ble/load-noble.js';
import { sessionClock } from '../sources/ble/session-clock.js';
import { loadUserProfiles, profileLookup } from '../sources/ble/profile-config.js';
import { type HrAttachment, parseHrAttachment } from '../sources/ble/selector.js';
import { OriginConfigError } from '../server/access-policy.js';
import { dataDir } from '../store/data-dir.js';
import type { Plan } from '../workouts/plan.js';
import { bleCliError } from './ble-errors.js';
import { LiveStatus } from './live-status.js';
import { loadPlan } from './plan-option.js';
import { checkServerFlags, listenError, parsePort } from './server-options.js';
import { parseTimeoutS } from './time-options.js';
import { referenceSettings, type ReferenceFlags } from './reference-flags.js';
import { connectionTracker, Shutdown } from './shutdown.js';
import { parseAthleteFlag, parseIdleEnd } from './lifecycle-options.js';
import { openDaemonHistory } from './daemon-history.js';
import { declaredTimes } from './history-wiring.js';
import { runSession, type SessionEnd } from './run-session.js';
import { perSessionRecorder, singleFileRecorder, type SessionRecorder } from './session-recordings.js';

export interface LiveFlags extends ReferenceFlags {
  rower: string[];
  hr: string[];
  /** `--athlete NAME=ROWER` (repeatable) */
  athlete: string[];
  /** `--idle-end DURATION` */
  idleEnd?: string;
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

export interface LiveHooks {
  /** a rower's session ended and its recording is closed (the history store plugs in here) */
  onSessionEnd?: (end: SessionEnd) => void | Promise<void>;
}

/** Run a live daemon until Ctrl-C (also used by `ergsprint start`): sessions come and go; throws CliError. */
export async function runLive(flags: LiveFlags, opts: LiveHooks = {}): Promise<void> {
  const port = parsePort(flags.port);
  checkServerFlags(flags);
  const verdict = referenceSettings(flags);
  const timeoutS = parseTimeoutS(flags.timeout);
  const hr: HrAttachment[] = flags.hr.map((text) => {
    const att = parseHrAttachment(text);
    if (!att) throw new CliError(`--hr wants STRAP=ROWER, e.g. Polar=PM5 (got "${text}")`);
    return att;
  });
  const athletes = (flags.athlete ?? []).map(parseAthleteFlag);
  const idleEndMs = parseIdleEnd(flags.idleEnd);
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
  // --record FILE: the whole run in one file; otherwise one file per rower-session (session-recordings.ts)
  const sessionsDir = join(dataDir(), 'sessions');
  // a disk that fills up (or fails) mid-session stops the recording, not the session: reported on the
  // log, the status lines and every display, retried into a new file (live-recorder.ts)
  const fault = { stopped: (m: string): void => void process.stderr.write(`${m}\n`), resumed: (m: string): void => void process.stderr.write(`${m}\n`) };
  const faults = { onStopped: (m: string) => fault.stopped(m), onResumed: (m: string) => fault.resumed(m) };
  let recorder: SessionRecorder;
  try {
    recorder = flags.record !== undefined ? singleFileRecorder(flags.record, startedAt, 'ble', faults) : perSessionRecorder(sessionsDir, startedAt, 'ble', faults);
  } catch (err) {
    if (err instanceof RecordingWriteError) throw new CliError(err.message);
    throw err;
  }
  const dropEmpty = (): void => {
    if (flags.record !== undefined && recorder.written === 0) rmSync(flags.record, { force: true });
  };

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
  const clock = sessionClock(); // one time line for local rowers and every hub
  const ble$ = noble ? bleSource$({ noble, rowers: flags.rower, hr, profiles: lookup, timeouts: { findMs: timeoutS * 1000 }, clock, log: note }) : undefined;
  // --broker: rowers from every hub (live-broker.ts), merged with the local ones when --ble
  const hubs = brokerSide?.central({ ...flags, broker: flags.broker as string }, clock, note, ble$);
  const source$: Observable<SourceItem> = hubs?.source$ ?? ble$ ?? EMPTY;

  // Ctrl-C / SIGTERM: graceful stop within 2 s, then forced; a second signal exits at once. The
  // recording is closed on every path (each line is already on disk: the writer flushes per line).
  const shutdown = new Shutdown({ log: note });
  shutdown.lastly(() => {
    recorder.close();
    process.stderr.write(`recording saved: ${savedText(recorder, flags.record, sessionsDir)}\n`);
  });
  const declared = declaredTimes(verdict);
  const history = await openDaemonHistory({ ...(plan ? { plan } : {}), verdict }, declared, note);
  // --record FILE: the one file joins history once, when it is closed (re-analysing the whole file
  // at every session end would stall the daemon for seconds on a long day, and once per rower at exit)
  const indexRecordFile = (): void => {
    if (!history || flags.record === undefined || recorder.written === 0) return;
    try {
      const ids = history.index(flags.record);
      if (ids.length > 0) process.stderr.write(`ergsprint: ${flags.record}: in history as ${ids.join(', ')}\n`);
    } catch (e) {
      process.stderr.write(`ergsprint: ${flags.record} was not indexed (${(e as Error).message}); run "ergsprint history rebuild" later\n`);
    }
  };
  shutdown.lastly(indexRecordFile);
  shutdown.lastly(() => history?.close());
  const onSessionEnd = async (end: SessionEnd): Promise<void> => {
    // a closed per-session recording joins history (a --record FILE is indexed when it is closed)
    if (history && end.path !== undefined && flags.record === undefined) {
      const ids = history.index(end.path);
      if (ids.length > 0) note(`ergsprint: ${end.athlete ?? end.name}: in history as ${ids.join(', ')}`);
    }
    await opts.onSessionEnd?.(end);
  };
  let running;
  try {
    running = await runSession({
      source$,
      startedAt,
      kind: 'ble',
      recorder,
      serve: { port, ...(flags.host ? { host: flags.host } : {}), ...(flags.token ? { token: flags.token } : {}), allowOrigins: flags.allowOrigin ?? [] },
      ...(plan ? { plan } : {}),
      verdict,
      idleEndMs,
      athletes,
      bindingsPath: join(dataDir(), 'rowers.json'),
      onSessionEnd,
      ...(history ? { references: history.references, history: history.reader } : {}),
      onEvent: (ev) => status.push(ev),
      log: note,
    });
  } catch (err) {
    history?.close();
    shutdown.dispose();
    void hubs?.close();
    status.stop();
    recorder.close();
    dropEmpty();
    if (err instanceof OriginConfigError) throw new CliError(err.message);
    const mapped = listenError(err, port, flags.host);
    throw mapped instanceof CliError ? mapped : new CliError(`display server: ${(err as Error).message}`);
  }
  const { server } = running;
  note(flags.record !== undefined ? `recording to ${flags.record}` : `recording each rower's sessions to ${sessionsDir}`);
  const hub = server.app.hub;
  banner = (text) => hub.setBanner(text);

  const destroyConnections = connectionTracker(server.app.server);
  const err = await Promise.race([running.finished, shutdown.requested.then(() => null)]);
  running.stop(); // every running session ends: summary shown and printed, recording closed, onSessionEnd
  status.stop();
  await shutdown.drain(async () => {
    await running.settled();
    await new Promise((r) => setTimeout(r, 300)); // noble has no clean shutdown: let the disconnects reach the adapter
    await server.close().catch(() => {});
    await hubs?.close();
  }, destroyConnections);
  recorder.close();
  indexRecordFile();
  history?.close();
  shutdown.dispose();
  dropEmpty();
  if (recorder.written > 0) process.stderr.write(`recording saved: ${savedText(recorder, flags.record, sessionsDir)}${recorder.lost > 0 ? ` (${recorder.lost} items could not be written)` : ''}\n`);
  if (err instanceof RecordingWriteError) throw new CliError(`recording stopped: ${err.message}`);
  if (err) throw bleCliError(err);
}

/** "where the recording is" for the last line: the file(s), or the sessions directory and how many files. */
function savedText(recorder: SessionRecorder, record: string | undefined, dir: string): string {
  if (record !== undefined) return recorder.paths.join(', ');
  const n = recorder.paths.length;
  return n <= 3 ? recorder.paths.join(', ') || `nothing yet in ${dir}` : `${n} files in ${dir}`;
}
