/**
 * Maps one hub session's monotonic clock onto the central's session (data) time, pure. Each
 * clock sample is a pair (hub time at send, central time at receipt); their difference is the
 * true offset plus a network/broker delay that is never negative, so the smallest difference in
 * a recent window is the best estimate (the NTP "minimum delay" filter). The offset in use
 * follows that estimate smoothly — at most `slewPerSample` ms per sample, so drift (tens of ppm)
 * and a single late sample never make time jump — and steps only when it is `stepMs` off (the
 * first samples after connect, or a queue replayed late). Hub wall time is never used.
 */

export interface ClockMapOptions {
  /** samples in the sliding minimum window */
  window: number;
  /** largest change of the offset in use per sample, ms */
  slewPerSample: number;
  /** a disagreement larger than this is stepped to at once, ms */
  stepMs: number;
}

export const CLOCK_MAP_DEFAULTS: ClockMapOptions = { window: 30, slewPerSample: 2, stepMs: 500 };

export class ClockMap {
  private samples: number[] = [];
  private offset: number | undefined;
  private readonly opts: ClockMapOptions;

  constructor(opts: Partial<ClockMapOptions> = {}) {
    this.opts = { ...CLOCK_MAP_DEFAULTS, ...opts };
  }

  /** A clock sample: the hub's clock read `hubMs` when it sent, the central's read `localMs` on receipt. */
  observe(hubMs: number, localMs: number): void {
    this.samples.push(localMs - hubMs);
    if (this.samples.length > this.opts.window) this.samples.shift();
    const estimate = Math.min(...this.samples);
    if (this.offset === undefined || Math.abs(estimate - this.offset) > this.opts.stepMs) this.offset = estimate;
    else this.offset += Math.max(-this.opts.slewPerSample, Math.min(this.opts.slewPerSample, estimate - this.offset));
  }

  get synced(): boolean {
    return this.offset !== undefined;
  }

  /** Central time of hub time `hubMs` (undefined before the first sample). */
  toLocal(hubMs: number): number | undefined {
    return this.offset === undefined ? undefined : hubMs + this.offset;
  }
}
