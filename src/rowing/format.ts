/**
 * Rowing clock and pace text: "m:ss" or "m:ss.t", minutes unbounded ("75:03"), never hours (the
 * way an erg monitor shows elapsed time and pace /500 m). The value is rounded to the shown
 * precision *before* it is split into minutes and seconds, so 119.6 s is "2:00", not "1:60".
 */

export interface ClockOptions {
  /** show tenths of a second ("1:32.5") */
  tenths?: boolean;
}

/** Seconds → "m:ss" (or "m:ss.t" with `tenths`); a negative time gets a leading "-". */
export function formatClock(seconds: number, opts: ClockOptions = {}): string {
  if (seconds < 0) return `-${formatClock(-seconds, opts)}`;
  if (opts.tenths === true) {
    const tenths = Math.round(seconds * 10);
    const m = Math.floor(tenths / 600);
    return `${m}:${((tenths - m * 600) / 10).toFixed(1).padStart(4, '0')}`;
  }
  const whole = Math.round(seconds);
  const m = Math.floor(whole / 60);
  return `${m}:${String(whole - m * 60).padStart(2, '0')}`;
}

/** Milliseconds → "m:ss.t" (data times `t` are ms). */
export function formatClockMs(ms: number): string {
  // rounded to tenths in ms (ms / 100), not via seconds × 10, so integer ms never meet a float tie
  return formatClock(Math.round(ms / 100) / 10, { tenths: true });
}

/** A rowing time as athletes write it: "7:05", "1:32.5" — tenths shown only when they are not zero. */
export function formatRowTime(seconds: number): string {
  return formatClock(seconds, { tenths: Math.round(seconds * 10) % 10 !== 0 });
}

/** Pace, s per 500 m → "m:ss" (or "m:ss.t" with `tenths`); same rounding as formatClock. */
export function formatPace(paceS500: number, opts: ClockOptions = {}): string {
  return formatClock(paceS500, opts);
}
