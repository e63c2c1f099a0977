/** The history page's HTML: the session list, the calendar and the session header. */
import type { HistorySession } from '../../../src/server/protocol.js';
import { clock, esc, metres } from '../format.js';
import { calendarMonth, monthTitle, sessionDate } from './history-math.js';

const link = (id: string) => `/history/${encodeURIComponent(id)}`;

/** "6 of 8 all-out · decrement 7.2 %" of a session (or its plain duration when it had no main set). */
export function sessionLine(s: HistorySession): string {
  const sum = s.summary;
  if (!sum || sum.sprints === 0) return 'no intervals';
  const word = sum.band === 'A' || sum.band === undefined ? 'sprints' : 'reps';
  const dec = sum.decrementPct !== undefined ? ` · decrement ${sum.decrementPct.toFixed(1)} %` : '';
  return `${sum.allOut} of ${sum.sprints} ${word} all-out${dec}`;
}

/** The list, newest first: one row per session, each a link to its page. */
export function listHtml(sessions: readonly HistorySession[]): string {
  if (sessions.length === 0) return '<p class="empty">No sessions in history yet.</p>';
  const rows = sessions
    .map(
      (s) => `<li class="session-row" data-id="${esc(s.id)}"><a href="${link(s.id)}">
  <span class="s-date">${esc(sessionDate(s.startedAt))}</span>
  <span class="s-who">${esc(s.athlete ?? s.machine)}${s.plan ? ` · ${esc(s.plan)}` : ''}</span>
  <span class="s-size">${clock(s.durationS)} · ${metres(s.distanceM)} m</span>
  <span class="s-line">${esc(sessionLine(s))}</span></a></li>`,
    )
    .join('');
  return `<ul class="session-list">${rows}</ul>`;
}

/** Month grids from the newest session's month back `months` months, days with sessions linked. */
export function calendarHtml(sessions: readonly HistorySession[], months = 3): string {
  const newest = sessions[0] ? new Date(sessions[0].startedAt) : undefined;
  if (!newest) return '';
  const out: string[] = [];
  for (let k = 0; k < months; k++) {
    const y = newest.getUTCFullYear();
    const m = newest.getUTCMonth() - k;
    const at = new Date(Date.UTC(y, m, 1));
    const cal = calendarMonth(sessions, at.getUTCFullYear(), at.getUTCMonth());
    const head = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'].map((d) => `<th>${d}</th>`).join('');
    const body = cal.weeks
      .map(
        (w) =>
          `<tr>${w
            .map((c) => {
              if (c.day === null) return '<td></td>';
              if (c.sessions.length === 0) return `<td>${c.day}</td>`;
              const n = c.sessions.length > 1 ? `<sup>${c.sessions.length}</sup>` : '';
              return `<td class="has-session"><a href="${link(c.sessions[0]!)}" title="${c.sessions.length} session${c.sessions.length > 1 ? 's' : ''}">${c.day}${n}</a></td>`;
            })
            .join('')}</tr>`,
      )
      .join('');
    out.push(`<table class="calendar" data-month="${cal.year}-${String(cal.month + 1).padStart(2, '0')}"><caption>${monthTitle(cal.year, cal.month)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`);
  }
  return `<div class="calendars">${out.join('')}</div>`;
}

/** The session page's header: back link, date, who, size. */
export function sessionHeadHtml(s: HistorySession): string {
  return `<nav class="crumbs"><a href="/history">← All sessions</a><a href="/">Live display</a></nav>
<h1>${esc(sessionDate(s.startedAt))}</h1>
<p class="s-meta">${esc(s.athlete ?? s.machine)}${s.athlete ? ` on ${esc(s.machine)}` : ''}${s.plan ? ` · ${esc(s.plan)}` : ''} · ${clock(s.durationS)} · ${metres(s.distanceM)} m</p>`;
}
