/** `--drop AT:DUR` (seconds, repeatable or comma-separated): when the simulated radio link goes down. */
export interface LinkDrop {
  atS: number;
  durationS: number;
}

export class DropSpecError extends Error {
  readonly code = 'BAD_DROP';
  constructor(readonly spec: string) {
    super(`bad --drop "${spec}": expected AT:DUR in seconds, e.g. 20:5`);
    this.name = 'DropSpecError';
  }
}

/** Parse drop specs; throws DropSpecError. */
export function parseDrops(specs: string | readonly string[] | undefined): LinkDrop[] {
  const list = (typeof specs === 'string' ? [specs] : (specs ?? [])).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  return list.map((spec) => {
    const m = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(spec);
    if (!m) throw new DropSpecError(spec);
    const drop = { atS: Number(m[1]), durationS: Number(m[2]) };
    if (drop.durationS <= 0) throw new DropSpecError(spec);
    return drop;
  });
}
