import { Observable, type OperatorFunction } from 'rxjs';
import { HR_LAG_MS } from '../analysis/interval-stats.js';
import { judgeSession, judgeSprintLive, type SessionOptions, type SprintInput } from '../analysis/session-verdicts.js';
import { cleanPower, holdMean } from '../analysis/series.js';
import { sprintMetrics } from '../analysis/sprint-metrics.js';
import type { Interval } from '../analysis/types.js';
import { WORKOUT_START, WORKOUT_STOP } from '../ftms/frame.js';
import type { Sample } from '../ftms/sample.js';
import type { PipeItem } from './pipe-item.js';
import { eventPlan } from './plan-progress.js';
import { window } from './sample-window.js';

/**
 * Verdicts for one rower's work intervals. Each finished work interval gets a live verdict
 * (analysis `judgeSprintLive`: only the sprints so far, with the rest before it); at the end of
 * the data every sprint is re-judged against the session's final reference (`judgeSession`)
 * and re-emitted, followed by a `summary`. Samples are kept for the sprint metrics.
 * The planned work length (CUT SHORT) is that of the plan in force when the sprint ends:
 * `opts.plannedWorkS` until a `workout-start` / `workout-stop` rower event changes it.
 */
export function judge(sessionOpts: SessionOptions = {}): OperatorFunction<PipeItem, PipeItem> {
  const { plannedWorkS: startWorkS, ...opts } = sessionOpts;
  return (source) =>
    new Observable<PipeItem>((subscriber) => {
      let plannedWorkS = startWorkS;
      const samples: Sample[] = [];
      const sprints: SprintInput[] = [];
      const works: Interval[] = [];
      let lastWorkEnd: number | undefined;
      return source.subscribe({
        next(item) {
          if (item.type === 'sample') samples.push(item.sample);
          if (item.type === 'rower-event' && item.event.event === WORKOUT_START) plannedWorkS = eventPlan(item.event)?.workS ?? plannedWorkS;
          if (item.type === 'rower-event' && item.event.event === WORKOUT_STOP) plannedWorkS = undefined;
          if (item.type !== 'interval' || item.interval.kind !== 'work') {
            subscriber.next(item);
            return;
          }
          const iv = item.interval;
          const hrEnd = iv.end + HR_LAG_MS;
          const metrics = sprintMetrics(window(samples, iv.start, hrEnd), iv.start, iv.end, { hrWindowEndMs: hrEnd });
          const input: SprintInput = { metrics };
          if (plannedWorkS !== undefined) input.plannedWorkS = plannedWorkS;
          if (lastWorkEnd !== undefined) {
            input.restBeforeS = (iv.start - lastWorkEnd) / 1000;
            // the rest's mean power: f(n) of sprints after hard rests, W′ recovery of paced sets
            const restPowerW = holdMean(cleanPower(window(samples, lastWorkEnd, iv.start)), 'powerW', lastWorkEnd, iv.start);
            if (restPowerW !== undefined) input.restPowerW = restPowerW;
          }
          lastWorkEnd = iv.end;
          sprints.push(input);
          const judged: Interval = { ...iv, verdict: judgeSprintLive(sprints, opts) };
          works.push(judged);
          subscriber.next({ type: 'interval', interval: judged });
        },
        error: (err: unknown) => subscriber.error(err),
        complete() {
          if (sprints.length > 0) {
            const { verdicts, summary } = judgeSession(sprints, opts);
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
