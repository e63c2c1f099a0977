/** Sprint verdict badges: one per finished sprint, coloured by verdict, with its one-line reason. */
import type { Interval, Verdict } from '../../src/server/protocol.js';
import { VERDICT_LABEL, esc, verdictMark } from './format.js';

/** The one line an athlete reads: the first failed reason, else the first reason. */
export function reasonLine(v: Verdict | undefined): string {
  if (v === undefined) return 'judging…';
  const r = v.reasons.find((x) => !x.pass) ?? v.reasons[0];
  return r?.message ?? '';
}

/** CSS class of a verdict: good / close / bad / unknown. */
export function verdictClass(v: Verdict | undefined): string {
  if (v === undefined) return 'v-pending';
  if (v.kind === 'close') return 'v-close';
  if (v.kind === 'below') return 'v-below';
  if (v.allOut === true) return 'v-good';
  if (v.allOut === false) return 'v-bad';
  return 'v-unknown';
}

/** HTML of a badge: 'full' with label and reason, 'label' with the label, 'compact' rep and mark, 'mark' the mark alone (wall tiles: 8 fit a 1080p tile at ≥ 28 px). */
export function badgeHtml(iv: Interval, mode: 'full' | 'label' | 'compact' | 'mark'): string {
  const v = iv.verdict;
  const label = v ? VERDICT_LABEL[v.kind] : 'Judging';
  const mark = v ? verdictMark(v.kind) : '…';
  const reason = reasonLine(v);
  const labelHtml = `<span class="b-label">${esc(label)}</span>`;
  const body = mode === 'full' ? `${labelHtml}<span class="b-reason">${esc(reason)}</span>` : mode === 'label' ? labelHtml : '';
  // compact badges sit in a fit-to-box line: no title tooltip needed on a wall
  return `<div class="badge b-${mode} ${verdictClass(v)}" data-rep="${iv.index}" data-kind="${v?.kind ?? 'pending'}" title="${esc(`#${iv.index} ${label}: ${reason}`)}">${mode === 'mark' ? '' : `<span class="b-rep">${iv.index}</span>`}<span class="b-mark">${mark}</span>${body}</div>`;
}
