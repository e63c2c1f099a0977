/**
 * What `ergsprint live` prints while rowing: on a TTY one compact line per rower, rewritten in
 * place; otherwise one line per connection change and per finished interval (log-friendly).
 */
import type { Interval } from '../analysis/types.js';
import type { Sample } from '../ftms/sample.js';
import type { SessionEvent } from '../session/state.js';
import { formatPace } from '../rowing/format.js';

interface RowerLine {
  name: string;
  connected: boolean;
  last?: Sample;
  phase?: string;
}

const pace = (s: number | undefined): string => {
  if (s === undefined || !Number.isFinite(s) || s <= 0) return '-:--.-';
  return formatPace(s, { tenths: true });
};

/** One rower's status line (no newline). */
export function formatRowerLine(r: RowerLine): string {
  const s = r.last;
  const parts = [
    r.name.padEnd(18).slice(0, 18),
    r.connected ? '' : '(link lost)',
    s?.powerW !== undefined ? `${Math.round(s.powerW)} W`.padStart(6) : '   - W',
    s?.strokeRate !== undefined ? `${s.strokeRate.toFixed(1)} spm`.padStart(8) : '   - spm',
    `${pace(s?.paceS500)}/500m`,
    s?.heartRate !== undefined ? `HR ${s.heartRate}` : '',
    s?.distanceM !== undefined ? `${Math.round(s.distanceM)} m` : '',
    r.phase ?? '',
  ];
  return parts.filter(Boolean).join('  ');
}

/** One line about a finished interval. */
export function formatInterval(name: string, iv: Interval): string {
  const st = iv.stats;
  const bits = [`${name}: ${iv.kind} ${iv.index} ${st.durationS.toFixed(1)} s`];
  if (st.avgPowerW !== undefined) bits.push(`${Math.round(st.avgPowerW)} W avg`);
  if (st.avgStrokeRate !== undefined) bits.push(`${st.avgStrokeRate.toFixed(1)} spm`);
  if (iv.verdict) bits.push(`verdict: ${iv.verdict.allOut === null ? 'cannot tell' : iv.verdict.allOut ? 'ALL-OUT' : 'not all-out'} (${iv.verdict.score})`);
  return bits.join(', ');
}

/** Consumes session events and writes status to `out` (a TTY or not). */
export class LiveStatus {
  private readonly rowers = new Map<string, RowerLine>();
  private drawn = 0;
  private warning: string | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly out: NodeJS.WriteStream, private readonly tty: boolean) {
    if (tty) this.timer = setInterval(() => this.redraw(), 250);
  }

  push(ev: SessionEvent): void {
    const rowerId = ev.type === 'phase' ? ev.phase.rower : ev.type === 'interval' ? ev.interval.rower : ev.rower;
    const line = this.rowers.get(rowerId) ?? { name: rowerId, connected: true };
    this.rowers.set(rowerId, line);
    if (ev.type === 'rower') {
      line.name = ev.name;
      line.connected = ev.connected;
      if (!this.tty) this.out.write(`${ev.name} (${ev.rower}) ${ev.connected ? 'connected' : 'disconnected'}\n`);
    } else if (ev.type === 'sample') line.last = ev.sample;
    else if (ev.type === 'phase') line.phase = ev.phase.index !== undefined ? `${ev.phase.kind} ${ev.phase.index}` : ev.phase.kind;
    else if (ev.type === 'interval' && (!this.tty || ev.interval.kind === 'work')) this.log(formatInterval(line.name, ev.interval));
  }

  /** A standing warning shown above the rower lines on a TTY until cleared (undefined). */
  notice(text: string | undefined): void {
    this.warning = text;
    if (this.tty) this.redraw();
  }

  /** A message above the status lines. */
  log(text: string): void {
    if (this.tty) this.clear();
    this.out.write(`${text}\n`);
    if (this.tty) this.redraw();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.tty) this.redraw();
  }

  private clear(): void {
    if (this.drawn > 0) this.out.write(`\x1b[${this.drawn}F\x1b[J`);
    this.drawn = 0;
  }

  private redraw(): void {
    this.clear();
    const lines = [...(this.warning !== undefined ? [`!! ${this.warning}`] : []), ...[...this.rowers.values()].map((r) => formatRowerLine(r))];
    if (lines.length === 0) return;
    this.out.write(lines.map((l) => `\x1b[2K${l}`).join('\n') + '\n');
    this.drawn = lines.length;
  }
}
