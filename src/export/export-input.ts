/**
 * What every exporter (FIT, TCX, rowingdata CSV, description) reads for one rower: the analysis's
 * final intervals and summary, plus the samples and strokes the same pipeline stages produced, the
 * link events and what the devices said about themselves. Built from a recording by
 * `exportInputs`; importers and tests may build it by hand. Times are ms of data time.
 */
import { from } from 'rxjs';
import type { Interval, SessionSummary } from '../analysis/types.js';
import type { StrokeEvent } from '../detect/types.js';
import { findProfile } from '../ftms/device-profiles.js';
import { WORKOUT_START, type Frame, type RowerEvent } from '../ftms/frame.js';
import { createSampleAssembler } from '../ftms/merge.js';
import type { Sample } from '../ftms/sample.js';
import type { AnalysisResult, RecordingLike } from '../pipeline/analyze-recording.js';
import { strokes } from '../pipeline/strokes.js';
import { toSamples } from '../pipeline/to-samples.js';

/** A rower console or heart-rate strap as it described itself (Device Information, advert name). */
export interface ExportDevice {
  role: 'rower' | 'heart-rate';
  /** advertised name */
  name: string;
  /** Device Information 2a29 / 2a24 / 2a26 */
  manufacturer?: string;
  model?: string;
  firmware?: string;
}

export interface ExportInput {
  /** ISO-8601 wall-clock time of t = 0 (the recording header's startedAt) */
  startedAt: string;
  rower: { id: string; name: string };
  /** complete samples in data-time order */
  samples: readonly Sample[];
  /** detected strokes in data-time order */
  strokes: readonly StrokeEvent[];
  /** the analysis's final intervals (ordered, tiling the session) */
  intervals: readonly Interval[];
  summary?: SessionSummary;
  /** connection changes of the rower's link, in order */
  links: ReadonlyArray<{ t: number; connected: boolean }>;
  devices: readonly ExportDevice[];
  /** a workout plan ran (--plan or a workout-start event): laps carry wkt_step_index */
  planned: boolean;
}

const DIS: Record<string, 'manufacturer' | 'model' | 'firmware'> = { '2a29': 'manufacturer', '2a24': 'model', '2a26': 'firmware' };

/** A Device Information string: UTF-8, NULs and control characters dropped, trimmed; undefined when empty. */
function disString(bytes: Uint8Array): string | undefined {
  const text = Buffer.from(bytes).toString('utf8').replace(/[\u0000-\u001f\u007f\ufffd]/g, '').trim();
  return text === '' ? undefined : text;
}

function devicesOf(name: string, items: ReadonlyArray<Frame | RowerEvent>): ExportDevice[] {
  const rower: ExportDevice = { role: 'rower', name };
  const straps = new Map<string, ExportDevice>();
  for (const item of items) {
    if (item.kind === 'frame') {
      const key = DIS[item.char];
      const value = key ? disString(item.bytes) : undefined;
      if (key && value !== undefined) rower[key] = value;
    } else if (item.event === 'connected' && item.name) rower.name = item.name;
    else if (item.event === 'hr-connected' && item.name && !straps.has(item.name)) straps.set(item.name, { role: 'heart-rate', name: item.name });
  }
  return [rower, ...straps.values()];
}

/** One rower's export input from its recording items and its analysis. */
export function exportInputOf(recording: RecordingLike, analysis: AnalysisResult['rowers'][number], planned: boolean): ExportInput {
  const items = recording.items.filter((it) => it.rower === analysis.id);
  const headerName = recording.header.rowers.find((r) => r.id === analysis.id)?.name ?? analysis.name;
  const samples: Sample[] = [];
  const found: StrokeEvent[] = [];
  // the same stages (and device profile) as the session pipeline, so samples and strokes are the analysis's own
  from(items)
    .pipe(toSamples({ createAssembler: () => createSampleAssembler({ profile: findProfile(headerName) }) }), strokes())
    .subscribe((item) => {
      if (item.type === 'sample') samples.push(item.sample);
      else if (item.type === 'stroke') found.push(item.stroke);
    });
  const links = items.flatMap((it) => (it.kind === 'event' && (it.event === 'connected' || it.event === 'disconnected') ? [{ t: it.t, connected: it.event === 'connected' }] : []));
  const input: ExportInput = {
    startedAt: recording.header.startedAt,
    rower: { id: analysis.id, name: analysis.name },
    samples,
    strokes: found,
    intervals: analysis.intervals,
    links,
    devices: devicesOf(headerName, items),
    planned: planned || items.some((it) => it.kind === 'event' && it.event === WORKOUT_START),
  };
  if (analysis.summary) input.summary = analysis.summary;
  return input;
}

/** Every rower's export input (header order). `planned`: the analysis ran with a plan. */
export function exportInputs(recording: RecordingLike, analysis: AnalysisResult, planned = false): ExportInput[] {
  return analysis.rowers.map((r) => exportInputOf(recording, r, planned));
}
