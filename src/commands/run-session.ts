/**
 * The one run loop of `live`, `replay` and `start` (and later the MQTT central): source → requests
 * from people injected (workouts, session ends, names) → recorder → session pipeline with the
 * session lifecycle → terminal and display server. At each rower-session's end: its summary is
 * printed, its recording is closed, and `onSessionEnd` is called. Wiring only: the lifecycle is
 * decided in src/pipeline/ (session-lifecycle.ts, rower-sessions.ts) on data time.
 */
import { concat, defer, EMPTY, ignoreElements, of, repeat, Subject, takeUntil, tap, timer, type Observable, type Subscription } from 'rxjs';
import type { ReferenceInputs } from '../analysis/reference.js';
import type { SessionOptions } from '../analysis/session-verdicts.js';
import type { SessionSummary } from '../analysis/types.js';
import type { SourceItem, SourceKind } from '../ftms/frame.js';
import { DEFAULT_IDLE_END_MS, type EndReason } from '../pipeline/session-lifecycle.js';
import { ATHLETE_EVENT } from '../ftms/frame.js';
import { session$, type SessionPipelineOptions } from '../pipeline/session.js';
import type { SessionEvent } from '../session/state.js';
import type { HistoryReader } from '../server/history-reader.js';
import type { ServerInput } from '../server/protocol.js';
import { startDisplayServer, type RunningServer } from '../server/start-server.js';
import type { Plan } from '../workouts/plan.js';
import { controlInjector, type AthleteFlag, type ControlInjector } from './control-events.js';
import type { SessionRecorder } from './session-recordings.js';
import { formatSessionEnd } from './session-summary-text.js';
import { workoutInjector } from './workout-commands.js';
import { loadBindings, saveBindings, type RowerBindings } from '../store/rower-bindings.js';

/** What `onSessionEnd` is told when a rower's session has ended and its recording is closed. */
export interface SessionEnd {
  /** the session's recording (closed in per-session mode; the shared file with `--record`), or undefined when nothing is recorded (replay) */
  path?: string;
  /** every file of it (more than one after a disk fault) */
  paths: string[];
  /** the session's data-time range within `path`, ms */
  startMs: number;
  endMs: number;
  rower: string;
  /** display name and bound athlete, when known */
  name: string;
  athlete?: string;
  /** session id (`<rower>@<data time of the first stroke>`) */
  id: string;
  /** ISO-8601 wall time of the first stroke and of the end */
  startedAt: string;
  endedAt: string;
  reason: EndReason;
  /** the session summary the display shows, when the pipeline produced one */
  summary?: SessionSummary;
}

export interface ServeOptions {
  port: number;
  host?: string;
  token?: string;
  allowOrigins?: readonly string[];
  banner?: string;
}

export interface RunSessionOptions {
  /** the items; subscribed once (once per pass when looping) */
  source$: Observable<SourceItem>;
  /** ISO-8601 wall time of data time 0 */
  startedAt: string;
  kind: SourceKind;
  /** where items are recorded (none: replay) */
  recorder?: SessionRecorder;
  serve: ServeOptions;
  plan?: Plan;
  verdict?: SessionOptions;
  /** advertised names by rower id; may be filled as rowers connect (live) */
  names?: Record<string, string>;
  /** data time without a stroke that ends a rower's session, ms (default 5 min) */
  idleEndMs?: number;
  /** start the source over when it ends, a new session each pass, after `pauseMs` on the summary */
  loop?: { pauseMs: number };
  /** `--athlete` flags, and the saved names file (read at start, written on PUT /api/rowers/:id) */
  athletes?: readonly AthleteFlag[];
  bindingsPath?: string;
  /**
   * Per-rower references at the start of each rower-session (the history store plugs in here):
   * `athlete` is the one bound to the rower by a recorded `athlete` event, `atMs` the session's
   * start in ms since the epoch (`startedAt` + data time).
   */
  references?: (rower: string, at: { athlete?: string; atMs: number }) => ReferenceInputs | undefined;
  /** past sessions for /api/history and /history */
  history?: HistoryReader;
  /** a rower's session ended and its recording is closed (errors and rejections are logged, never thrown) */
  onSessionEnd?: (end: SessionEnd) => void | Promise<void>;
  /** every session event (live status lines) */
  onEvent?: (ev: SessionEvent) => void;
  /** one-line messages for the operator */
  log: (line: string) => void;
}

export interface RunningSession {
  server: RunningServer;
  /** resolves when the source ends (null) or fails (the error); the server keeps running */
  finished: Promise<unknown>;
  /** Ctrl-C: complete the source, so every running session ends with its summary and its recording closed */
  stop(): void;
  /** resolves once every `onSessionEnd` call so far has settled */
  settled(): Promise<void>;
}

/** Runs the session; rejects (nothing left running) when the server cannot listen. */
export async function runSession(opts: RunSessionOptions): Promise<RunningSession> {
  const { log, recorder } = opts;
  const names = opts.names ?? {};
  let bindings: RowerBindings | undefined;
  if (opts.bindingsPath !== undefined) bindings = loadBindings(opts.bindingsPath, (line) => log(`ergsprint: ${line}`));
  const bindingsPath = opts.bindingsPath;
  const save = (b: RowerBindings): void => {
    if (bindingsPath === undefined) return;
    try {
      saveBindings(bindingsPath, b);
    } catch (err) {
      log(`ergsprint: could not save rower names to ${bindingsPath}: ${(err as Error).message}`);
    }
  };
  const workouts = workoutInjector();
  const controls: ControlInjector = controlInjector({ ...(bindings ? { bindings } : {}), ...(opts.athletes ? { athletes: opts.athletes } : {}), names, saved: save });
  // the athlete bound to each rower and the latest data time, for the references of a new session
  const athleteOf = new Map<string, string>();
  const startMs = Date.parse(opts.startedAt);
  let lastT = 0;
  const refs = opts.references;
  const pipelineOpts: SessionPipelineOptions = {
    names,
    lifecycle: { idleEndMs: opts.idleEndMs ?? DEFAULT_IDLE_END_MS },
    ...(opts.plan ? { plan: opts.plan } : {}),
    ...(opts.verdict ? { verdict: opts.verdict } : {}),
    ...(refs ? { references: (rower: string) => refs(rower, { ...(athleteOf.has(rower) ? { athlete: athleteOf.get(rower)! } : {}), atMs: startMs + lastT }) } : {}),
  };
  // Ctrl-C completes the source itself (not the output), so every pipeline flushes its session
  const stop$ = new Subject<void>();
  let stopped = false;
  const source$ = defer(() => (stopped ? EMPTY : opts.source$.pipe(takeUntil(stop$))));
  // requests join the source before the recorder, so they are recorded and replays see them
  const pass = (): Observable<SessionEvent> =>
    controls.inject(workouts.inject(source$)).pipe(
      tap((item) => {
        lastT = item.t;
        if (item.kind === 'heartbeat') return;
        if (item.kind === 'event' && item.event === 'connected' && item.name) names[item.rower] = item.name;
        if (item.kind === 'event' && item.event === ATHLETE_EVENT && item.athlete) athleteOf.set(item.rower, item.athlete);
        recorder?.write(item); // flushed per line by the writer
      }),
      session$(pipelineOpts),
    );
  const loop = opts.loop;
  const all$: Observable<ServerInput> = loop
    ? concat(
        pass(),
        defer(() => concat(timer(loop.pauseMs).pipe(ignoreElements()), of<ServerInput>({ type: 'reset', startedAt: opts.startedAt }), pass())).pipe(repeat({ delay: () => (stopped ? EMPTY : of(0)) })),
      )
    : pass();

  const toServer = new Subject<ServerInput>();
  const server = await startDisplayServer({
    events$: toServer,
    port: opts.serve.port,
    startedAt: opts.startedAt,
    source: opts.kind,
    log,
    onWorkout: workouts.hook,
    onEndSession: (cmd) => controls.endSession(cmd),
    onProfile: (id, profile) => controls.setProfile(id, profile),
    ...(opts.history ? { history: opts.history } : {}),
    ...(opts.plan ? { savedPlans: () => [opts.plan!] } : {}),
    ...(opts.serve.host !== undefined ? { host: opts.serve.host } : {}),
    ...(opts.serve.token !== undefined ? { token: opts.serve.token } : {}),
    ...(opts.serve.allowOrigins !== undefined ? { allowOrigins: opts.serve.allowOrigins } : {}),
    ...(opts.serve.banner !== undefined ? { banner: opts.serve.banner } : {}),
  });

  const ends = new SessionEnds(opts, log);
  let sub: Subscription | undefined;
  let resolveFinished: (v: unknown) => void = () => {};
  const finished = new Promise<unknown>((resolve) => {
    resolveFinished = resolve;
    sub = all$.subscribe({
      next: (ev) => {
        if (ev.type !== 'reset') {
          ends.push(ev);
          opts.onEvent?.(ev);
        }
        toServer.next(ev); // the server subscribed at onReady, before listening
      },
      error: (err: unknown) => resolve(err),
      complete: () => resolve(null),
    });
  });
  return {
    server,
    finished,
    stop: () => {
      stopped = true;
      stop$.next(); // synchronous: every running session ends here (summary, recording closed, onSessionEnd)
      sub?.unsubscribe(); // a looping replay waiting between passes
      resolveFinished(null);
    },
    settled: () => ends.settled(),
  };
}

/** Per-rower bookkeeping for the end of a session: names, the latest summary, the pending hooks. */
class SessionEnds {
  private readonly rowers = new Map<string, { name: string; athlete?: string; summary?: SessionSummary }>();
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly opts: RunSessionOptions,
    private readonly log: (line: string) => void,
  ) {}

  push(ev: SessionEvent): void {
    if (ev.type === 'rower') {
      const r = this.rowers.get(ev.rower);
      this.rowers.set(ev.rower, { ...r, name: ev.name, ...(ev.athlete !== undefined ? { athlete: ev.athlete } : {}) });
    } else if (ev.type === 'summary') {
      const r = this.rowers.get(ev.rower) ?? { name: ev.rower };
      r.summary = ev.summary;
      this.rowers.set(ev.rower, r);
    } else if (ev.type === 'session' && ev.state === 'started') {
      const r = this.rowers.get(ev.rower);
      if (r) delete r.summary;
    } else if (ev.type === 'session' && ev.state === 'ended') this.ended(ev);
  }

  settled(): Promise<void> {
    return Promise.all([...this.pending]).then(() => undefined);
  }

  private ended(ev: Extract<SessionEvent, { type: 'session' }>): void {
    const r = this.rowers.get(ev.rower) ?? { name: ev.rower };
    const summary = r.summary;
    delete r.summary; // the session's state goes with it
    const startT = Number(ev.id?.slice(ev.id.lastIndexOf('@') + 1) ?? ev.t);
    this.log(formatSessionEnd(r.athlete ?? r.name, ev.rower, ev.reason ?? 'stop', summary));
    const file = this.opts.recorder?.sessionEnded(ev.rower, startT, ev.t);
    const t0 = Date.parse(this.opts.startedAt);
    const end: SessionEnd = {
      ...(file ? { path: file.path } : {}),
      paths: file?.paths ?? [],
      startMs: file?.startMs ?? startT,
      endMs: file?.endMs ?? ev.t,
      rower: ev.rower,
      name: r.name,
      ...(r.athlete !== undefined ? { athlete: r.athlete } : {}),
      id: ev.id ?? `${ev.rower}@${startT}`,
      startedAt: new Date(t0 + startT).toISOString(),
      endedAt: new Date(t0 + ev.t).toISOString(),
      reason: ev.reason ?? 'stop',
      ...(summary ? { summary } : {}),
    };
    const hook = this.opts.onSessionEnd;
    if (hook === undefined) return;
    const p = Promise.resolve()
      .then(() => hook(end))
      .catch((err: unknown) => this.log(`ergsprint: after the session of ${ev.rower}: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }
}
