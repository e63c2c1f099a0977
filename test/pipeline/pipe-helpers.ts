/** Run the stream stages of one rower over samples and collect what they emit. */
import { from, toArray, firstValueFrom } from 'rxjs';
import type { Sample } from '../../src/ftms/sample.js';
import type { PipeItem, Segment } from '../../src/pipeline/pipe-item.js';
import { segment } from '../../src/pipeline/segment.js';
import { strokes } from '../../src/pipeline/strokes.js';

/** Sample items for a stream. */
export const sampleItems = (samples: readonly Sample[]): PipeItem[] => samples.map((sample) => ({ type: 'sample', sample }));

/** Settled segments (work and surge) the segmenter finds in these samples. */
export async function segmentsOf(samples: readonly Sample[]): Promise<Segment[]> {
  const all = await firstValueFrom(from(sampleItems(samples)).pipe(strokes(), segment('r1'), toArray()));
  return all.flatMap((x) => (x.type === 'segment' ? [x.segment] : []));
}

/** Settled work segments only. */
export async function workOf(samples: readonly Sample[]): Promise<Segment[]> {
  return (await segmentsOf(samples)).filter((s) => s.kind === 'work');
}
