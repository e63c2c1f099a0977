/**
 * Live rowers over Bluetooth: every chosen FTMS rower (or all in range) and attached HR straps
 * as one `Observable<SourceItem>` — frames stamped on arrival with a monotonic clock, connection
 * events, and a heartbeat each second. A lost link is a visible gap ('disconnected'), then the
 * device is found again by scanning and reconnected with backoff; the session goes on.
 */
import { EMPTY, Observable, catchError, defer, first, interval, map, merge, mergeMap, switchMap, takeWhile, tap, timer, ReplaySubject, filter } from 'rxjs';
import { DEFAULTS } from '../../config.js';
import type { SourceItem } from '../../ftms/frame.js';
import { recognise } from './advertisement.js';
import { connection$ } from './connection.js';
import type { StartupMode } from '../../ftms/device-profiles.js';
import type { ProfileLookup } from './device-profile-lookup.js';
import { BleError } from './errors.js';
import { waitPoweredOn } from './load-noble.js';
import type { Noble, NoblePeripheral } from './noble-types.js';
import { Radio } from './radio.js';
import { reconnectWithBackoff } from './reconnect.js';
import { type HrAttachment, matchesSelector } from './selector.js';
import { sessionClock } from './session-clock.js';

export interface BleTimeouts {
  /** adapter to become poweredOn, ms */
  adapterMs: number;
  /** one connect attempt, ms */
  connectMs: number;
  /** any other single noble call, ms */
  callMs: number;
  /** no rower connected by then → NO_ROWER error, ms */
  findMs: number;
}

export interface BleSourceOptions {
  noble: Noble;
  /** selectors (name prefix or id); empty = every FTMS rower in range */
  rowers: string[];
  hr: HrAttachment[];
  profiles: ProfileLookup;
  timeouts?: Partial<BleTimeouts>;
  backoff?: { initialMs: number; maxMs: number };
  heartbeatMs?: number;
  /** defaults to a performance.now() clock started on subscribe */
  clock?: () => number;
  log?: (line: string) => void;
}

export const DEFAULT_TIMEOUTS: BleTimeouts = { adapterMs: DEFAULTS.ble.adapterMs, connectMs: DEFAULTS.ble.connectMs, callMs: DEFAULTS.ble.callMs, findMs: DEFAULTS.ble.findTimeoutS * 1000 };

interface Claim {
  peripheral: NoblePeripheral;
  name: string;
  startup: StartupMode;
}

/** Stream live FTMS rowers (and attached HR straps) from `opts.noble`. */
export function bleSource$(opts: BleSourceOptions): Observable<SourceItem> {
  return new Observable<SourceItem>((subscriber) => {
    const timeouts = { ...DEFAULT_TIMEOUTS, ...opts.timeouts };
    const backoff = opts.backoff ?? { initialMs: 1_000, maxMs: 30_000 };
    const log = opts.log ?? (() => {});
    const clock = opts.clock ?? sessionClock();
    const radio = new Radio(opts.noble, { scanMs: timeouts.callMs, connectMs: timeouts.connectMs }, log);
    const tracked = new Set<string>();
    const noted = new Set<string>();
    const claimedSelectors = new Set<string>();
    const rowers$ = new ReplaySubject<{ id: string; peripheral: NoblePeripheral }>();
    let anyConnected = false;

    const lifecycle$ = (id: string, role: 'rower' | 'hr', emitAs: string, claim: Claim): Observable<SourceItem> =>
      defer(() => radio.seen$().pipe(first((p) => p.id === id))).pipe(
        switchMap((p) =>
          connection$(radio, p, { role, emitAs, name: claim.name, startup: claim.startup, clock, callTimeoutMs: timeouts.callMs, log }),
        ),
        reconnectWithBackoff({ ...backoff, onRetry: (err, ms) => log(`${claim.name}: ${err instanceof Error ? err.message : String(err)}; retrying in ${ms} ms`) }),
      );

    const claimRower = (p: NoblePeripheral): Claim | null => {
      if (tracked.has(p.id)) return null;
      const r = recognise(p.advertisement, opts.profiles);
      const name = p.advertisement.localName ?? p.id;
      const claim: Claim = { peripheral: p, name, startup: r.profile?.startup ?? 'none' };
      if (opts.rowers.length > 0) {
        const selector = opts.rowers.find((s) => !claimedSelectors.has(s) && matchesSelector(p, s));
        if (selector === undefined) return null;
        if (r.kind === 'not-ftms') throw new BleError('NOT_FTMS', `${name} (${p.id}): ${r.reason}`);
        claimedSelectors.add(selector);
      } else if (r.kind !== 'rower') {
        if (r.kind === 'not-ftms' && !noted.has(p.id)) {
          noted.add(p.id);
          log(`${name} (${p.id}): ${r.reason}`);
        }
        return null;
      }
      tracked.add(p.id);
      log(`found ${name} (${p.id}): ${r.reason}`);
      return claim;
    };

    const allClaimed = (): boolean => opts.rowers.length > 0 && claimedSelectors.size === new Set(opts.rowers).size;
    const rowerStreams$ = radio.seen$().pipe(
      takeWhile(() => !allClaimed(), true), // then stop scanning for new rowers; the claimed ones run on
      mergeMap((p) => {
        const claim = claimRower(p);
        if (!claim) return EMPTY;
        rowers$.next({ id: p.id, peripheral: p });
        const explicit = opts.rowers.length > 0;
        return lifecycle$(p.id, 'rower', p.id, claim).pipe(
          tap((item) => {
            if (item.kind === 'event' && item.event === 'connected') anyConnected = true;
          }),
          catchError((err: unknown) => {
            if (explicit) throw err;
            log(`${claim.name}: ${err instanceof Error ? err.message : String(err)}; ignoring it`);
            return EMPTY;
          }),
        );
      }),
    );

    const strapStreams$ = merge(
      ...opts.hr.map((att) =>
        rowers$.pipe(
          first(({ peripheral }) => matchesSelector(peripheral, att.rower)),
          switchMap(({ id: rowerId }) =>
            radio.seen$().pipe(
              first((p) => !tracked.has(p.id) && matchesSelector(p, att.strap)),
              switchMap((p) => {
                tracked.add(p.id);
                const name = p.advertisement.localName ?? p.id;
                log(`found strap ${name} (${p.id}) for rower ${rowerId}`);
                return lifecycle$(p.id, 'hr', rowerId, { peripheral: p, name, startup: 'none' });
              }),
            ),
          ),
        ),
      ),
    );

    const noRower$ = timer(timeouts.findMs).pipe(
      filter(() => {
        const missing = opts.rowers.filter((s) => !claimedSelectors.has(s));
        if (anyConnected && missing.length > 0) log(`still looking for ${missing.join(', ')}`);
        return !anyConnected;
      }),
      map(() => {
        const what = opts.rowers.length > 0 ? `no rower matching ${opts.rowers.join(', ')}` : 'no FTMS rower';
        const hint = opts.rowers.length > 0 ? '' : '; a console that advertises no FTMS service is found by name: --rower NAME';
        throw new BleError('NO_ROWER', `${what} found within ${timeouts.findMs / 1000} s (is it awake and not connected to another app?)${hint}`);
      }),
    );
    const heartbeat$ = interval(opts.heartbeatMs ?? 1000).pipe(map((): SourceItem => ({ kind: 'heartbeat', t: clock() })));

    const sub = defer(() => waitPoweredOn(opts.noble, timeouts.adapterMs))
      .pipe(switchMap(() => merge(rowerStreams$, strapStreams$, heartbeat$, noRower$)))
      .subscribe({ next: (x) => subscriber.next(x), error: (e: unknown) => subscriber.error(e), complete: () => subscriber.complete() });
    return () => {
      sub.unsubscribe();
      void radio.close();
    };
  });
}
