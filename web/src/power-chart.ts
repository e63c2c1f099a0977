/** The power trace (uPlot) with work intervals shaded by verdict; x in seconds since the session start. */
import uPlot from 'uplot';
import type { Interval, PhaseEvent, PowerTrace } from '../../src/server/protocol.js';
import { clock } from './format.js';

export interface ChartInput {
  trace: PowerTrace | undefined;
  intervals: Interval[];
  phase: PhaseEvent | null;
  /** current data time, ms */
  nowT: number;
  /** show only the last this many seconds (undefined = all) */
  windowS?: number;
}

function shade(iv: { verdict?: Interval['verdict'] }): string {
  const v = iv.verdict;
  if (v === undefined) return 'rgba(255,255,255,0.16)';
  if (v.allOut === true) return 'rgba(56,215,120,0.30)';
  if (v.allOut === false) return 'rgba(255,90,80,0.30)';
  return 'rgba(200,200,200,0.22)';
}

export class PowerChart {
  private plot: uPlot;
  private input: ChartInput = { trace: undefined, intervals: [], phase: null, nowT: 0 };

  constructor(private readonly el: HTMLElement) {
    const opts: uPlot.Options = {
      width: Math.max(100, el.clientWidth),
      height: Math.max(80, el.clientHeight),
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(200, Math.ceil((max * 1.1) / 100) * 100)] } },
      axes: [
        { stroke: '#e8eef6', grid: { stroke: 'rgba(255,255,255,0.08)' }, values: (_u, vals) => vals.map((v) => clock(v)), font: '14px system-ui', size: 36 },
        { stroke: '#e8eef6', grid: { stroke: 'rgba(255,255,255,0.12)' }, font: '14px system-ui', size: 70, values: (_u, vals) => vals.map((v) => `${v} W`) },
      ],
      series: [{}, { stroke: '#ffffff', width: 2.5, fill: 'rgba(255,255,255,0.10)', points: { show: false } }],
      hooks: { drawClear: [(u) => this.drawShading(u)] },
    };
    this.plot = new uPlot(opts, [[], []], el);
    new ResizeObserver(() => this.plot.setSize({ width: Math.max(100, el.clientWidth), height: Math.max(80, el.clientHeight) })).observe(el);
  }

  /** Redraws with new data. */
  update(input: ChartInput): void {
    this.input = input;
    const tr = input.trace ?? { t: [], powerW: [] };
    let from = 0;
    if (input.windowS !== undefined) {
      const minT = input.nowT - input.windowS * 1000;
      while (from < tr.t.length && (tr.t[from] ?? 0) < minT) from++;
    }
    const xs = tr.t.slice(from).map((t) => t / 1000);
    const ys = tr.powerW.slice(from);
    this.plot.setData([xs, ys]);
    if (input.windowS !== undefined) {
      const max = Math.max(input.nowT / 1000, input.windowS);
      this.plot.setScale('x', { min: max - input.windowS, max });
    }
  }

  private drawShading(u: uPlot): void {
    const ctx = u.ctx;
    const { top, height } = u.bbox;
    const rect = (startMs: number, endMs: number, fill: string) => {
      const x0 = u.valToPos(startMs / 1000, 'x', true);
      const x1 = u.valToPos(endMs / 1000, 'x', true);
      if (!Number.isFinite(x0) || !Number.isFinite(x1) || x1 <= x0) return;
      ctx.fillStyle = fill;
      ctx.fillRect(x0, top, x1 - x0, height);
    };
    ctx.save();
    for (const iv of this.input.intervals) if (iv.kind === 'work') rect(iv.start, iv.end, shade(iv));
    const ph = this.input.phase;
    if (ph?.kind === 'work') rect(ph.start, this.input.nowT, 'rgba(255,255,255,0.14)');
    ctx.restore();
  }
}
