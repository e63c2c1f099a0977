/**
 * noble's websocket bindings (NOBLE_WEBSOCKET=1: `lib/websocket/bindings.js` of the pinned
 * @abandonware/noble 1.9.2-26), made fit for a long session with a remote adapter:
 * - every message from the ws-slave is parsed and checked here (`ws-message.ts`); a malformed one
 *   is logged and dropped (noble's own `JSON.parse` and field accesses threw from the socket's
 *   data handler: one bad line was an uncaught exception), and an exception noble still throws
 *   while handling a well-formed one is caught and logged;
 * - a lost link (the ws-slave died, or handed the adapter to another central) is redialled with
 *   backoff when asked (`live`): noble dials once and would stay poweredOff for ever; the ws-slave's own
 *   `stateChange poweredOn` on the new link then brings the rowers back (radio.ts);
 * - commands while the link is down are dropped with one line, not a stack trace per command.
 * This reaches into noble's bindings object (`_bindings`, `_ws`, `_sendCommand`); the version is
 * pinned, and an unexpected shape leaves noble as it is, with a log line.
 */
import type { EventEmitter } from 'node:events';
import WebSocket from 'ws';
import { backoffMs } from './reconnect.js';
import { parseWsSlaveMessage } from './ws-message.js';

/** The part of noble's websocket bindings object this module replaces. */
interface WsBindings extends EventEmitter {
  _ws: WebSocket;
  _sendCommand: (command: unknown, errorCallback?: (err: unknown) => void) => void;
}

export interface WsTransportOptions {
  log: (line: string) => void;
  /** noble's websocket bindings always dial this address */
  url?: string;
  /** redial a lost link (a long-running `live`); a one-shot `scan` must not fight a newer central for it */
  redial?: boolean;
  /** redial delays, ms: initial × 2^(n-1) capped at max */
  redialMs?: { initialMs: number; maxMs: number };
}

export interface WsTransport {
  /** malformed messages dropped so far */
  readonly malformed: number;
  /** turn redialling on or off (noble is loaded once per process; `start` hands it on to `live`) */
  setRedial(on: boolean): void;
  /** stop redialling and close the link */
  close(): void;
}

const isWsBindings = (b: unknown): b is WsBindings => {
  const o = b as Partial<WsBindings> | null;
  const ws = o?._ws as Partial<WebSocket> | undefined;
  return typeof o === 'object' && o !== null && typeof o.emit === 'function' && typeof o._sendCommand === 'function' && typeof ws?.on === 'function' && typeof ws.readyState === 'number';
};

const taken = new WeakMap<object, WsTransport>();

/**
 * Take over the link of noble's websocket bindings inside `noble` (once per bindings: a second call
 * returns the first transport, with redialling as asked); null (and a log line) when they are not there.
 */
export function hardenWsTransport(noble: unknown, opts: WsTransportOptions): WsTransport | null {
  const existing = taken.get((noble as { _bindings?: object } | null)?._bindings ?? {});
  if (existing) {
    if (opts.redial !== undefined) existing.setRedial(opts.redial);
    return existing;
  }
  const found = (noble as { _bindings?: unknown } | null)?._bindings;
  if (!isWsBindings(found)) {
    opts.log('NOBLE_WEBSOCKET: noble\'s websocket bindings look different from 1.9.2-26; running them unguarded');
    return null;
  }
  const bindings: WsBindings = found;
  const url = opts.url ?? 'ws://localhost:2846';
  const redial = opts.redialMs ?? { initialMs: 500, maxMs: 5_000 };
  let redialling = opts.redial ?? false;
  let ws = bindings._ws;
  let up = ws.readyState === WebSocket.OPEN;
  let everUp = up;
  let attempts = 0;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let malformed = 0;
  let dropped = 0;

  const dispatch = (raw: WebSocket.RawData): void => {
    const msg = parseWsSlaveMessage(raw);
    if (!msg.ok) {
      malformed += 1;
      if (malformed <= 5 || malformed % 100 === 0) opts.log(`remote adapter: dropped a malformed message (${msg.reason}; ${malformed} so far)`);
      return;
    }
    try {
      bindings.emit('message', msg.message);
    } catch (err) {
      malformed += 1;
      if (malformed <= 5 || malformed % 100 === 0) opts.log(`remote adapter: a "${msg.message.type}" message noble could not handle was dropped (${err instanceof Error ? err.message : String(err)}; ${malformed} so far)`);
    }
  };

  const lost = (socket: WebSocket): void => {
    if (socket !== ws || closed) return;
    if (up || (!everUp && attempts === 0)) {
      // link lost, or the very first dial failed (the start-up check reports ADAPTER_OFF, as before)
      if (up) opts.log(`remote adapter at ${url}: link lost${redialling ? '; redialling' : ''}`);
      up = false;
      bindings.emit('stateChange', 'poweredOff');
    }
    if (timer === undefined && redialling) {
      attempts += 1;
      timer = setTimeout(dial, backoffMs(attempts, redial.initialMs, redial.maxMs));
      timer.unref();
    }
  };

  const adopt = (socket: WebSocket): void => {
    socket.removeAllListeners('message');
    socket.removeAllListeners('open');
    socket.removeAllListeners('close');
    socket.removeAllListeners('error');
    socket.on('message', dispatch);
    socket.on('open', () => {
      if (socket !== ws) return;
      up = true;
      attempts = 0;
      if (everUp) opts.log(`remote adapter at ${url}: link back`);
      everUp = true;
    });
    socket.on('close', () => lost(socket));
    socket.on('error', () => lost(socket)); // 'close' follows; an unhandled 'error' would crash
  };

  function dial(): void {
    timer = undefined;
    if (closed) return;
    ws = new WebSocket(url);
    bindings._ws = ws;
    adopt(ws);
  }

  bindings._sendCommand = (command: unknown, errorCallback?: (err: unknown) => void): void => {
    if (ws.readyState !== WebSocket.OPEN) {
      dropped += 1;
      if (dropped === 1 || dropped % 100 === 0) opts.log(`remote adapter link is down: dropped a command (${dropped} so far)`);
      errorCallback?.(new Error('remote adapter link is down'));
      return;
    }
    ws.send(JSON.stringify(command), (err) => {
      if (err) errorCallback?.(err);
    });
  };

  adopt(ws);
  if (ws.readyState === WebSocket.CLOSING || ws.readyState === WebSocket.CLOSED) lost(ws);
  const transport: WsTransport = {
    get malformed() {
      return malformed;
    },
    setRedial(on) {
      redialling = on;
      if (on && (ws.readyState === WebSocket.CLOSING || ws.readyState === WebSocket.CLOSED) && timer === undefined && !closed) {
        attempts += 1;
        timer = setTimeout(dial, backoffMs(attempts, redial.initialMs, redial.maxMs));
        timer.unref();
      }
    },
    close() {
      closed = true;
      clearTimeout(timer);
      ws.close();
    },
  };
  taken.set(bindings, transport);
  return transport;
}
