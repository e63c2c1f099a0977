/** The live target of a sprint: "target 390 W", the on-track reading and a bar (mean so far vs target). */
import type { PowerTrace, RepTarget } from '../../src/server/protocol.js';
import { esc, int } from './format.js';
import { ON_TRACK_LABEL, onTrack } from './rower-view.js';

/** the bar's full width is this share of the target (the target mark sits at 1/1.2) */
const BAR_SPAN = 1.2;

/** Mean of the power trace from data time `fromT` on (W), or undefined before any point. */
export function meanPowerSince(trace: PowerTrace | undefined, fromT: number): number | undefined {
  if (trace === undefined) return undefined;
  let sum = 0;
  let n = 0;
  for (let i = trace.t.length - 1; i >= 0 && (trace.t[i] ?? 0) >= fromT; i--) {
    sum += trace.powerW[i] ?? 0;
    n++;
  }
  return n > 0 ? sum / n : undefined;
}

export interface TargetShown {
  cls: string;
  text: string;
  fillPct: number;
  markPct: number;
}

/** What the target strip shows for a target and the sprint's mean power so far. */
export function targetShown(t: RepTarget, meanSoFarW: number | undefined, short = false): TargetShown {
  if (t.powerW === undefined) return { cls: 'target on-none', text: short ? 'no target' : 'no target yet', fillPct: 0, markPct: 0 };
  const track = onTrack(meanSoFarW, t);
  const state = track ? ON_TRACK_LABEL[track.state] : '';
  return {
    cls: `target on-${track?.state ?? 'none'}`,
    // short (wall tiles): the number and the bar; the state reads from the colour
    text: short
      ? `<span class="unit">target</span><span class="num t-state">${int(t.powerW)}</span>`
      : `target <span class="num">${int(t.powerW)}</span><span class="unit">W</span>${state ? ` <span class="t-state">${esc(state)}</span>` : ''}`,
    fillPct: track ? Math.min(100, (track.ratio / BAR_SPAN) * 100) : 0,
    markPct: 100 / BAR_SPAN,
  };
}

/** Writes a target into a strip made of `.t-text .fit-in`, `.fill` and `.mark`. */
export function paintTarget(el: HTMLElement, shown: TargetShown): void {
  const cls = `${el.dataset.base ?? ''} ${shown.cls}`.trim();
  if (el.className !== cls) el.className = cls;
  const text = el.querySelector<HTMLElement>('.t-text .fit-in');
  if (text && text.innerHTML !== shown.text) text.innerHTML = shown.text;
  const fill = el.querySelector<HTMLElement>('.fill');
  if (fill) fill.style.width = `${shown.fillPct.toFixed(1)}%`;
  const mark = el.querySelector<HTMLElement>('.mark');
  if (mark) {
    mark.style.left = `${shown.markPct.toFixed(1)}%`;
    mark.hidden = shown.markPct === 0;
  }
}

export const TARGET_INNER = `<div class="fit t-text"><span class="fit-in"></span></div><div class="track"><div class="fill"></div><div class="mark"></div></div>`;
