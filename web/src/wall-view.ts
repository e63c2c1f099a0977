/**
 * The gym wall: rowers as tiles laid out for the screen (wall-grid.ts), each with name, power,
 * rate, phase colour, rep k/N, live target and its row of verdicts; a room bar with the shared
 * countdown, the page ("page 1/2": more rowers than fit are paged, never dropped) and, when every
 * rower has finished, the class summary. A finished rower's tile shows its class summary; a rower
 * whose link is down greys with "signal lost 0:12".
 */
import type { DisplayRowerState } from '../../src/server/protocol.js';
import type { DisplayState } from './state.js';
import { fitAll, fitHtml } from './fit.js';
import { LinkWatch } from './link-watch.js';
import { rowerView, type RowerView } from './rower-view.js';
import { meanPowerSince, paintTarget, TARGET_INNER, targetShown } from './target-view.js';
import { badgeHtml } from './verdict-badges.js';
import { clock, esc, int, metres } from './format.js';
import { gridFor, pageOf, perPage } from './wall-grid.js';

const TILE = `<div class="tile-grid">
${fitHtml('t-name', '<span class="x-name"></span>')}
${fitHtml('t-rep r', '<span class="x-rep num"></span>')}
${fitHtml('t-power', '<span class="x-power num">–</span><span class="unit x-punit">W</span>')}
${fitHtml('t-rate r', '<span class="x-rate num">–</span><span class="unit">/min</span>')}
${fitHtml('t-line', '<span class="x-line"></span>')}
<div class="t-target" data-base="t-target" hidden>${TARGET_INNER}</div>
${fitHtml('t-badges', '<span class="x-badges"></span>')}
</div>`;

/** tiles lower than this (px) show no target strip */
const MIN_TARGET_TILE_H = 190;

export interface WallOptions {
  /** only these rowers, in this order (`?rowers=a,b`) */
  rowers?: string[];
  /** the page to show (`?page=2`); undefined = page 1, turning every `cycleMs` when there are more */
  page?: number;
  /** links on tiles (to the rower's single view); off in kiosk mode */
  links: boolean;
  cycleMs?: number;
  /** the page's button bar, moved into the room row */
  bar?: HTMLElement;
}

interface Tile {
  el: HTMLElement;
  badgeKey: string;
}

/** Everyone's class at the end: who was all-out on every sprint, the best decrement, total metres. */
export interface RoomSummary {
  everySprint: string[];
  best?: { name: string; decrementPct: number };
  totalM: number;
}

export function roomSummary(rowers: readonly DisplayRowerState[]): RoomSummary | undefined {
  if (rowers.length === 0 || rowers.some((r) => r.summary === undefined)) return undefined;
  const name = (r: DisplayRowerState) => r.athlete ?? r.name;
  const everySprint = rowers.filter((r) => r.summary!.sprints > 0 && r.summary!.allOut === r.summary!.sprints).map(name);
  let best: RoomSummary['best'];
  for (const r of rowers) {
    const d = r.summary!.decrementPct;
    if (d !== undefined && (best === undefined || d < best.decrementPct)) best = { name: name(r), decrementPct: d };
  }
  const totalM = rowers.reduce((m, r) => m + (r.last?.distanceM ?? 0), 0);
  return { everySprint, ...(best ? { best } : {}), totalM };
}

export class WallView {
  private readonly tiles = new Map<string, Tile>();
  private readonly grid: HTMLElement;
  private readonly room: HTMLElement;
  private readonly roomRow: HTMLElement;
  private readonly go: HTMLElement;
  private readonly links = new LinkWatch();
  private layoutKey = '';
  private roomKey = '';

  constructor(
    root: HTMLElement,
    private readonly opts: WallOptions,
  ) {
    root.innerHTML = `<section class="wall"><div class="room-row"><div class="room" hidden></div></div><div class="tiles"></div><div class="go" hidden></div></section>`;
    this.grid = root.querySelector<HTMLElement>('.tiles')!;
    this.room = root.querySelector<HTMLElement>('.room')!;
    this.roomRow = root.querySelector<HTMLElement>('.room-row')!;
    // the buttons and banner share the room's row: no bottom bar taking tile height
    if (opts.bar) this.roomRow.append(opts.bar);
    this.go = root.querySelector<HTMLElement>('.go')!;
  }

  /** Renders at data time `nowT` and wall time `wallMs`; returns the room-wide view when the room runs one plan. */
  render(s: DisplayState, nowT: number, wallMs: number): RowerView | undefined {
    const wanted = this.opts.rowers;
    const all = wanted ? wanted.map((id) => s.snapshot.rowers.find((r) => r.id === id)).filter((r): r is DisplayRowerState => r !== undefined) : s.snapshot.rowers;
    const box = this.grid.getBoundingClientRect();
    const size = perPage(box.width || innerWidth, box.height || innerHeight);
    const turn = this.opts.page ?? 1 + (Math.floor(wallMs / (this.opts.cycleMs ?? 15_000)) % Math.max(1, Math.ceil(all.length / size)));
    const { items: rowers, page, pages } = pageOf(all, size, turn);
    this.layout(rowers);
    const views = rowers.map((r) => [r, rowerView(r, nowT)] as const);
    for (const [r, v] of views) this.renderTile(s, r, v, wallMs);
    const room = roomView(rowers, views.map(([, v]) => v));
    const summary = roomSummary(all);
    this.renderRoom(room, summary, page, pages);
    const goS = room?.countdownS !== undefined && room.phase !== 'work' && room.nextLabel?.startsWith('Sprint') ? Math.ceil(room.countdownS) : 0;
    this.go.hidden = !(goS >= 1 && goS <= 3);
    if (!this.go.hidden) this.go.textContent = String(goS);
    fitAll(this.grid);
    fitAll(this.room);
    return room;
  }

  private layout(rowers: readonly DisplayRowerState[]): void {
    const ids = rowers.map((r) => r.id).join('|');
    const key = `${ids}:${innerWidth}x${innerHeight}`;
    if (key === this.layoutKey) return;
    if (this.layoutKey.split(':')[0] !== ids) {
      this.grid.innerHTML = '';
      this.tiles.clear();
      for (const r of rowers) {
        const el = document.createElement(this.opts.links ? 'a' : 'div');
        el.className = 'tile';
        el.dataset.rower = r.id;
        if (el instanceof HTMLAnchorElement) el.href = `/?rower=${encodeURIComponent(r.id)}`;
        el.innerHTML = TILE;
        this.grid.append(el);
        this.tiles.set(r.id, { el, badgeKey: '' });
      }
    }
    this.layoutKey = key;
    const box = this.grid.getBoundingClientRect();
    const [cols, rows] = gridFor(rowers.length, box.width || innerWidth, box.height || innerHeight);
    this.grid.style.gridTemplateColumns = `repeat(${cols}, minmax(0, 1fr))`;
    this.grid.style.gridTemplateRows = `repeat(${rows}, minmax(0, 1fr))`;
  }

  private renderTile(s: DisplayState, r: DisplayRowerState, v: RowerView, wallMs: number): void {
    const tile = this.tiles.get(r.id);
    if (tile === undefined) return;
    const el = tile.el;
    const finished = v.phase === 'finished';
    // tiles too low for a readable target strip (phone walls) drop it; the verdict still comes
    const showTarget = v.target !== undefined && el.clientHeight >= MIN_TARGET_TILE_H;
    const cls = `tile phase-${v.phase}${showTarget ? ' has-target' : ''}`;
    if (el.className !== cls) el.className = cls;
    const q = (sel: string) => el.querySelector<HTMLElement>(sel)!;
    text(q('.x-name'), r.athlete ?? r.name);
    const sum = r.summary;
    const lost = this.links.lostFor(r.id, r.connected, wallMs);
    // finished: the big line is the class result, the rep corner has nothing more to say
    text(q('.x-rep'), finished ? '' : v.repShort);
    q('.t-rep').hidden = finished || v.repShort === '';
    if (finished && sum) {
      text(q('.x-power'), `${sum.allOut}/${sum.sprints}`);
      text(q('.x-punit'), 'all-out');
      const works = v.sprints.map((iv) => iv.stats.avgPowerW).filter((p): p is number => p !== undefined);
      const mean = works.length > 0 ? works.reduce((a, b) => a + b, 0) / works.length : undefined;
      html(q('.x-line'), `<span class="num">${int(mean)}</span><span class="unit">W mean</span> <span class="num">${sum.decrementPct !== undefined ? sum.decrementPct.toFixed(1) : '–'}</span><span class="unit">% dec</span>`);
    } else {
      text(q('.x-power'), r.connected ? int(r.last?.powerW) : '–');
      text(q('.x-punit'), 'W');
      text(q('.x-rate'), r.connected ? int(r.last?.strokeRate) : '–');
      if (lost !== undefined) html(q('.x-line'), `<span class="lost">Signal lost <span class="num">${clock(lost)}</span></span>`);
      else if (v.countdownS !== undefined && v.phase !== 'work') html(q('.x-line'), `<span>${esc(v.nextLabel ?? '')} in</span> <span class="t-clock num">${clock(Math.ceil(v.countdownS))}</span>`);
      else html(q('.x-line'), `<span class="t-phase">${esc(v.phaseLabel)}</span> <span class="t-clock num">${clock(v.clockS)}</span>`);
    }
    q('.t-rate').hidden = finished;
    const target = q('.t-target');
    target.hidden = !showTarget;
    if (showTarget && v.target !== undefined && r.phase) paintTarget(target, targetShown(v.target, meanPowerSince(s.traces.get(r.id), r.phase.start), true));
    const key = v.sprints.map((iv) => `${iv.index}:${iv.verdict?.kind ?? '-'}`).join(',');
    if (key !== tile.badgeKey) {
      tile.badgeKey = key;
      q('.x-badges').innerHTML = v.sprints.map((iv) => badgeHtml(iv, 'mark')).join('');
    }
  }

  private renderRoom(room: RowerView | undefined, summary: RoomSummary | undefined, page: number, pages: number): void {
    const pageHtml = pages > 1 ? fitHtml('r-page r', `<span>page ${page}/${pages}</span>`) : '';
    let inner = '';
    let cls = 'room';
    this.roomRow.classList.remove('has-summary');
    if (summary !== undefined) {
      cls = 'room has-summary phase-finished';
      this.roomRow.classList.add('has-summary');
      const cell = (label: string, value: string) => `<div class="r-cell">${fitHtml('', `<span class="lbl">${label}</span>`)}${fitHtml('', value)}</div>`;
      inner =
        cell('Class', '<span>Finished</span>') +
        cell('All-out every sprint', `<span>${summary.everySprint.length > 0 ? esc(summary.everySprint.join(', ')) : 'nobody'}</span>`) +
        cell('Best decrement', summary.best ? `<span>${esc(summary.best.name)}</span> <span class="num">${summary.best.decrementPct.toFixed(1)}</span><span class="unit">%</span>` : '<span>–</span>') +
        cell('Total', `<span class="num">${metres(summary.totalM)}</span><span class="unit">m</span>`) +
        (pages > 1 ? `<div class="r-cell">${pageHtml}</div>` : '');
    } else if (room?.countdownS !== undefined) {
      cls = `room phase-${room.phase}`;
      inner = fitHtml('r-main', `<span class="lbl">${esc(room.phaseLabel)}</span> <span>${esc(room.rep)}</span> <span>${esc(room.nextLabel ?? '')} in</span> <span class="num">${clock(Math.ceil(room.countdownS))}</span>`) + (pageHtml || fitHtml('r-page r', ''));
    } else if (pages > 1) {
      inner = fitHtml('r-main', '<span></span>') + pageHtml;
    }
    this.room.hidden = inner === '';
    const barShown = this.opts.bar !== undefined && getComputedStyle(this.opts.bar).display !== 'none';
    this.roomRow.hidden = this.room.hidden && !barShown;
    if (this.room.className !== cls) this.room.className = cls;
    if (inner !== this.roomKey) {
      this.roomKey = inner;
      this.room.innerHTML = inner;
    }
  }
}

function text(el: HTMLElement, s: string): void {
  if (el.textContent !== s) el.textContent = s;
}

function html(el: HTMLElement, s: string): void {
  if (el.innerHTML !== s) el.innerHTML = s;
}

/** The room's shared countdown: every rower runs the same plan and their phases end within 1.5 s. */
function roomView(rowers: DisplayRowerState[], views: RowerView[]): RowerView | undefined {
  const first = rowers[0]?.plan;
  const v0 = views[0];
  if (first?.phaseEndsAt === undefined || v0 === undefined) return undefined;
  for (const r of rowers) {
    const p = r.plan;
    if (p === undefined || p.plan !== first.plan || p.phase !== first.phase || p.phaseEndsAt === undefined) return undefined;
    if (Math.abs(p.phaseEndsAt - first.phaseEndsAt) > 1500) return undefined;
  }
  return v0;
}
