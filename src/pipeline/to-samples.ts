import { Observable, type OperatorFunction } from 'rxjs';
import { powerFromPace as powerFromPaceW } from '../rowing/power.js';
import type { SourceItem } from '../ftms/frame.js';
import { createSampleAssembler, type SampleAssembler as FtmsSampleAssembler } from '../ftms/merge.js';
import type { Sample } from '../ftms/sample.js';
import type { PipeItem } from './pipe-item.js';

/** What the operator needs from an assembler (the FTMS `createSampleAssembler` result). */
export type SampleAssembler = Pick<FtmsSampleAssembler, 'push' | 'flush'>;

export interface ToSamplesOptions {
  /** builds one assembler per rower; defaults to the FTMS assembler */
  createAssembler?: (rower: string) => SampleAssembler;
}

/**
 * Machines that send pace but no power (docs/science.md §1.4: P = 2.80 / (pace/500)³) get their power
 * filled in, so segmentation and verdicts work in watts everywhere.
 */
function withPower(s: Sample): Sample {
  if (s.powerW !== undefined || s.paceS500 === undefined || !(s.paceS500 > 0)) return s;
  return { ...s, powerW: Math.round(powerFromPaceW(s.paceS500)) };
}

/**
 * Raw source items → complete Samples (per rower, fragments merged) and data-time ticks.
 * Heartbeats flush every rower's merge window and become `tick`s; connection events pass on as
 * `rower-event` items. On completion every window is flushed.
 */
export function toSamples(opts: ToSamplesOptions = {}): OperatorFunction<SourceItem, PipeItem> {
  const make = opts.createAssembler ?? (() => createSampleAssembler());
  return (source) =>
    new Observable<PipeItem>((subscriber) => {
      const assemblers = new Map<string, SampleAssembler>();
      let lastT = 0;
      const emit = (samples: Sample[]): void => {
        for (const sample of samples) subscriber.next({ type: 'sample', sample: withPower(sample) });
      };
      return source.subscribe({
        next(item) {
          if (item.t > lastT) lastT = item.t;
          if (item.kind === 'frame') {
            let asm = assemblers.get(item.rower);
            if (asm === undefined) {
              asm = make(item.rower);
              assemblers.set(item.rower, asm);
            }
            emit(asm.push(item));
          } else if (item.kind === 'heartbeat') {
            for (const asm of assemblers.values()) emit(asm.flush(item.t));
            subscriber.next({ type: 'tick', t: item.t });
          } else subscriber.next({ type: 'rower-event', event: item });
        },
        error: (err: unknown) => subscriber.error(err),
        complete() {
          for (const asm of assemblers.values()) emit(asm.flush(Number.POSITIVE_INFINITY));
          subscriber.complete();
        },
      });
    });
}
