/** Human output of `ergsprint history`, `history show` and `history bests`. */
import type { AnalysisJson } from '../export/analysis-json.js';
import { formatClock } from '../rowing/format.js';
import type { Bests } from '../store/bests-query.js';
import type { SessionDetail, SessionListItem } from '../store/session-rows.js';
import { analysisTable } from './analysis-table.js';
import { textTable } from './text-table.js';

const two = (n: number): string => String(n).padStart(2, '0');

/** An ISO time as local "YYYY-MM-DD HH:MM". */
export function localTime(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** A window or rep length: "10 s", "30 s", "1 min", "2.5 min", "1 h". */
export function durationWord(s: number): string {
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${Math.round((s / 60) * 10) / 10} min`;
  return `${Math.round((s / 3600) * 10) / 10} h`;
}

const STALE_NOTE = (n: number): string => `${n} session${n === 1 ? '' : 's'} judged by an older analysis: "ergsprint history rebuild" re-judges ${n === 1 ? 'it' : 'them'}.`;

/** The session list as text lines. */
export function sessionListTable(sessions: readonly SessionListItem[]): string[] {
  if (sessions.length === 0) return ['no sessions in the history (live sessions are added when they end; "ergsprint history rebuild" indexes the recordings)'];
  const rows = sessions.map((s) => [
    s.id,
    localTime(s.start),
    s.athlete ?? '–',
    s.machine,
    s.plan ?? '–',
    formatClock(s.durationS),
    s.distanceM === null ? '–' : `${s.distanceM} m`,
    s.reps === 0 ? '–' : `${s.allOut}/${s.reps}`,
  ]);
  const lines = textTable([['id', 'start', 'athlete', 'machine', 'plan', 'length', 'distance', 'all-out'], ...rows], { right: [false, false, false, false, false, true, true, true] });
  const stale = sessions.filter((s) => s.stale).length;
  if (stale > 0) lines.push('', STALE_NOTE(stale));
  return lines;
}

/** One session as text lines: what and when, then the analyze table, then its best windows. */
export function sessionDetailLines(s: SessionDetail): string[] {
  const lines = [
    `Session ${s.id}: ${localTime(s.start)}, ${s.athlete ?? 'no athlete'} on ${s.machine}${s.plan ? `, plan ${s.plan}` : ''}`,
    `  ${formatClock(s.durationS)} rowed${s.distanceM === null ? '' : `, ${s.distanceM} m`}; recording ${s.path}`,
    '',
  ];
  const doc: AnalysisJson = { rowers: [s.analysis] };
  lines.push(...analysisTable(doc));
  if (s.bests.length > 0) lines.push('', `  Best windows: ${s.bests.map((b) => `${durationWord(b.durationS)} ${b.powerW} W`).join(' · ')}`);
  if (s.stale) lines.push('', `  ${STALE_NOTE(1)}`);
  return lines;
}

const verdictWord = (allOut: boolean | null): string => (allOut === true ? 'all-out' : allOut === false ? 'not all-out' : 'not judged');

/** Bests as text lines: reps by band, single pieces, the power–duration curve. */
export function bestsLines(b: Bests): string[] {
  const who = b.athlete === null ? 'all athletes' : b.athlete;
  if (b.sessions === 0) return [`no sessions in the history for ${who}`];
  const lines = [`Bests of ${who} over ${b.sessions} session${b.sessions === 1 ? '' : 's'}`, '', 'Best rep by duration band'];
  if (b.reps.length === 0) lines.push('  none (no judged reps)');
  else lines.push(...textTable([['band', 'length', 'power', 'verdict', 'session', 'date'], ...b.reps.map((r) => [`${r.band} ${r.bandName}`, `${r.durationS} s`, `${r.powerW} W`, verdictWord(r.allOut), r.sessionId, localTime(r.start)])], { indent: '  ' }));
  lines.push('', 'Best single pieces');
  if (b.pieces.length === 0) lines.push('  none (no 500 m, 1k, 2k, 5k or 30-min piece)');
  else
    lines.push(
      ...textTable(
        [['piece', 'result', 'power', 'verdict', 'session', 'date'], ...b.pieces.map((p) => [p.piece, p.timeS !== undefined ? formatClock(p.timeS, { tenths: true }) : `${p.distanceM} m`, `${p.powerW} W`, verdictWord(p.allOut), p.sessionId, localTime(p.start)])],
        { indent: '  ' },
      ),
    );
  lines.push('', 'Power–duration curve (best window of mean power)');
  if (b.curve.length === 0) lines.push('  none (no power recorded)');
  else lines.push(...textTable([['window', 'power', 'session', 'date'], ...b.curve.map((c) => [durationWord(c.durationS), `${c.powerW} W`, c.sessionId, localTime(c.start)])], { indent: '  ', right: [true, true, false, false] }));
  return lines;
}
