/**
 * Rowers from every hub, through the broker, as one `Observable<SourceItem>` on the central's
 * session time. Per hub session and rower the lines pass a StreamOrder (exactly once, in seq
 * order; gaps asked back from the hub's recording), times go through that hub session's ClockMap,
 * and a rower id becomes `<hub>/<rower>`. A hub whose state turns offline (its last-will) has its
 * rowers marked 'disconnected' at once; their next frame marks them 'connected' again. A heartbeat
 * each second keeps data time moving when no hub sends anything.
 */
import type { MqttClient } from 'mqtt';
import { Observable } from 'rxjs';
import { randomBytes } from 'node:crypto';
import type { SourceItem } from '../../ftms/frame.js';
import { decodeMessage, framesBatch, hubState, replayResponse, rowerInfo, type ReplayRequest, type WireLine } from '../../bridge/messages.js';
import { CENTRAL_SUBSCRIPTIONS, parseTopic, topics } from '../../bridge/topics.js';
import { fromWireLine } from '../../bridge/wire-line.js';
import { ClockMap } from './clock-map.js';
import { StreamOrder } from './stream-order.js';

/** Where the central keeps, across its restarts, the next seq it expects per `hub|sid|rower`. */
export interface HeadStore {
  load(): Record<string, number>;
  save(next: Record<string, number>): void;
}

export interface MqttSourceOptions {
  client: MqttClient;
  /** the central session's clock, ms (shared with a local BLE source) */
  clock: () => number;
  log: (line: string) => void;
  heads?: HeadStore;
  heartbeatMs?: number;
  /** a replay request not answered within this is sent again, ms */
  retryMs?: number;
  /** a gap nobody fills is skipped after this, ms */
  giveUpMs?: number;
}

interface Stream {
  hub: string;
  sid: string;
  r: string;
  order: StreamOrder<WireLine>;
  asked?: { id: string; at: number };
  /** a finished session whose tail was asked for once */
  tailAsked?: boolean;
}

export function mqttSource$(o: MqttSourceOptions): Observable<SourceItem> {
  return new Observable<SourceItem>((subscriber) => {
    const { client, clock, log } = o;
    const retryMs = o.retryMs ?? 2000;
    const streams = new Map<string, Stream>();
    const clocks = new Map<string, ClockMap>();
    const hubs = new Map<string, { sid: string; online: boolean }>();
    const freshSids = new Set<string>();
    const rowers = new Map<string, { hub: string; connected: boolean; name?: string }>();
    const persisted = o.heads?.load() ?? {};
    const warned = new Set<string>();
    /** old sessions whose tail was replayed to the end: forgotten by the head store */
    const finished = new Set<string>();
    let lastT = 0;
    let changed = false;

    const stamp = (t: number | undefined): number => (lastT = Math.max(lastT, Math.round(t ?? lastT), 0));
    const warnOnce = (key: string, line: string): void => {
      if (warned.has(key)) return;
      warned.add(key);
      log(line);
    };
    const emit = (item: SourceItem): void => {
      if (item.kind !== 'heartbeat') changed = true;
      subscriber.next(item);
    };

    const streamOf = (hub: string, sid: string, r: string): Stream => {
      const key = `${hub}|${sid}|${r}`;
      let s = streams.get(key);
      if (!s) {
        const next = persisted[key] ?? (freshSids.has(sid) ? 1 : undefined);
        s = { hub, sid, r, order: new StreamOrder<WireLine>(next, o.giveUpMs) };
        streams.set(key, s);
      }
      return s;
    };

    const deliver = (s: Stream, lines: WireLine[]): void => {
      const map = clocks.get(`${s.hub}|${s.sid}`);
      const id = `${s.hub}/${s.r}`;
      for (const line of lines) {
        const t = stamp(map?.toLocal(line.t));
        const item = fromWireLine(line, id, t);
        const st = rowers.get(id) ?? { hub: s.hub, connected: false };
        rowers.set(id, st);
        if (item.kind === 'event' && item.event === 'connected') {
          st.connected = true;
          if (item.name) st.name = item.name;
        } else if (item.kind === 'event' && item.event === 'disconnected') st.connected = false;
        else if (item.kind === 'frame' && !st.connected) {
          // back after its hub was offline (the BLE link held): the display shows it live again
          st.connected = true;
          emit({ kind: 'event', t, rower: id, event: 'connected', ...(st.name ? { name: st.name } : {}) });
        }
        emit(item);
      }
    };

    const ask = (s: Stream, from: number, to: number | undefined): void => {
      const req: ReplayRequest = { v: 1, id: randomBytes(6).toString('hex'), sid: s.sid, r: s.r, from, ...(to !== undefined ? { to } : {}) };
      s.asked = { id: req.id, at: clock() };
      client.publish(topics.replayRequest(s.hub), JSON.stringify(req), { qos: 1 });
    };

    const askGaps = (): void => {
      const now = clock();
      for (const s of streams.values()) {
        deliver(s, s.order.tick(now));
        const g = s.order.gap();
        const key = `${s.hub}|${s.sid}|${s.r}`;
        if (!g && s.tailAsked && s.asked && !finished.has(key) && now - s.asked.at >= retryMs && s.order.expected !== undefined) ask(s, s.order.expected, undefined); // a tail request lost with a broker
        if (g && (!s.asked || now - s.asked.at >= retryMs)) {
          if (!s.asked) log(`${s.hub}/${s.r}: lines ${g.from}–${g.to} of hub session ${s.sid} missing; asking the hub to replay them`);
          ask(s, g.from, g.to);
        }
      }
    };

    const hubOffline = (hub: string): void => {
      const t = stamp(clock());
      for (const [id, st] of rowers) {
        if (st.hub !== hub || !st.connected) continue;
        st.connected = false;
        emit({ kind: 'event', t, rower: id, event: 'disconnected' });
      }
    };

    /** A hub came up with session `sid`: whatever its earlier sessions did not send is asked for from its recordings. */
    const askTails = (hub: string, sid: string): void => {
      const known = new Set([...streams.keys(), ...Object.keys(persisted)]);
      for (const key of known) {
        const [h, oldSid, r] = key.split('|') as [string, string, string];
        if (h !== hub || oldSid === sid) continue;
        const s = streamOf(h, oldSid, r);
        if (s.tailAsked || s.order.expected === undefined) continue;
        s.tailAsked = true;
        log(`${h}/${r}: asking hub ${h} for what its session ${oldSid} did not send (from line ${s.order.expected})`);
        ask(s, s.order.expected, undefined);
      }
    };

    const onMessage = (topic: string, payload: Buffer, retained: boolean): void => {
      const where = parseTopic(topic);
      if (!where) return;
      const bad = (reason: string): void => warnOnce(`${topic}:${reason}`, `mqtt: dropped a message on ${topic}: ${reason}`);
      if (where.kind === 'state') {
        const m = decodeMessage(hubState, payload);
        if (!m.ok) return bad(m.reason);
        const st = m.value;
        const prev = hubs.get(where.hub);
        if (st.state === 'online') {
          if (!retained && prev?.sid !== st.sid) freshSids.add(st.sid); // seen starting: its lines begin at seq 1
          if (!retained && st.now !== undefined) clockOf(where.hub, st.sid).observe(st.now, clock());
          hubs.set(where.hub, { sid: st.sid, online: true });
          if (prev?.online !== true) {
            log(`hub ${where.hub} online (session ${st.sid})`);
            // its recordings can fill the gaps of every session of it now: their wait starts again
            const now = clock();
            for (const s of streams.values()) if (s.hub === where.hub) s.order.hubOnline(now);
          }
          askTails(where.hub, st.sid);
        } else {
          if (prev?.sid !== undefined && prev.sid !== st.sid) return; // the will of an older session
          hubs.set(where.hub, { sid: st.sid, online: false });
          if (prev?.online !== false) log(`hub ${where.hub} offline`);
          hubOffline(where.hub);
        }
      } else if (where.kind === 'frames') {
        const m = decodeMessage(framesBatch, payload);
        if (!m.ok) return bad(m.reason);
        const b = m.value;
        clockOf(where.hub, b.sid).observe(b.now, clock());
        if (!hubs.has(where.hub)) hubs.set(where.hub, { sid: b.sid, online: true }); // its retained state was lost (a broker restarted without persistence)
        const now = clock();
        for (const line of b.lines) {
          const s = streamOf(where.hub, b.sid, line.r);
          deliver(s, s.order.accept(line.seq, line, now));
        }
        for (const [r, head] of Object.entries(b.heads ?? {})) streamOf(where.hub, b.sid, r).order.seenHead(head, now);
      } else if (where.kind === 'replay-response') {
        const m = decodeMessage(replayResponse, payload);
        if (!m.ok) return bad(m.reason);
        const res = m.value;
        const s = streams.get(`${where.hub}|${res.sid}|${res.r}`);
        if (!s) return;
        if (res.error) warnOnce(`replay:${where.hub}:${res.error}`, `hub ${where.hub} cannot replay: ${res.error}`);
        const now = clock();
        for (const line of res.lines) deliver(s, s.order.accept(line.seq, line, now));
        if (s.asked?.id === res.id) s.asked = undefined;
        const last = res.lines.at(-1);
        if (res.more && last) ask(s, last.seq + 1, undefined);
        else if (s.tailAsked) {
          finished.add(`${where.hub}|${res.sid}|${res.r}`);
          changed = true;
        }
      } else if (where.kind === 'info') {
        const m = decodeMessage(rowerInfo, payload);
        if (!m.ok) return bad(m.reason);
        const id = `${where.hub}/${m.value.id}`;
        const st = rowers.get(id) ?? { hub: where.hub, connected: false };
        st.name = m.value.name;
        rowers.set(id, st);
      }
    };
    const clockOf = (hub: string, sid: string): ClockMap => {
      const key = `${hub}|${sid}`;
      let c = clocks.get(key);
      if (!c) clocks.set(key, (c = new ClockMap()));
      return c;
    };

    const handler = (topic: string, payload: Buffer, packet: { retain: boolean }): void => {
      try {
        onMessage(topic, payload, packet.retain);
      } catch (err) {
        warnOnce(`crash:${topic}`, `mqtt: dropped a message on ${topic}: ${(err as Error).message}`);
      }
      // saved before this handler returns, i.e. before the broker gets its PUBACK: a central killed
      // now neither loses this batch nor records it twice after its restart
      if (changed) save();
    };
    const subscribe = (): void => {
      client.subscribe(CENTRAL_SUBSCRIPTIONS, { qos: 1 }, (err) => {
        if (err) log(`mqtt: subscribe failed: ${err.message}`);
      });
    };
    client.on('message', handler);
    client.on('connect', subscribe);
    if (client.connected) subscribe();
    function save(): void {
      changed = false;
      if (!o.heads) return;
      const next: Record<string, number> = { ...persisted };
      for (const [key, s] of streams) if (s.order.expected !== undefined) next[key] = s.order.expected;
      for (const key of finished) delete next[key];
      o.heads.save(next);
    }
    const ticker = setInterval(() => {
      askGaps();
      if (changed) save();
    }, 500);
    const beat = setInterval(() => emit({ kind: 'heartbeat', t: stamp(clock()) }), o.heartbeatMs ?? 1000);
    return () => {
      clearInterval(ticker);
      clearInterval(beat);
      save();
      client.off('message', handler);
      client.off('connect', subscribe);
    };
  });
}
