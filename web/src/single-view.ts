/** One rower, full screen: big numbers, phase colour, sprint clock, countdown, rep k/N, verdicts, power trace. */
import type { DisplayRowerState } from '../../src/server/protocol.js';
import type { DisplayState } from './state.js';
import { PowerChart } from './power-chart.js';
import { rowerView } from './rower-view.js';
import { badgeHtml } from './verdict-badges.js';
import { clock, int, metres, pace } from './format.js';

const TEMPLATE = `
<section class="single">
  <header class="topbar">
    <span class="name" data-f="name"></span>
    <span class="phase-label" data-f="phase"></span>
    <span class="rep" data-f="rep"></span>
  </header>
  <div class="hero metric power"><span class="value" data-f="power">–</span><span class="unit">W</span><label>Power</label></div>
  <div class="clocks">
    <div class="clock"><label data-f="clock-label">Phase clock</label><span class="value" data-f="clock">–</span></div>
    <div class="countdown" data-f="countdown-box"><label data-f="next"></label><span class="value" data-f="countdown">–</span></div>
  </div>
  <div class="metrics">
    <div class="metric"><span class="value" data-f="rate">–</span><label>Stroke rate <small>/min</small></label></div>
    <div class="metric"><span class="value" data-f="pace">–</span><label>Pace <small>/500 m</small></label></div>
    <div class="metric"><span class="value" data-f="hr">–</span><label>Heart rate <small>bpm</small></label></div>
    <div class="metric"><span class="value" data-f="dist">–</span><label>Distance <small>m</small></label></div>
  </div>
  <div class="chart" data-f="chart"></div>
  <aside class="verdicts"><h2 data-f="sprints-title">Sprints</h2><div class="badges" data-f="badges"></div></aside>
</section>`;

export class SingleView {
  private readonly fields = new Map<string, HTMLElement>();
  private chart: PowerChart | undefined;
  private badgeKey = '';

  constructor(private readonly root: HTMLElement) {
    root.innerHTML = TEMPLATE;
    for (const el of root.querySelectorAll<HTMLElement>('[data-f]')) this.fields.set(el.dataset.f ?? '', el);
  }

  private set(f: string, text: string): void {
    const el = this.fields.get(f);
    if (el && el.textContent !== text) el.textContent = text;
  }

  /** Renders rower `r` at data time `nowT` (ms). */
  render(s: DisplayState, r: DisplayRowerState | undefined, nowT: number): string {
    if (r === undefined) {
      this.set('name', 'Waiting for a rower…');
      this.set('phase', '');
      return 'idle';
    }
    const v = rowerView(r, nowT);
    const last = r.last;
    this.set('name', r.athlete ?? r.name);
    this.set('phase', v.phaseLabel);
    this.set('rep', v.rep);
    this.set('power', int(last?.powerW));
    this.set('rate', int(last?.strokeRate));
    this.set('pace', pace(last?.paceS500));
    this.set('hr', int(last?.heartRate));
    this.set('dist', metres(last?.distanceM));
    this.set('clock-label', r.phase?.kind === 'work' ? 'Sprint clock' : `${v.phaseLabel} clock`);
    this.set('clock', clock(v.clockS));
    const box = this.fields.get('countdown-box');
    if (box) box.hidden = v.countdownS === undefined;
    this.set('next', v.nextLabel ? `${v.nextLabel} in` : '');
    this.set('countdown', clock(v.countdownS !== undefined ? Math.ceil(v.countdownS) : undefined));
    const key = v.sprints.map((iv) => `${iv.index}:${iv.verdict?.kind ?? '-'}`).join(',');
    if (key !== this.badgeKey) {
      this.badgeKey = key;
      const badges = this.fields.get('badges');
      if (badges) badges.innerHTML = v.sprints.map((iv) => badgeHtml(iv, 'full')).join('');
      const good = v.sprints.filter((iv) => iv.verdict?.allOut === true).length;
      this.set('sprints-title', v.sprints.length === 0 ? 'Sprints — none finished yet' : `Sprints — ${good} of ${v.sprints.length} all-out`);
    }
    const chartEl = this.fields.get('chart');
    if (chartEl && this.chart === undefined && chartEl.clientWidth > 0) this.chart = new PowerChart(chartEl);
    this.chart?.update({ trace: s.traces[r.id], intervals: r.intervals, phase: r.phase, nowT, windowS: 600 });
    return v.phase;
  }
}
