/**
 * Counters that restart per segment (distance per interval in RP3, RowPro and Painsled laps; the
 * clock per interval) chained into one session value: when a reading drops, the value it had
 * reached is carried as an offset.
 */
export class RestartChain {
  private offset = 0;
  private last: number | undefined;

  /** The chained value of `reading` (undefined stays undefined). A drop of more than `slack` is a restart. */
  push(reading: number | undefined, slack = 0.5): number | undefined {
    if (reading === undefined) return undefined;
    if (this.last !== undefined && reading < this.last - slack) this.offset += this.last;
    this.last = reading;
    return this.offset + reading;
  }
}
