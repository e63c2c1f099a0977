/** The session summary shown when a session ends: headline, decrement score, power chart, interval table (scrolls on a phone). */
import type { DisplayRowerState, Interval, PowerTrace, SessionSummary } from '../../src/server/protocol.js';
import type { DisplayState } from './state.js';
import { fitAll, fitHtml } from './fit.js';
import { PowerChart } from './power-chart.js';
import { badgeHtml, reasonLine } from './verdict-badges.js';
import { clock, esc, int, pace } from './format.js';

const stat = (label: string, value: string, f = '') =>
  `<div class="panel s-stat">${fitHtml('m-label', `<span class="lbl">${label}</span>`)}${fitHtml('m-value', `<span class="num"${f ? ` data-f="${f}"` : ''}>${value}</span>`)}</div>`;

/** What a summary shows: a live rower's end of session, or a session from history. */
export interface SummaryInput {
  /** changes when anything shown changes (the view re-renders only then) */
  key: string;
  /** athlete or rower name */
  title: string;
  summary: SessionSummary;
  intervals: Interval[];
  trace: PowerTrace | undefined;
  /** data time of the end, ms */
  nowT: number;
}

export class SummaryView {
  private chart: PowerChart | undefined;
  private key = '';

  constructor(private readonly root: HTMLElement) {}

  /** Renders the summary of rower `r` (only re-renders when something changed). */
  render(s: DisplayState, r: DisplayRowerState): void {
    if (r.summary === undefined) return;
    const key = `${s.generation}:${r.id}:${r.intervals.length}:${JSON.stringify(r.summary)}`;
    this.show({ key, title: r.athlete ?? r.name, summary: r.summary, intervals: r.intervals, trace: s.traces.get(r.id), nowT: r.t });
  }

  /** Renders a summary from its parts (only re-renders when `input.key` changed; refits always). */
  show(input: SummaryInput): void {
    const sum = input.summary;
    if (input.key === this.key) {
      fitAll(this.root);
      return;
    }
    this.key = input.key;
    const rows = input.intervals
      .filter((iv) => iv.kind === 'work' || iv.kind === 'rest')
      .map((iv) => {
        const st = iv.stats;
        const verdict = iv.kind === 'work' ? badgeHtml(iv, 'label') : '';
        const reason = iv.kind === 'work' ? esc(reasonLine(iv.verdict)) : '';
        return `<tr class="k-${iv.kind}"><td>${iv.kind === 'work' ? 'Sprint' : 'Rest'} ${iv.index}</td><td>${clock(iv.start / 1000)}</td><td>${st.durationS.toFixed(1)} s</td><td>${int(st.avgPowerW)}</td><td>${int(st.peakPowerW)}</td><td>${int(st.avgStrokeRate)}</td><td>${pace(st.avgPaceS500)}</td><td>${int(st.avgHeartRate)}</td><td class="verdict-cell">${verdict}</td><td class="reason">${reason}</td></tr>`;
      })
      .join('');
    const works = input.intervals.filter((iv) => iv.kind === 'work').map((iv) => iv.stats.avgPowerW).filter((p): p is number => p !== undefined);
    const mean = works.length > 0 ? works.reduce((a, b) => a + b, 0) / works.length : undefined;
    const dec = sum.decrementPct !== undefined ? `${sum.decrementPct.toFixed(1)} %` : '–';
    this.root.innerHTML = `
<section class="summary">
  <header class="s-head">
    ${fitHtml('s-name', `<span>${esc(input.title)}</span>`)}
    ${fitHtml('s-phase', '<span class="lbl">Session summary</span>')}
    ${fitHtml('s-count r', `<span class="num">${sum.allOut}/${sum.sprints}</span><span class="unit">all-out</span>`)}
  </header>
  <div class="s-stats">
    ${stat('Decrement score', dec, 'decrement')}
    ${stat('Mean sprint power', `${int(mean)} W`)}
    ${stat('Sprints all-out', `${sum.allOut} of ${sum.sprints}`)}
  </div>
  <p class="reading">${esc(sum.decrementReading ?? '')}${sum.notes.map((n) => `<br>${esc(n)}`).join('')}</p>
  <div class="panel chart summary-chart"></div>
  <div class="table-wrap"><table class="intervals"><thead><tr><th></th><th>start</th><th>time</th><th>avg W</th><th>peak W</th><th>rate</th><th>pace</th><th>HR</th><th>verdict</th><th>why</th></tr></thead><tbody>${rows}</tbody></table></div>
</section>`;
    const chartEl = this.root.querySelector<HTMLElement>('.summary-chart');
    this.chart = undefined;
    if (chartEl) {
      this.chart = new PowerChart(chartEl);
      this.chart.update({ trace: input.trace, intervals: input.intervals, phase: null, nowT: input.nowT });
    }
    fitAll(this.root);
  }
}
