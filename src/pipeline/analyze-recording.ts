/**
 * Whole-recording analysis: the live session pipeline run over a recording's items, collected
 * into per-rower intervals and summaries. The caller passes the source (normally
 * `replay$(items, {speed: 'instant'})`), so analysis and live use the identical operators.
 */
import { from, type Observable } from 'rxjs';
import type { Interval, SessionSummary } from '../analysis/types.js';
import type { Frame, RowerEvent, SourceItem } from '../ftms/frame.js';
import type { Sample } from '../ftms/sample.js';
import { session$, type SessionPipelineOptions } from './session.js';
import type { SessionEvent, SessionSnapshot } from '../session/state.js';
import { applyEvent, emptySnapshot } from '../session/reducer.js';

/** The part of a recording the analysis reads (structurally the recording reader's result). */
export interface RecordingLike {
  header: { startedAt: string; rowers: ReadonlyArray<{ id: string; name: string }> };
  items: ReadonlyArray<Frame | RowerEvent>;
}

export interface RowerAnalysis {
  id: string;
  name: string;
  /** ordered by start; times in ms of data time */
  intervals: Interval[];
  summary?: SessionSummary;
}

export interface AnalysisResult {
  rowers: RowerAnalysis[];
}

export interface AnalyzeOptions extends Omit<SessionPipelineOptions, 'names'> {
  /** the item stream to analyse; default: the recording's items, synchronously */
  source$?: Observable<SourceItem>;
}

/** Collect session events into the result (header rowers first, in header order). */
export function collectAnalysis(header: RecordingLike['header'], events: readonly SessionEvent[]): AnalysisResult {
  let snap: SessionSnapshot = emptySnapshot(header.startedAt, 'replay');
  for (const r of header.rowers) snap = applyEvent(snap, { type: 'rower', rower: r.id, name: r.name, connected: true, t: 0 });
  for (const ev of events) if (ev.type !== 'sample') snap = applyEvent(snap, ev);
  return {
    rowers: snap.rowers.map((r) => (r.summary ? { id: r.id, name: r.name, intervals: r.intervals, summary: r.summary } : { id: r.id, name: r.name, intervals: r.intervals })),
  };
}

/** Names by id from a header. */
export function headerNames(header: RecordingLike['header']): Record<string, string> {
  return Object.fromEntries(header.rowers.map((r) => [r.id, r.name]));
}

/**
 * The session events of a synchronous (instant) run of the pipeline over the recording, samples
 * left out (each handed to `onSample` instead); throws if the source is asynchronous.
 */
export function sessionEvents(recording: RecordingLike, opts: AnalyzeOptions = {}, onSample?: (rower: string, sample: Sample) => void): SessionEvent[] {
  const source = opts.source$ ?? from(recording.items);
  const events: SessionEvent[] = [];
  let done = false;
  let failure: unknown;
  source.pipe(session$({ ...opts, names: headerNames(recording.header) })).subscribe({
    next: (ev) => {
      if (ev.type !== 'sample') events.push(ev);
      else onSample?.(ev.rower, ev.sample);
    },
    error: (err: unknown) => {
      failure = err;
      done = true;
    },
    complete: () => {
      done = true;
    },
  });
  if (failure !== undefined) throw failure;
  if (!done) throw new Error('the analysis needs a synchronous source (an asynchronous source is a live session, not an analysis)');
  return events;
}

/** Synchronous analysis for a synchronous (instant) source; throws if the source is asynchronous. */
export function analyzeRecording(recording: RecordingLike, opts: AnalyzeOptions = {}): AnalysisResult {
  return collectAnalysis(recording.header, sessionEvents(recording, opts));
}
