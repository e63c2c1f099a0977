/**
 * A hub's MQTT side: retained `state` (online now, offline as the last-will), retained rower
 * `availability`/`info`, the recorded lines in batches on `frames` (QoS 1), and answers to
 * `replay/request` from the hub's recordings. Everything retained is published again after every
 * (re)connect: a broker restarted without persistence has forgotten it (zigbee2mqtt does the same).
 */
import type { MqttClient } from 'mqtt';
import type { RecordingItem } from '../recording/format.js';
import { partPath } from '../recording/live-recorder.js';
import { Batcher } from './batcher.js';
import { decodeMessage, type HubState, replayRequest } from './messages.js';
import { answerReplay } from './replay-answer.js';
import { slugify, topics } from './topics.js';

export interface HubBridgeOptions {
  client: MqttClient;
  hub: string;
  sid: string;
  /** the hub's monotonic clock, ms (the same one that stamps the frames) */
  clock: () => number;
  startedAt: string;
  /** recording files of a hub session (the current one's grow when the disk fails: parts) */
  sessionPaths: (sid: string) => readonly string[] | undefined;
  /** lines of the current session that could not be recorded (replays from it would be misnumbered) */
  unrecorded: () => number;
  flushMs?: number;
  log: (line: string) => void;
}

/** The last-will a hub connects with: its state offline, retained. */
export function hubWill(hub: string, sid: string): { topic: string; payload: Buffer; qos: 1; retain: true } {
  const state: HubState = { v: 1, state: 'offline', sid };
  return { topic: topics.state(hub), payload: Buffer.from(JSON.stringify(state)), qos: 1, retain: true };
}

export class HubBridge {
  private readonly batcher: Batcher;
  private readonly rowers = new Map<string, { name: string; online: boolean }>();
  private readonly timer: NodeJS.Timeout;
  private readonly warned = new Set<string>();

  constructor(private readonly o: HubBridgeOptions) {
    this.batcher = new Batcher(o.sid);
    o.client.on('connect', () => this.onConnect());
    o.client.on('message', (topic, payload) => {
      if (topic === topics.replayRequest(o.hub)) void this.onReplay(payload);
    });
    if (o.client.connected) this.onConnect();
    this.timer = setInterval(() => this.flush(), o.flushMs ?? 400);
  }

  /** A line the hub recorded: number it and queue it for the next batch. */
  recorded(item: RecordingItem): void {
    this.batcher.add(item);
    if (item.kind !== 'event') return;
    if (item.event === 'connected') {
      const r = { name: item.name ?? this.rowers.get(item.rower)?.name ?? item.rower, online: true };
      this.rowers.set(item.rower, r);
      this.publishRower(item.rower);
    } else if (item.event === 'disconnected' && this.rowers.has(item.rower)) {
      this.rowers.get(item.rower)!.online = false;
      this.publishRower(item.rower);
    }
  }

  /** Send what is queued, then the offline state; resolves when the broker has it (or after `ms`). */
  async close(ms = 1500): Promise<void> {
    clearInterval(this.timer);
    this.flush();
    for (const id of this.rowers.keys()) this.rowers.get(id)!.online = false;
    for (const id of this.rowers.keys()) this.publishRower(id);
    const off: HubState = { v: 1, state: 'offline', sid: this.o.sid, now: this.o.clock() };
    this.publish(topics.state(this.o.hub), off, true);
    await Promise.race([new Promise<void>((r) => this.o.client.end(false, {}, () => r())), new Promise<void>((r) => setTimeout(r, ms))]);
  }

  private onConnect(): void {
    const { hub, sid } = this.o;
    // subscribed before "online" goes out: a central asks for replays as soon as it sees it, and the
    // broker handles one client's packets in order, so no such request can arrive unheard
    this.o.client.subscribe(topics.replayRequest(hub), { qos: 1 });
    const online: HubState = { v: 1, state: 'online', sid, now: this.o.clock(), startedAt: this.o.startedAt };
    this.publish(topics.state(hub), online, true);
    for (const id of this.rowers.keys()) this.publishRower(id);
  }

  private publishRower(id: string): void {
    const r = this.rowers.get(id);
    if (!r) return;
    const slug = slugify(id);
    this.publish(topics.availability(this.o.hub, slug), { v: 1, state: r.online ? 'online' : 'offline' }, true);
    this.publish(topics.info(this.o.hub, slug), { v: 1, id, name: r.name, sid: this.o.sid }, true);
  }

  private flush(): void {
    const batch = this.batcher.flush(this.o.clock());
    if (batch) this.publish(topics.frames(this.o.hub), batch, false);
  }

  private async onReplay(payload: Buffer): Promise<void> {
    const m = decodeMessage(replayRequest, payload);
    if (!m.ok) return this.warnOnce('replay', `replay request dropped: ${m.reason}`);
    const req = m.value;
    const paths = this.o.sessionPaths(req.sid);
    const base = { v: 1 as const, id: req.id, sid: req.sid, r: req.r, lines: [], more: false };
    let answer;
    if (!paths) answer = { ...base, error: 'unknown hub session' };
    else if (req.sid === this.o.sid && this.o.unrecorded() > 0) answer = { ...base, error: 'this session lost lines to a disk fault: its recording cannot be numbered' };
    else answer = await answerReplay(req, paths);
    this.publish(topics.replayResponse(this.o.hub), answer, false);
  }

  private publish(topic: string, payload: unknown, retain: boolean): void {
    this.o.client.publish(topic, JSON.stringify(payload), { qos: 1, retain }, (err) => {
      if (err) this.warnOnce(`pub:${err.message}`, `mqtt publish failed: ${err.message}`);
    });
  }

  private warnOnce(key: string, line: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.o.log(line);
  }
}

/** Every file of a recording that started at `first` and may have continued in parts (live-recorder.ts). */
export function recordingParts(first: string, upTo = 50): string[] {
  return [first, ...Array.from({ length: upTo - 1 }, (_, i) => partPath(first, i + 2))];
}
