/**
 * The history page (/history, /history/<id>): the session list, a calendar and trend plots; a
 * session's page shows its summary as after a live session and its power–duration curve against
 * the 42-day envelope. Reads the REST API (README "History" → "REST"); deleting asks for the
 * access token when the server wants one.
 */
import type { HistorySession, PowerTrace } from '../../../src/server/protocol.js';
import { esc } from '../format.js';
import { SummaryView } from '../summary-view.js';
import { curveChart, trendChart } from './history-charts.js';
import { envelopeBefore, trendPoints } from './history-math.js';
import { calendarHtml, listHtml, sessionHeadHtml } from './history-views.js';

const root = document.getElementById('history')!;
const TOKEN_KEY = 'ergsprint-token';

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  const body = (await res.json()) as T & { error?: { message: string } };
  if (!res.ok) throw new Error(body.error?.message ?? `HTTP ${res.status}`);
  return body;
}

/** A step trace from the intervals' mean powers: what history keeps of the power over the session. */
function intervalTrace(s: HistorySession): PowerTrace {
  const t: number[] = [];
  const powerW: number[] = [];
  for (const iv of s.intervals) {
    if (iv.stats.avgPowerW === undefined) continue;
    t.push(iv.start, iv.end);
    powerW.push(iv.stats.avgPowerW, iv.stats.avgPowerW);
  }
  return { t, powerW };
}

async function showList(): Promise<void> {
  const { sessions } = await getJson<{ sessions: HistorySession[] }>('/api/history?limit=1000');
  document.title = 'History — ergsprint';
  root.innerHTML = `<nav class="crumbs"><a href="/">← Live display</a></nav>
<h1>History</h1>
<section class="h-panel"><h2>Sprint power and decrement over the weeks</h2><div class="h-chart" id="trend"></div></section>
<section class="h-panel"><h2>Calendar</h2>${calendarHtml(sessions)}</section>
<section class="h-panel"><h2>Sessions</h2>${listHtml(sessions)}</section>`;
  const points = trendPoints(sessions);
  if (points.length > 0) trendChart(document.getElementById('trend')!, points);
  else document.getElementById('trend')!.outerHTML = '<p class="empty">No intervals yet.</p>';
}

async function remove(id: string): Promise<void> {
  if (!confirm('Delete this session from history? The recording stays on disk.')) return;
  const send = (token: string | null) => fetch(`/api/history/${encodeURIComponent(id)}`, { method: 'DELETE', headers: token ? { authorization: `Bearer ${token}` } : {} });
  let res = await send(sessionStorage.getItem(TOKEN_KEY));
  if (res.status === 401) {
    const token = prompt('Access token (printed by the daemon at start):');
    if (!token) return;
    res = await send(token);
    if (res.ok) sessionStorage.setItem(TOKEN_KEY, token);
  }
  if (res.ok) location.assign('/history');
  else alert(((await res.json()) as { error?: { message: string } }).error?.message ?? `HTTP ${res.status}`);
}

async function showSession(id: string): Promise<void> {
  const { session } = await getJson<{ session: HistorySession }>(`/api/history/${encodeURIComponent(id)}`);
  const q = session.athlete !== undefined ? `athlete=${encodeURIComponent(session.athlete)}&` : '';
  const { sessions } = await getJson<{ sessions: HistorySession[] }>(`/api/history?${q}limit=1000`);
  document.title = `${session.athlete ?? session.machine} — history — ergsprint`;
  root.innerHTML = `${sessionHeadHtml(session)}
<div class="h-summary"></div>
<section class="h-panel"><h2>Power–duration: this session against the best of the 42 days before</h2><div class="h-chart" id="curve"></div></section>
<p><button type="button" class="danger" id="delete">Delete from history</button></p>`;
  const last = session.intervals[session.intervals.length - 1];
  if (session.summary) {
    new SummaryView(root.querySelector<HTMLElement>('.h-summary')!).show({ key: session.id, title: session.athlete ?? session.machine, summary: session.summary, intervals: session.intervals, trace: intervalTrace(session), nowT: last?.end ?? 0 });
  } else root.querySelector('.h-summary')!.innerHTML = '<p class="empty">No summary for this session.</p>';
  const envelope = envelopeBefore(sessions, session);
  if (session.bests.length + envelope.length > 0) curveChart(document.getElementById('curve')!, session.bests, envelope);
  else document.getElementById('curve')!.outerHTML = '<p class="empty">No best windows stored for this session.</p>';
  document.getElementById('delete')!.addEventListener('click', () => void remove(session.id));
}

const path = location.pathname.replace(/\/+$/, '');
const id = /^\/history\/([^/]+)$/.exec(path)?.[1];
(id === undefined ? showList() : showSession(decodeURIComponent(id))).catch((err: unknown) => {
  root.innerHTML = `<nav class="crumbs"><a href="/history">← All sessions</a></nav><p class="error">${esc(err instanceof Error ? err.message : String(err))}</p>`;
});
