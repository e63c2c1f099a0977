/** The `/ws` connection: reconnects with backoff (0.5 s doubling to 10 s) and hands every message on. */
import type { ServerMessage } from '../../src/server/protocol.js';

export interface FeedHandlers {
  message(msg: ServerMessage): void;
  online(up: boolean): void;
}

/** Connects to the feed and keeps reconnecting; each reconnect starts from `hello` alone. */
export function openFeed(url: string, h: FeedHandlers): void {
  let delayMs = 500;
  const connect = () => {
    const ws = new WebSocket(url);
    ws.onopen = () => {
      delayMs = 500;
      h.online(true);
    };
    ws.onmessage = (e) => {
      try {
        h.message(JSON.parse(String(e.data)) as ServerMessage);
      } catch (err) {
        console.warn('bad message', err);
      }
    };
    ws.onclose = () => {
      h.online(false);
      const wait = delayMs * (0.8 + Math.random() * 0.4);
      delayMs = Math.min(10_000, delayMs * 2);
      setTimeout(connect, wait);
    };
  };
  connect();
}
