/**
 * Keeps data time from going backwards when sources with their own clocks are merged (a local
 * BLE source and hubs through MQTT): an item earlier than the last one is stamped with the last
 * time. The recording writer and the pipeline both rely on time that never decreases.
 */
import { map, type MonoTypeOperatorFunction } from 'rxjs';
import type { SourceItem } from '../ftms/frame.js';

export function monotoneTime(): MonoTypeOperatorFunction<SourceItem> {
  let last = 0;
  return map((item) => {
    if (item.t >= last) {
      last = item.t;
      return item;
    }
    return { ...item, t: last };
  });
}
