/**
 * The hub's outgoing side, pure: numbers each recorded line per rower (seq 1, 2, … in the order
 * the hub's recording holds them, so a replay from the file reproduces the same numbers) and
 * collects them into one batch per flush. One message per hub per flush, whatever the number of
 * rowers: 16 rowers at 3 frames/s are 2.5 messages/s at a 400 ms period, not 48 — a central
 * that is away for minutes stays inside Mosquitto's 1000-message queue.
 */
import type { RecordingItem } from '../recording/format.js';
import type { FramesBatch, WireLine } from './messages.js';
import { toWireLine } from './wire-line.js';

export class Batcher {
  private readonly seqs = new Map<string, number>();
  private lines: WireLine[] = [];
  private lastSentAt = -Infinity;

  /** @param heartbeatMs an empty batch (a clock sample and the heads) still goes out this often */
  constructor(
    readonly sid: string,
    private readonly heartbeatMs = 1000,
  ) {}

  /** Number `item` (the next seq of its rower) and queue it; returns the line. */
  add(item: RecordingItem): WireLine {
    const seq = (this.seqs.get(item.rower) ?? 0) + 1;
    this.seqs.set(item.rower, seq);
    const line = toWireLine(item, seq);
    this.lines.push(line);
    return line;
  }

  /** Last seq given to each rower. */
  heads(): Record<string, number> {
    return Object.fromEntries(this.seqs);
  }

  /** The batch to publish at hub time `now`, or null when there is nothing to say yet. */
  flush(now: number): FramesBatch | null {
    if (this.lines.length === 0 && now - this.lastSentAt < this.heartbeatMs) return null;
    this.lastSentAt = now;
    const lines = this.lines;
    this.lines = [];
    return { v: 1, sid: this.sid, now, lines, heads: this.heads() };
  }
}
