/**
 * A recording of two classes: a committed fixture's items, then the same items again shifted to
 * start `gapMs` after the first copy's last item (a gym's next class after an idle pause).
 */
import type { Frame, RowerEvent } from '../../src/ftms/frame.js';
import type { RecordingHeader } from '../../src/recording/format.js';
import { serializeRecording } from '../../src/recording/writer.js';
import { loadFixture } from './fixture-helpers.js';

export interface TwoClasses {
  header: RecordingHeader;
  items: Array<Frame | RowerEvent>;
  /** data time the second class's first item has, ms */
  secondStartMs: number;
  /** the fixture alone */
  single: Array<Frame | RowerEvent>;
}

export function twoClasses(fixture: string, gapMs = 10 * 60_000): TwoClasses {
  const { recording } = loadFixture(fixture);
  const single = recording.items;
  const shift = single[single.length - 1]!.t + gapMs;
  return { header: recording.header, items: [...single, ...single.map((x) => ({ ...x, t: x.t + shift }))], secondStartMs: shift, single };
}

/** The two-class recording as the text of a recording file. */
export const twoClassesText = (c: TwoClasses): string => serializeRecording(c.header, c.items);
