import { Observable, type OperatorFunction } from 'rxjs';
import { HR_LAG_MS } from '../analysis/interval-stats.js';
import { judgeSession, judgeSprintLive, liveTarget, type SessionOptions, type SprintInput } from '../analysis/session-verdicts.js';
import { cleanPower, holdMean, median } from '../analysis/series.js';
import { sprintMetrics } from '../analysis/sprint-metrics.js';
import type { Interval } from '../analysis/types.js';
import { WORKOUT_START, WORKOUT_STOP } from '../ftms/frame.js';
import type { Sample } from '../ftms/sample.js';
import type { PipeItem } from './pipe-item.js';
import { eventPlan } from './plan-progress.js';
import { window } from './sample-window.js';

/**
 * Verdicts for one rower's work intervals. Each work interval gets a live verdict as soon as it
 * arrives (analysis `judgeSprintLive`: only the sprints so far, with the rest before it), and again
 * when it arrives a second time with its heart-rate window complete. At the end of the data the
 * smoother's `final-intervals` are judged together against the session's final reference
 * (`judgeSession`) and sent as one `intervals` revision, followed by a `summary`.
 * The planned work length (CUT SHORT) is that of the plan in force when the sprint ended:
 * `opts.plannedWorkS` until a `workout-start` / `workout-stop` rower event changes it.
 */
export function judge(sessionOpts: SessionOptions = {}): OperatorFunction<PipeItem, PipeItem> {
  const { plannedWorkS: startWorkS, ...opts } = sessionOpts;
  return (source) =>
    new Observable<PipeItem>((subscriber) => {
      /** the planned work length from data time t on: [t, plannedWorkS] in event order */
      const plans: Array<[number, number | undefined]> = [[Number.NEGATIVE_INFINITY, startWorkS]];
      const plannedAt = (t: number): number | undefined => {
        let v: number | undefined;
        for (const [from, w] of plans) if (from <= t) v = w;
        return v;
      };
      const samples: Sample[] = [];
      const works: Interval[] = [];
      const inputs: SprintInput[] = [];
      let finalDone = false;
      /** work index whose live target was sent last */
      let targetFor = 0;
      /** the live target of a sprint starting at `start`: E_n from the same functions as its verdict */
      const targetAt = (index: number, start: number): PipeItem => {
        const prev = works[works.length - 1];
        const workS = plannedAt(start) ?? median(works.map((w) => (w.end - w.start) / 1000)) ?? 30;
        const next: Parameters<typeof liveTarget>[1] = { workS };
        const planned = plannedAt(start);
        if (planned !== undefined) next.plannedWorkS = planned;
        if (prev !== undefined) {
          next.restBeforeS = (start - prev.end) / 1000;
          const restPowerW = holdMean(cleanPower(window(samples, prev.end, start)), 'powerW', prev.end, start);
          if (restPowerW !== undefined) next.restPowerW = restPowerW;
        }
        const r = liveTarget(inputs.slice(0, works.length), next, opts);
        return { type: 'target', target: { rep: index, t: start, onTarget: r.onTarget, wellBelow: r.wellBelow, ...(r.powerW !== undefined ? { powerW: r.powerW } : {}), ...(r.source !== undefined ? { source: r.source } : {}) } };
      };
      /** what the verdict reads of one sprint, given the work interval before it */
      const inputOf = (iv: Interval, prev: Interval | undefined, hrEnd: number): SprintInput => {
        const metrics = sprintMetrics(window(samples, iv.start, hrEnd), iv.start, iv.end, { hrWindowEndMs: hrEnd });
        const input: SprintInput = { metrics };
        const planned = plannedAt(iv.end);
        if (planned !== undefined) input.plannedWorkS = planned;
        if (prev !== undefined) {
          input.restBeforeS = (iv.start - prev.end) / 1000;
          // the rest's mean power: f(n) of sprints after hard rests, W′ recovery of paced sets
          const restPowerW = holdMean(cleanPower(window(samples, prev.end, iv.start)), 'powerW', prev.end, iv.start);
          if (restPowerW !== undefined) input.restPowerW = restPowerW;
        }
        return input;
      };
      return source.subscribe({
        next(item) {
          switch (item.type) {
            case 'sample':
              samples.push(item.sample);
              break;
            case 'phase': {
              const p = item.phase;
              const index = p.index ?? works.length + 1;
              // once per sprint, at its (provisional) start, before any verdict of it
              if (p.kind === 'work' && index > targetFor && index > works.length) {
                targetFor = index;
                subscriber.next(item);
                subscriber.next(targetAt(index, p.start));
                return;
              }
              break;
            }
            case 'rower-event':
              if (item.event.event === WORKOUT_START) plans.push([item.event.t, eventPlan(item.event)?.workS ?? plannedAt(item.event.t)]);
              else if (item.event.event === WORKOUT_STOP) plans.push([item.event.t, undefined]);
              break;
            case 'interval': {
              const iv = item.interval;
              if (iv.kind !== 'work') break;
              // a work interval comes twice: at its end, then with its heart-rate window complete
              let i = works.findIndex((w) => w.index === iv.index);
              const again = i >= 0;
              if (!again) i = works.length;
              works[i] = iv;
              inputs[i] = inputOf(iv, works[i - 1], again ? iv.end + HR_LAG_MS : iv.end);
              subscriber.next({ type: 'interval', interval: { ...iv, verdict: judgeSprintLive(inputs.slice(0, i + 1), opts) } });
              return;
            }
            case 'final-intervals': {
              finalDone = true;
              const finalWorks = item.intervals.filter((iv) => iv.kind === 'work');
              const sprints = finalWorks.map((iv, i) => inputOf(iv, finalWorks[i - 1], iv.end + HR_LAG_MS));
              const judged = sprints.length > 0 ? judgeSession(sprints, opts) : undefined;
              let n = 0;
              const intervals = item.intervals.map((iv) => {
                if (iv.kind !== 'work' || judged === undefined) return iv;
                const verdict = judged.verdicts[n++];
                return verdict === undefined ? iv : { ...iv, verdict };
              });
              subscriber.next({ type: 'intervals', intervals });
              if (judged !== undefined) subscriber.next({ type: 'summary', summary: judged.summary });
              return;
            }
            default:
          }
          subscriber.next(item);
        },
        error: (err: unknown) => subscriber.error(err),
        complete() {
          // a stream without the smoother (operators composed by hand): judge the live intervals
          if (!finalDone && inputs.length > 0) {
            const { verdicts, summary } = judgeSession(inputs, opts);
            works.forEach((iv, i) => {
              const verdict = verdicts[i];
              if (verdict !== undefined) subscriber.next({ type: 'interval', interval: { ...iv, verdict } });
            });
            subscriber.next({ type: 'summary', summary });
          }
          subscriber.complete();
        },
      });
    });
}
