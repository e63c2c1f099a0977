/**
 * The simulator as a source: the generated frames enter the system through the same door as a
 * recording (replay$), so everything downstream treats it like a device.
 */
import type { Observable, SchedulerLike } from 'rxjs';
import type { SourceItem } from '../../ftms/frame.js';
import { replay$ } from '../replay.js';
import type { SimulateOptions } from './simulate-options.js';
import { simulateSession } from './simulate-session.js';

export interface SimulatorStreamOptions {
  /** start the same session again after the end (data time keeps increasing) */
  loop?: boolean;
  /** heartbeat every this many ms of data time, like a live source (default 1000; 0 = none) */
  heartbeatMs?: number;
}

/** A simulated session as a stream at `speed` × real time (or 'instant'), with 1 s heartbeats. */
export function simulator$(opts: SimulateOptions, speed: number | 'instant', scheduler?: SchedulerLike, stream: SimulatorStreamOptions = {}): Observable<SourceItem> {
  const { items } = simulateSession(opts);
  const heartbeatMs = stream.heartbeatMs ?? 1000;
  return replay$(items, {
    speed,
    ...(scheduler ? { scheduler } : {}),
    ...(stream.loop ? { loop: true } : {}),
    ...(heartbeatMs > 0 ? { heartbeatMs } : {}),
  });
}
