/**
 * Requests from people → source items, so they are recorded and a replay of the recording sees
 * them too: POST /api/session/end becomes `session-end` events, PUT /api/rowers/:id becomes
 * `rename` / `athlete` events, and the bindings known at start (`--athlete NAME=ROWER`, the saved
 * `rowers.json`) become `rename` / `athlete` events right after each rower's first item. Events are
 * stamped with the data time of the newest item seen (never a wall clock), like workout commands.
 */
import type { Observable } from 'rxjs';
import type { RowerEvent, SourceItem } from '../ftms/frame.js';
import { ATHLETE_EVENT, NAME_EVENT, SESSION_END } from '../ftms/frame.js';
import { matchesSelector } from '../sources/ble/selector.js';
import { requestChannel } from './request-channel.js';
import type { RowerBinding, RowerBindings } from '../store/rower-bindings.js';

/** `--athlete NAME=ROWER`: ROWER as in --hr (an id/address or an advertised-name prefix). */
export interface AthleteFlag {
  athlete: string;
  rower: string;
}

export type ControlErrorCode = 'NO_SESSION' | 'NO_ROWERS';

/** A request that cannot be applied now; the API answers 400 with `code`. */
export class ControlError extends Error {
  constructor(
    readonly code: ControlErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ControlError';
  }
}

export interface ControlOptions {
  /** saved bindings by rower id (rowers.json); changed in place by `setProfile` */
  bindings?: RowerBindings;
  athletes?: readonly AthleteFlag[];
  /** advertised names by id (recording header), for matching --athlete when no `connected` event names the rower */
  names?: Readonly<Record<string, string>>;
  /** called with the whole table after each change (persist it) */
  saved?: (bindings: RowerBindings) => void;
}

export interface ControlInjector {
  inject(source$: Observable<SourceItem>): Observable<SourceItem>;
  /** POST /api/session/end: one rower's session, or (rower absent) every rower's */
  endSession(cmd: { rower?: string }): void;
  /** PUT /api/rowers/:id */
  setProfile(id: string, profile: RowerBinding): void;
}

/** The binding a rower starts with: its saved one, with an --athlete flag that names it on top. */
export function startBinding(id: string, name: string | undefined, opts: ControlOptions): RowerBinding {
  const saved = opts.bindings?.[id] ?? {};
  const flag = opts.athletes?.find((a) => matchesSelector({ id, address: '', advertisement: name !== undefined ? { localName: name } : {} }, a.rower));
  return { ...saved, ...(flag ? { athlete: flag.athlete } : {}) };
}

export function controlInjector(opts: ControlOptions = {}): ControlInjector {
  const event = (rower: string, name: string, fields: Pick<RowerEvent, 'name' | 'athlete'> = {}): RowerEvent => ({ kind: 'event', t: channel.lastT(), rower, event: name, ...fields });
  const channel = requestChannel((rower, first, send) => {
    const b = startBinding(rower, (first.kind === 'event' ? first.name : undefined) ?? opts.names?.[rower], opts);
    if (b.name !== undefined) send(event(rower, NAME_EVENT, { name: b.name }));
    if (b.athlete !== undefined) send(event(rower, ATHLETE_EVENT, { athlete: b.athlete }));
  });

  const running = (): ((item: SourceItem) => void) => {
    const emit = channel.sender();
    if (emit === undefined) throw new ControlError('NO_SESSION', 'no session is running (the source has ended)');
    return emit;
  };

  return {
    inject: channel.inject,
    endSession(cmd) {
      const send = running();
      const targets = cmd.rower !== undefined ? [cmd.rower] : channel.rowers();
      if (targets.length === 0) throw new ControlError('NO_ROWERS', 'no rower has connected yet');
      for (const rower of targets) send(event(rower, SESSION_END));
    },
    setProfile(id, profile) {
      const send = running();
      if (profile.name !== undefined) send(event(id, NAME_EVENT, { name: profile.name }));
      if (profile.athlete !== undefined) send(event(id, ATHLETE_EVENT, { athlete: profile.athlete }));
      if (opts.bindings !== undefined) {
        opts.bindings[id] = { ...opts.bindings[id], ...profile };
        opts.saved?.(opts.bindings);
      }
    },
  };
}
