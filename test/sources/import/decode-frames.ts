/** The Rower Data fields of an import's frames, decoded with our decoder (what the analysis reads). */
import type { RecordingItem } from '../../../src/recording/format.js';
import { decodeRowerData, type RowerData } from '../../../src/ftms/rower-data.js';

export function rowerData(items: readonly RecordingItem[]): Array<RowerData & { t: number }> {
  return items.flatMap((i) => (i.kind === 'frame' && i.char === '2ad1' ? [{ ...decodeRowerData(i.bytes), t: i.t }] : []));
}
