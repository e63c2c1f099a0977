/**
 * The central's receive side for one line stream (a hub session × a rower), pure: delivers each
 * seq exactly once and in order. The key is (hub session, rower, seq) — never (rower, t): real
 * recordings hold frames of one rower that share a millisecond (ES fixtures: 53 of them).
 *   - seq below the next expected, or already held: a duplicate (QoS 1 redelivery, a replay
 *     overlap) → dropped;
 *   - seq = next: delivered, with whatever held lines now follow on;
 *   - seq above next: held, and the gap [next, seq−1] is reported so the hub can be asked to
 *     replay it from its recording;
 *   - a gap nobody fills within `giveUpMs` is skipped (counted in `lost`), so one lost line
 *     cannot stall a rower for ever; the wait starts again when the hub that can fill it comes
 *     (back) online (`hubOnline`), so a hub that takes long to restart still gets its chance.
 */

export interface Gap {
  from: number;
  to: number;
}

export class StreamOrder<L> {
  private held = new Map<number, L>();
  private gapSince: number | null = null;
  private headKnown = 0;
  /** lines skipped after giving up on a gap */
  lost = 0;
  /** duplicates dropped */
  duplicates = 0;

  /** @param next the first seq expected (1 for a session seen from its start; undefined = take the first seq seen) */
  constructor(
    private next: number | undefined,
    private readonly giveUpMs = 15_000,
  ) {}

  /** The next seq expected, if known. */
  get expected(): number | undefined {
    return this.next;
  }

  /** Offer line `seq` at local time `now`; returns the lines now deliverable, in seq order. */
  accept(seq: number, line: L, now: number): L[] {
    if (this.next === undefined) this.next = seq;
    if (seq < this.next || this.held.has(seq)) {
      this.duplicates += 1;
      return [];
    }
    if (seq > this.next) {
      this.held.set(seq, line);
      if (this.gapSince === null) this.gapSince = now;
      return [];
    }
    const out = [line];
    this.next += 1;
    this.drain(out);
    return out;
  }

  /** The hub says it has numbered up to `head`: lines not seen by then are a gap (a lost tail). */
  seenHead(head: number, now: number): void {
    if (this.next === undefined) {
      this.next = head + 1;
      return;
    }
    if (head >= this.next && this.gapSince === null) this.gapSince = now;
    if (head >= this.next) this.headKnown = Math.max(this.headKnown, head);
  }

  /** The hub that can fill the gap is online again at `now`: it gets the whole `giveUpMs` from now. */
  hubOnline(now: number): void {
    if (this.gapSince !== null) this.gapSince = now;
  }

  /** The missing range to ask a replay for, or null. */
  gap(): Gap | null {
    if (this.next === undefined) return null;
    const heldSeqs = [...this.held.keys()];
    const top = Math.max(this.headKnown, ...heldSeqs.map((s) => s), 0);
    if (top < this.next) return null;
    const firstHeld = heldSeqs.length > 0 ? Math.min(...heldSeqs) : top + 1;
    return { from: this.next, to: firstHeld - 1 };
  }

  /** At local time `now`: give up on a gap open for `giveUpMs`; returns the lines this releases. */
  tick(now: number): L[] {
    if (this.gapSince === null || now - this.gapSince < this.giveUpMs || this.next === undefined) return [];
    const g = this.gap();
    const out: L[] = [];
    if (g) {
      this.lost += g.to - g.from + 1;
      this.next = g.to + 1;
    }
    this.gapSince = null;
    this.drain(out);
    if (this.gap()) this.gapSince = now;
    return out;
  }

  private drain(out: L[]): void {
    for (let l = this.held.get(this.next as number); l !== undefined; l = this.held.get(this.next as number)) {
      this.held.delete(this.next as number);
      out.push(l);
      this.next = (this.next as number) + 1;
    }
    if (this.gap() === null) this.gapSince = null;
  }
}
