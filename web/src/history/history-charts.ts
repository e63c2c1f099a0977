/** The history page's plots (uPlot, as the live chart): power–duration curve on a log time axis, and trends over weeks. */
import uPlot from 'uplot';
import type { BestWindow } from '../../../src/server/protocol.js';
import { alignCurves, durationTick, type TrendPoint } from './history-math.js';

/** Window lengths labelled on the log axis, s (uPlot's own log ticks 10, 20, … 90, 100 overlap). */
const DURATION_TICKS = [10, 30, 60, 120, 300, 600, 1200, 3600];
/** Fewer on a phone-wide plot. */
const DURATION_TICKS_NARROW = [10, 60, 300, 1200, 3600];

const AXIS = { stroke: '#e8eef6', grid: { stroke: 'rgba(255,255,255,0.10)' }, font: '13px system-ui' };

/** A uPlot as wide as its element (following it) and a third of the window high; the legend goes below. */
function sized(el: HTMLElement, opts: Omit<uPlot.Options, 'width' | 'height'>, data: uPlot.AlignedData): uPlot {
  const size = () => ({ width: Math.max(200, el.clientWidth), height: Math.round(Math.min(380, Math.max(200, innerHeight * 0.34))) });
  const plot = new uPlot({ ...opts, ...size() }, data, el);
  new ResizeObserver(() => plot.setSize(size())).observe(el);
  return plot;
}

/** This session's best windows against the 42-day envelope before it; x = window length on a log axis. */
export function curveChart(el: HTMLElement, session: readonly BestWindow[], envelope: readonly BestWindow[]): uPlot {
  const [xs, mine, env] = alignCurves(session, envelope);
  return sized(
    el,
    {
      legend: { show: true },
      cursor: { show: true, points: { show: true } },
      scales: { x: { time: false, distr: 3, log: 10, range: (_u, min, max) => [min, max] }, y: { range: (_u, _min, max) => [0, Math.max(100, Math.ceil((max * 1.1) / 50) * 50)] } },
      axes: [
        {
          ...AXIS,
          size: 34,
          splits: (u) => (u.width < 600 ? DURATION_TICKS_NARROW : DURATION_TICKS).filter((d) => d >= (u.scales['x']!.min ?? 0) && d <= (u.scales['x']!.max ?? Infinity)),
          // uPlot's log axis drops labels that are not 1/2/5 × 10ⁿ: keep ours
          filter: (_u, splits) => splits,
          values: (_u, vals) => vals.map((v) => (v == null ? '' : durationTick(v))),
        },
        { ...AXIS, size: 60, values: (_u, vals) => vals.map((v) => `${v} W`) },
      ],
      series: [
        { label: 'window', value: (_u, v) => (v == null ? '–' : durationTick(v)) },
        { label: 'this session', stroke: '#ffffff', width: 2.5, spanGaps: true, points: { show: true, size: 6 }, value: (_u, v) => (v == null ? '–' : `${Math.round(v)} W`) },
        { label: 'best of 42 days before', stroke: '#ffc233', width: 2, dash: [6, 4], spanGaps: true, points: { show: true, size: 5 }, value: (_u, v) => (v == null ? '–' : `${Math.round(v)} W`) },
      ],
    },
    [xs, mine, env] as unknown as uPlot.AlignedData, // uPlot accepts null gaps; its type wants number[]
  );
}

/** Mean sprint power (left axis) and decrement score (right axis) per session over the weeks. */
export function trendChart(el: HTMLElement, points: readonly TrendPoint[]): uPlot {
  const data = [points.map((p) => p.t), points.map((p) => p.sprintPowerW), points.map((p) => p.decrementPct)];
  return sized(
    el,
    {
      legend: { show: true },
      cursor: { show: true },
      scales: { x: { time: true }, w: { range: (_u, min, max) => [Math.max(0, Math.floor((min * 0.9) / 50) * 50), Math.ceil((max * 1.1) / 50) * 50] }, pct: { range: (_u, _min, max) => [0, Math.max(20, Math.ceil(max / 5) * 5)] } },
      axes: [
        { ...AXIS, size: 34, space: 70, values: (_u, vals) => vals.map((v) => weekTick(v)) },
        { ...AXIS, scale: 'w', size: 60, values: (_u, vals) => vals.map((v) => `${v} W`) },
        { ...AXIS, scale: 'pct', side: 1, size: 50, grid: { show: false }, values: (_u, vals) => vals.map((v) => `${v} %`) },
      ],
      series: [
        { label: 'session', value: (_u, v) => (v == null ? '–' : weekTick(v)) },
        { label: 'sprint power', scale: 'w', stroke: '#ffffff', width: 2.5, spanGaps: true, points: { show: true, size: 7 }, value: (_u, v) => (v == null ? '–' : `${Math.round(v)} W`) },
        { label: 'decrement', scale: 'pct', stroke: '#ff6b5e', width: 2, spanGaps: true, points: { show: true, size: 6 }, value: (_u, v) => (v == null ? '–' : `${v.toFixed(1)} %`) },
      ],
    },
    data as unknown as uPlot.AlignedData, // nulls are gaps
  );
}

const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "12 Nov" (UTC) of a time in s. */
function weekTick(s: number): string {
  const d = new Date(s * 1000);
  return `${d.getUTCDate()} ${MON[d.getUTCMonth()]!}`;
}
