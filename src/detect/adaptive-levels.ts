/**
 * Time-weighted rolling quantile (docs/science.md §9.1: the rest level is the time-weighted 25th
 * percentile of the last 120 s of strokes). Values are kept sorted so each update is a binary
 * search plus a short splice; the window holds at most a few hundred strokes.
 */
interface Entry {
  t: number;
  v: number;
  w: number;
}

export class RollingQuantile {
  private readonly byTime: Entry[] = [];
  private head = 0;
  private readonly sorted: Entry[] = [];
  private totalW = 0;
  /** value() since the window last changed (the segmenter asks several times per stroke) */
  private cached: { value: number | undefined } | undefined;

  /** @param windowMs window length, ms of data time; @param q quantile in 0..1 */
  constructor(
    private readonly windowMs: number,
    private readonly q: number,
  ) {}

  /** Add value `v` observed at `t` (ms) that stands for `weightMs` of time. */
  add(t: number, v: number, weightMs: number): void {
    const e: Entry = { t, v, w: weightMs };
    this.byTime.push(e);
    this.sorted.splice(this.insertAt(v), 0, e);
    this.totalW += weightMs;
    this.cached = undefined;
    this.expire(t);
  }

  /** Drop entries older than the window, relative to `now` (ms). */
  expire(now: number): void {
    while (this.head < this.byTime.length && this.byTime[this.head]!.t < now - this.windowMs) {
      const old = this.byTime[this.head++]!;
      const i = this.sorted.indexOf(old);
      if (i >= 0) this.sorted.splice(i, 1);
      this.totalW -= old.w;
      this.cached = undefined;
    }
    if (this.head > 512) {
      this.byTime.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Number of entries in the window. */
  get size(): number {
    return this.sorted.length;
  }

  /** Time covered by the window's entries, ms. */
  get coveredMs(): number {
    return this.totalW;
  }

  /** The time-weighted quantile, or undefined when empty. */
  value(): number | undefined {
    this.cached ??= { value: this.quantile() };
    return this.cached.value;
  }

  private quantile(): number | undefined {
    if (this.sorted.length === 0) return undefined;
    const target = this.q * this.totalW;
    let acc = 0;
    for (const e of this.sorted) {
      acc += e.w;
      if (acc >= target) return e.v;
    }
    return this.sorted[this.sorted.length - 1]!.v;
  }

  private insertAt(v: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]!.v <= v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
