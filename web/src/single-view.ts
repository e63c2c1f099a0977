/** One rower, full screen: big numbers, phase colour, sprint clock, countdown, rep k/N, live target, verdicts, power trace. */
import type { DisplayRowerState } from '../../src/server/protocol.js';
import type { DisplayState } from './state.js';
import { fitAll, fitHtml } from './fit.js';
import { PowerChart } from './power-chart.js';
import { rowerView } from './rower-view.js';
import { meanPowerSince, paintTarget, TARGET_INNER, targetShown } from './target-view.js';
import { badgeHtml, reasonLine } from './verdict-badges.js';
import { clock, esc, int, metres, pace } from './format.js';

const val = (f: string, unit = '') => `<span class="num" data-f="${f}">–</span>${unit ? `<span class="unit">${unit}</span>` : ''}`;
const metric = (label: string, f: string, unit: string) =>
  `<div class="panel metric">${fitHtml('m-label', `<span class="lbl">${label}</span>`)}${fitHtml('m-value', val(f, unit))}</div>`;

const TEMPLATE = `
<section class="single">
  <header class="topbar">
    ${fitHtml('s-name', '<span data-f="name"></span>')}
    ${fitHtml('s-phase r', '<span data-f="phase"></span>')}
    ${fitHtml('s-rep', '<span data-f="rep"></span>')}
  </header>
  <div class="panel hero">
    ${fitHtml('s-label', '<span class="lbl">Power</span>')}
    ${fitHtml('s-power', val('power', 'W'))}
    <div class="target" data-base="target" data-f="target" hidden>${TARGET_INNER}</div>
  </div>
  <div class="clocks">
    <div class="panel clock-box">${fitHtml('c-label', '<span class="lbl" data-f="clock-label">Phase clock</span>')}${fitHtml('c-value', val('clock'))}</div>
    <div class="panel clock-box countdown" data-f="countdown-box">${fitHtml('c-label', '<span class="lbl" data-f="next"></span>')}${fitHtml('c-value', val('countdown'))}</div>
  </div>
  <div class="metrics">
    ${metric('Stroke rate', 'rate', '/min')}
    ${metric('Pace', 'pace', '/500 m')}
    ${metric('Heart rate', 'hr', 'bpm')}
    ${metric('Distance', 'dist', 'm')}
  </div>
  <div class="panel chart" data-f="chart"></div>
  <aside class="panel verdicts">
    ${fitHtml('v-title', '<span class="lbl" data-f="sprints-title">Sprints</span>')}
    ${fitHtml('v-chips', '<span data-f="badges"></span>')}
    <div class="v-reason fit-wrap" data-max="40" data-f="reason"></div>
  </aside>
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

  /** Renders rower `r` at data time `nowT` (ms); returns the phase the screen shows. */
  render(s: DisplayState, r: DisplayRowerState | undefined, nowT: number): string {
    if (r === undefined) {
      this.set('name', 'Waiting for a rower…');
      this.set('phase', '');
      fitAll(this.root);
      return 'idle';
    }
    const v = rowerView(r, nowT);
    const last = r.connected ? r.last : undefined;
    this.set('name', r.athlete ?? r.name);
    this.set('phase', v.phaseLabel);
    this.set('rep', v.rep);
    const rep = this.fields.get('rep')?.closest<HTMLElement>('.fit');
    if (rep) rep.hidden = v.rep === '';
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
    const target = this.fields.get('target');
    if (target) {
      target.hidden = v.target === undefined;
      if (v.target !== undefined && r.phase) paintTarget(target, targetShown(v.target, meanPowerSince(s.traces.get(r.id), r.phase.start)));
    }
    const key = v.sprints.map((iv) => `${iv.index}:${iv.verdict?.kind ?? '-'}`).join(',');
    if (key !== this.badgeKey) {
      this.badgeKey = key;
      const badges = this.fields.get('badges');
      if (badges) badges.innerHTML = v.sprints.map((iv) => badgeHtml(iv, 'compact')).join('');
      const good = v.sprints.filter((iv) => iv.verdict?.allOut === true).length;
      this.set('sprints-title', v.sprints.length === 0 ? 'Sprints — none yet' : `Sprints — ${good} of ${v.sprints.length} all-out`);
      const latest = v.sprints[v.sprints.length - 1];
      const reason = this.fields.get('reason');
      if (reason) reason.innerHTML = latest ? `${badgeHtml(latest, 'label')} ${esc(latest.verdict?.message ?? reasonLine(latest.verdict))}` : '';
    }
    const chartEl = this.fields.get('chart');
    if (chartEl && this.chart === undefined && chartEl.clientWidth > 0) this.chart = new PowerChart(chartEl);
    this.chart?.update({ trace: s.traces.get(r.id), intervals: r.intervals, phase: r.phase, nowT, windowS: 600 });
    fitAll(this.root);
    return v.phase;
  }
}
