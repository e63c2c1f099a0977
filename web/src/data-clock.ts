/**
 * Data time as the display should show it: the newest data time received, advanced between
 * messages at the observed pace of data time per wall time (1× live, N× in a fast replay), for at
 * most 2 s so a stalled feed does not run clocks on. Never the browser's wall clock as data time.
 */
export class DataClock {
  private dataT = 0;
  private wallAt = 0;
  private rate = 1;

  /** Records that data time `t` (ms) was current at wall time `wall` (performance.now(), ms). */
  observe(t: number, wall: number): void {
    if (t <= this.dataT) return;
    const dw = wall - this.wallAt;
    if (this.dataT > 0 && dw > 30) {
      const r = (t - this.dataT) / dw;
      this.rate = Math.min(500, Math.max(0.2, this.rate * 0.7 + r * 0.3));
    }
    this.dataT = t;
    this.wallAt = wall;
  }

  /** Starts over from a snapshot (hello). */
  reset(t: number, wall: number): void {
    this.dataT = t;
    this.wallAt = wall;
    this.rate = 1;
  }

  /** Estimated current data time, ms. */
  now(wall: number): number {
    const ahead = Math.min(Math.max(0, wall - this.wallAt), 2000) * this.rate;
    return this.dataT + Math.min(ahead, 5000);
  }
}
