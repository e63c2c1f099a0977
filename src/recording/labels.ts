/**
 * The labels file format (`<name>.labels.json` beside a recording): ground truth for evaluation.
 * `{"expect"?: "intervals" | "continuous", "intervals": [{kind, start, end, allOut?, rower?, …}],
 *   "ambiguous"?: true, "alternativeIntervals"?: [...], "notes"?: "…"}`; times in seconds since the
 * recording's start. A file whose labels hold no work interval is a continuous session: one piece
 * (or a steady row) that the analysis should report as one work interval. `ambiguous` files name
 * a second reading (`alternativeIntervals`) that a detector may legitimately give instead.
 * Other keys (session, quirks, pauses, …) are kept by the reader and ignored.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const labelInterval = z.looseObject({
  kind: z.enum(['warmup', 'work', 'rest', 'cooldown']),
  start: z.number().finite(),
  end: z.number().finite(),
  allOut: z.boolean().optional(),
  rower: z.string().optional(),
});

const labelsFile = z.looseObject({
  expect: z.enum(['intervals', 'continuous']).optional(),
  intervals: z.array(labelInterval),
  ambiguous: z.boolean().optional(),
  alternativeIntervals: z.array(labelInterval).optional(),
  notes: z.string().optional(),
});

export type LabelInterval = z.infer<typeof labelInterval>;
export type LabelsFile = z.infer<typeof labelsFile>;

/** Parse labels text; throws an Error naming the first bad field. */
export function parseLabels(text: string): LabelsFile {
  const json: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const r = labelsFile.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new Error(`${issue.path.join('.') || 'labels'}: ${issue.message}`);
  }
  for (const iv of [...r.data.intervals, ...(r.data.alternativeIntervals ?? [])]) {
    if (!(iv.end > iv.start)) throw new Error(`interval ${iv.kind} ${iv.start}–${iv.end}: end must be after start`);
  }
  return r.data;
}

/** Read a labels file; throws an Error with the reason (the caller names the file). */
export function readLabels(path: string): LabelsFile {
  return parseLabels(readFileSync(path, 'utf8'));
}
