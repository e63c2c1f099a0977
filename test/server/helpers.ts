/** Shared helpers for the server tests: a real ws client with a message queue, and event builders. */
import WebSocket from 'ws';
import type { SessionEvent } from '../../src/session/state.js';
import type { Interval } from '../../src/analysis/types.js';

export interface TestClient {
  ws: WebSocket;
  messages: Array<{ type: string } & Record<string, unknown>>;
  /** resolves with the next message (optionally of a given type) not yet taken */
  next(type?: string, timeoutMs?: number): Promise<{ type: string } & Record<string, unknown>>;
  closed: Promise<{ code: number }>;
}

/** Opens a ws client to `url` and collects everything it receives (`opts`: headers, origin, localAddress). */
export async function connect(url: string, opts: WebSocket.ClientOptions = {}): Promise<TestClient> {
  const ws = new WebSocket(url, opts);
  const messages: TestClient['messages'] = [];
  let taken = 0;
  const waiters: Array<() => void> = [];
  ws.on('message', (data) => {
    messages.push(JSON.parse(String(data)) as TestClient['messages'][number]);
    for (const w of waiters.splice(0)) w();
  });
  const closed = new Promise<{ code: number }>((resolve) => ws.on('close', (code) => resolve({ code })));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
  const next: TestClient['next'] = async (type, timeoutMs = 3000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (taken < messages.length) {
        const m = messages[taken++]!;
        if (type === undefined || m.type === type) return m;
      }
      if (Date.now() > deadline) throw new Error(`no ${type ?? 'message'} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  };
  return { ws, messages, next, closed };
}

/** Tries to open a ws client and expects the upgrade to be answered with HTTP instead: its status and JSON body. */
export async function refusedUpgrade(url: string, opts: WebSocket.ClientOptions = {}): Promise<{ status: number; body: { error: { code: string; message: string } } }> {
  const ws = new WebSocket(url, opts);
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      ws.close();
      reject(new Error('the upgrade was accepted'));
    });
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += String(d)));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as { error: { code: string; message: string } } });
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      });
    });
  });
}

export const rowerEv = (rower: string, name: string, t = 0): SessionEvent => ({ type: 'rower', rower, name, connected: true, t });

export const sampleEv = (rower: string, t: number, powerW = 300): SessionEvent => ({
  type: 'sample',
  rower,
  sample: { t, rower, powerW, strokeRate: 32, distanceM: t / 250, paceS500: 105, heartRate: 150 },
});

export const phaseEv = (rower: string, kind: 'work' | 'rest' | 'warmup' | 'cooldown' | 'idle', start: number, index?: number): SessionEvent => ({
  type: 'phase',
  phase: { rower, kind, start, provisional: false, ...(index !== undefined ? { index } : {}) },
});

export function workInterval(rower: string, index: number, start: number, allOut: boolean, note = ''): Interval {
  return {
    rower,
    index,
    kind: 'work',
    start,
    end: start + 30_000,
    stats: { durationS: 30, avgPowerW: 400, peakPowerW: 520 },
    verdict: {
      allOut,
      score: allOut ? 90 : 40,
      kind: allOut ? 'all-out' : 'held-back',
      reasons: [{ code: 'PEAK', pass: allOut, value: 520, threshold: 500, message: `peak 520 W${note}` }],
    },
  };
}

export const intervalEv = (iv: Interval): SessionEvent => ({ type: 'interval', interval: iv });

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
