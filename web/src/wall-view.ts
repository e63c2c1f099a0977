/**
 * The gym wall: 1–16 rowers as tiles that size themselves to the screen (CSS grid + container
 * query units), each with name, power, rate, phase colour, rep k/N and its row of verdicts,
 * plus a room-wide countdown when everyone runs the same plan in step.
 */
import type { DisplayRowerState } from '../../src/server/protocol.js';
import type { DisplayState } from './state.js';
import { rowerView, type RowerView } from './rower-view.js';
import { badgeHtml } from './verdict-badges.js';
import { clock, esc, int } from './format.js';

const TILE = `
<div class="tile-top"><span class="t-name"></span><span class="t-rep"></span></div>
<div class="t-power"><span class="value">–</span><span class="unit">W</span></div>
<div class="t-line"><span class="t-phase"></span><span class="t-clock"></span><span class="t-rate"></span></div>
<div class="t-badges"></div>`;

/** Grid columns × rows for n tiles on a landscape screen. */
export function gridFor(n: number): [number, number] {
  if (n <= 1) return [1, 1];
  if (n === 2) return [2, 1];
  if (n <= 4) return [2, 2];
  if (n <= 6) return [3, 2];
  if (n <= 9) return [3, 3];
  if (n <= 12) return [4, 3];
  return [4, 4];
}

export class WallView {
  private readonly tiles = new Map<string, { el: HTMLElement; badgeKey: string }>();
  private readonly grid: HTMLElement;
  private readonly room: HTMLElement;

  constructor(root: HTMLElement) {
    root.innerHTML = `<section class="wall"><div class="room" hidden></div><div class="tiles"></div></section>`;
    this.grid = root.querySelector<HTMLElement>('.tiles')!;
    this.room = root.querySelector<HTMLElement>('.room')!;
  }

  /** Renders every rower at data time `nowT`; returns the room-wide view when the room runs one plan. */
  render(s: DisplayState, nowT: number): RowerView | undefined {
    const rowers = s.snapshot.rowers.slice(0, 16);
    const ids = rowers.map((r) => r.id).join('|');
    if ([...this.tiles.keys()].join('|') !== ids) {
      this.grid.innerHTML = '';
      this.tiles.clear();
      for (const r of rowers) {
        const el = document.createElement('div');
        el.className = 'tile';
        el.dataset.rower = r.id;
        el.innerHTML = TILE;
        this.grid.append(el);
        this.tiles.set(r.id, { el, badgeKey: '' });
      }
      const [cols, rows] = gridFor(rowers.length);
      this.grid.style.gridTemplateColumns = `repeat(${cols}, 1fr)`;
      this.grid.style.gridTemplateRows = `repeat(${rows}, 1fr)`;
    }
    const views = rowers.map((r) => [r, rowerView(r, nowT)] as const);
    for (const [r, v] of views) this.renderTile(r, v);
    const room = roomView(rowers, views.map(([, v]) => v));
    this.room.hidden = room === undefined;
    if (room?.countdownS !== undefined) {
      this.room.className = `room phase-${room.phase}`;
      this.room.innerHTML = `<span class="r-phase">${esc(room.phaseLabel)}</span><span class="r-rep">${esc(room.rep)}</span><span class="r-next">${esc(room.nextLabel ?? '')} in</span><span class="r-count">${clock(Math.ceil(room.countdownS))}</span>`;
    }
    return room;
  }

  private renderTile(r: DisplayRowerState, v: RowerView): void {
    const tile = this.tiles.get(r.id);
    if (tile === undefined) return;
    const el = tile.el;
    el.className = `tile phase-${v.phase}`;
    const q = (sel: string) => el.querySelector<HTMLElement>(sel)!;
    text(q('.t-name'), r.athlete ?? r.name);
    text(q('.t-rep'), v.rep);
    text(q('.t-power .value'), r.connected ? int(r.last?.powerW) : '–');
    text(q('.t-phase'), v.phaseLabel);
    text(q('.t-clock'), r.summary ? `${r.summary.allOut}/${r.summary.sprints} all-out` : clock(v.clockS));
    text(q('.t-rate'), `${int(r.last?.strokeRate)} /min`);
    const key = v.sprints.map((iv) => `${iv.index}:${iv.verdict?.kind ?? '-'}`).join(',');
    if (key !== tile.badgeKey) {
      tile.badgeKey = key;
      q('.t-badges').innerHTML = v.sprints.map((iv) => badgeHtml(iv, 'compact')).join('');
    }
  }
}

function text(el: HTMLElement, s: string): void {
  if (el.textContent !== s) el.textContent = s;
}

/** The room's shared countdown: every rower runs the same plan and their phases end within 1.5 s. */
function roomView(rowers: DisplayRowerState[], views: RowerView[]): RowerView | undefined {
  const first = rowers[0]?.plan;
  const v0 = views[0];
  if (rowers.length < 2 || first?.phaseEndsAt === undefined || v0 === undefined) return undefined;
  for (const r of rowers) {
    const p = r.plan;
    if (p === undefined || p.plan !== first.plan || p.phase !== first.phase || p.phaseEndsAt === undefined) return undefined;
    if (Math.abs(p.phaseEndsAt - first.phaseEndsAt) > 1500) return undefined;
  }
  return v0;
}
