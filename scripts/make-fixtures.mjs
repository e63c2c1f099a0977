#!/usr/bin/env node
/**
 * Regenerates fixtures/ from the list below with the built CLI (`npm run build` first):
 *   node scripts/make-fixtures.mjs
 * Every fixture is a deterministic `ergsprint simulate` run (fixed seed and startedAt), so the
 * output is byte-identical on every machine; fixtures/README.md is written from the same list.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { main } = await import(join(root, 'dist', 'cli.js'));

/** [name, simulate flags, what it is, what it tests] */
const fixtures = [
  ['hiit-allout', '--seed 1', 'the seed protocol: 6 min warm-up (two 8 s surges), 8 × 30 s all-out / 90 s slow row, 10 min cool-down; 1 Hz sample-and-hold; HR strap', 'segmentation on 1 Hz data, all-out verdicts with normal fatigue, surges not counted as reps'],
  ['hiit-held', '--seed 2 --held 3,6 --rate-only 4', 'as hiit-allout, but reps 3 and 6 held back (paced ~80 %, end spurt) and rep 4 rate-only (high rate, ~70 % power)', '"probably held back" for 3, 4, 6 while the other reps stay all-out'],
  ['hiit-rest60', '--seed 3 --reps 10 --rest 60', '10 × 30 s all-out / 60 s rest, 1 Hz', 'fatigue expectation f(n) for 60 s rests (down to the 0.65 floor): late reps are fatigued, not held back'],
  ['hiit-rest90', '--seed 3 --reps 10 --rest 90', 'the same athlete, 10 × 30 s / 90 s, 1 Hz', 'f(n) for 90 s rests; compare with hiit-rest60'],
  ['pm5-split', '--seed 5 --profile pm5-split --hr rower --held 5', 'Concept2 PM5 style: each record split in part A (power/pace/distance, More Data = 1) and part B (rate/count/energy) ~10 ms apart; stroke rate frozen at the last sprint value during rests; HR in the rower field; rep 5 held back', 'fragment merging, a frozen rate field, HR from 2ad1'],
  ['stale-values', '--seed 6 --profile stale --stop-in-rest 20 --hr none', 'WaterRower S4 style: the athlete stops for 20 s after each sprint and the console keeps sending the last sprint rate/pace/power with the stroke count frozen; no HR', 'idle detection from Stroke Count, sprint ends not smeared into the stale stretch'],
  ['steady-20min', '--seed 7 --steady 20', 'a 20 min steady row (UT2, slow ±5 % power wander), no intervals; labels list none', 'no false sprints'],
  ['gap-10s', '--seed 8 --gap 730:10', 'as hiit-allout with a 10 s Rower Data gap at 730–740 s, inside sprint 4 (HR strap continues)', 'gap handling: rep 4 should be judged inconclusive (DATA), the others unaffected'],
  ['disconnect-25s', '--seed 17 --gap 540:25:disconnect', 'as hiit-allout with a 25 s disconnect (events) at 540–565 s, in the rest after sprint 2', 'reconnect/resume without a phantom interval'],
  ['two-rowers', '--seed 9 --rowers 2', 'two rowers in one recording (sim-1 default athlete, sim-2 a different athlete, ~P2k × 0.8–1.15), each with its own strap', 'per-rower grouping; labels carry "rower"'],
  ['weak-athlete', '--seed 10 --athlete weak --held 5', 'a weak athlete (P2k 150 W, sprint ~34 spm, drag 115), rep 5 held back, 1 Hz', 'thresholds that do not assume absolute watts'],
  ['strong-athlete', '--seed 11 --athlete strong --rest 60 --profile ideal', 'a strong athlete (P2k 450 W, sprint ~44 spm, drag 135), 8 × 30/60, per-stroke + 1 Hz records', 'high-power data, dense notifications'],
  ['per-stroke', '--seed 12 --profile per-stroke --held 2 --rate-only 6', 'one notification per stroke only; rep 2 held, rep 6 rate-only', 'stroke-timed boundaries without a 1 Hz stream'],
  ['no-power', '--seed 13 --profile no-power --held 4', 'no power field at all (pace only); rep 4 held back', 'power from pace, P = 2.80 / (pace/500)³'],
  ['no-warmup', '--seed 14 --warmup 0 --cooldown 300', 'the first stroke of the session is the first sprint stroke (flywheel from standstill); 5 min cool-down', 'a sprint at t ≈ 3 s, no warm-up baseline; the first rep reads low on its first strokes'],
  ['whole-spm', '--seed 15 --profile whole-spm --reps 6', 'stroke rate sent in whole spm (Kingsmith/Whipr/Merach style): a spec decoder reads half the real rate', 'the whole-spm device profile (or rate distrust)'],
  ['dropped', '--seed 16 --profile dropped --held 7', '1 Hz with ~8 % of notifications lost at random; rep 7 held back', 'robustness to dropped samples'],
  // sessions the analysis was not tuned on (added later: earlier rows stay byte-identical)
  ['hiit-100-20', '--seed 31 --work 100 --rest 20 --reps 6', '6 × 100 s all-out / 20 s rest, 1 Hz; a 100 s all-out is ~1.3 × P2k at ~35 spm (power–duration curve between the 30 s sprint and the 2k)', 'long reps and rests shorter than the 120 s baseline window: no rep split in two, rests not swallowed'],
  ['intervals-4min', '--seed 32 --work 240 --rest 120 --reps 4 --profile per-stroke', '4 × 4 min hard (~1.1 × P2k at ~32 spm, each rowed as hard as it can be held) / 2 min rest, one notification per stroke', 'work longer than the baseline window: the rest level must not adapt up to the work level and close a rep early'],
  ['monitor-program-pm5', '--seed 34 --warmup 0 --profile pm5-split --rest 60 --reps 10', "a PM5 interval program started cold: 10 × 30 s / 60 s with no warm-up, split records, rate frozen at the sprint value in rests", 'no warm-up baseline plus a frozen rate field from the first rest on'],
  ['steady-30min-per-stroke', '--seed 37 --steady 30 --profile per-stroke', 'a 30 min steady row (UT2, ±5 % wander), one notification per stroke; labels list none', 'no false sprints from stroke-level noise'],
  ['weak-stale-held', '--seed 35 --athlete weak --profile stale --held 2,5', 'the weak athlete (P2k 150 W) on a WaterRower-S4-style console (stale values while stopped); reps 2 and 5 held back', 'held-back verdicts at low absolute watts with a stale-value device'],
  ['strong-whole-spm', '--seed 36 --athlete strong --profile whole-spm --held 4', 'the strong athlete (P2k 450 W, ~44 spm) on a whole-spm device (the spec decode reads ~22 spm); rep 4 held back', 'rate handling on a whole-spm device with a high-rate athlete; held-back rep 4'],
  ['fast-2k-dropped', '--seed 41 --p2k 6:20 --profile dropped --held 1,8', 'a fast athlete (2k 6:20, P2k ≈ 408 W) on a lossy 1 Hz device; rep 1 AND rep 8 held back', 'a held-back first rep (the session reference must not be set by it) and a held last rep, with ~8 % lost notifications'],
  ['rate-ladder', '--seed 39 --ladder 24', 'a 24 min steady rate ladder: 4 min each at 18, 20, 22, 24, 26, 28 spm, power rising ~3 %/spm; no intervals, labels list none', 'rate steps are not sprints: no work/rest alternation'],
  ['test-2k', '--seed 40 --piece 2000', '6 min warm-up (two 8 s surges), one continuous maximal 2000 m piece (~7:05: fast start ~1.3 × P2k at ~38 spm, fading middle, sprint finish over the last ~12 %), 10 min cool-down; labelled as ONE all-out work interval', 'a long maximal piece is one work interval (or at least no work/rest alternation); the fast start and sprint finish do not split it'],
  ['test-2k-lossy', '--seed 42 --piece 2000 --profile dropped', 'the test-2k protocol (another seed) on a lossy 1 Hz device (~8 % of notifications lost)', 'a long piece is not cut by missing notifications (two lost in a row leave a ~3 s hole, longer than 1.6 × the ~1.9 s stroke period at ~31 spm)'],
  ['intervals-4min-lossy', '--seed 43 --work 240 --rest 120 --reps 4 --profile dropped', 'intervals-4min on a lossy 1 Hz device (~8 % of notifications lost)', 'reps longer than the 120 s baseline window survive a lost notification or two (a ~3 s hole between stroke-count changes mid-rep)'],
  ['counter-reset', '--seed 38 --counter-offset 65450:12000 --reset-at 560', 'the hiit-allout protocol on a console whose stroke count starts at 65450 (u16: wraps to 0 at ~4:20 in the warm-up) and distance at 12 000 m, and that resets all counters (strokes, distance, energy, elapsed) to 0 at 560 s, in the rest after rep 2', 'counter offsets, a u16 stroke-count wrap and a console reset (REFERENCE.md rule 6): no lost or phantom strokes, no phantom interval'],
];

const dir = join(root, 'fixtures');
mkdirSync(dir, { recursive: true });
const lines = [];
for (const [name, flags, what, tests] of fixtures) {
  const args = ['simulate', '--out', join(dir, `${name}.ndjson`), ...flags.split(' '), '--labels', '--force'];
  const code = await main(['node', 'ergsprint', ...args]);
  if (code !== 0) throw new Error(`simulate ${flags} failed with exit ${code}`);
  lines.push(`| \`${name}\` | ${what} | \`ergsprint simulate --out fixtures/${name}.ndjson ${flags} --labels\` | ${tests} |`);
}

writeFileSync(
  join(dir, 'README.md'),
  `# Fixtures

Synthetic sessions made by \`ergsprint simulate\` (see \`src/sources/simulator/\`), committed so the
analysis is tested on recordings it was not tuned on. Each \`<name>.ndjson\` is a v1 recording of raw
FTMS frames (exactly what a device would have sent); \`<name>.labels.json\` is the ground truth:
\`{"intervals":[{"kind":"work","start":s,"end":s,"rep":n,"allOut":true,"style":"all-out"}, ...]}\`,
seconds since the recording start. A work interval starts at the catch of the first sprint stroke
and ends at the end of the last one. \`style\` is \`all-out\`, \`held\` (paced at ~75–85 % with an end
spurt) or \`rate-only\` (high rate, ~70 % power); \`allOut\` is true only for \`all-out\`. A steady row
has no intervals. With several rowers each interval carries \`"rower"\`.

Regenerate all of them (byte-identical): \`npm run build && node scripts/make-fixtures.mjs\`.

Unless a row says otherwise: default athlete (P2k ≈ 292 W, a 7:05 2k; rep-1 all-out ≈ 1.62 × P2k ≈ 473 W
on the monitor; sprint ~38 spm, easy ~20 spm; HR rest 60 / max 190; drag factor 120), 8 × 30 s / 90 s,
6 min warm-up with two 8 s surges, 10 min cool-down, 1 Hz sample-and-hold device (\`hz1-hold\`),
heart rate from a strap (2a37 frames), rowing starts at t = 3 s after a few all-zero wake-up packets.

| fixture | what it is | command | what it tests |
|---|---|---|---|
${lines.join('\n')}
`,
);
process.stdout.write(`wrote ${fixtures.length} fixtures and fixtures/README.md\n`);
