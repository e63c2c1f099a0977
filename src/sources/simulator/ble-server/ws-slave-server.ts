/**
 * Serves a `VirtualBindings` over noble's websocket ("ws-slave") JSON protocol — the one
 * `NOBLE_WEBSOCKET=1` makes noble speak (node_modules/@abandonware/noble/lib/websocket/bindings.js):
 * commands `{action, peripheralUuid, ...}` in, events `{type, peripheralUuid, ...}` out, binary
 * values as hex. noble's client always dials ws://localhost:2846.
 */
import { WebSocketServer, type WebSocket } from 'ws';
import type { VirtualBindings } from './virtual-bindings.js';

export const WS_SLAVE_PORT = 0xb1e; // 2846, fixed in noble's websocket bindings

export interface WsSlaveServer {
  port: number;
  /** send `text` as it is to every connected central (a faulty remote adapter, for tests) */
  sendRaw(text: string): void;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;
const hex = (b: unknown): string | null => (Buffer.isBuffer(b) ? b.toString('hex') : null);

/** Translate bindings events to ws-slave messages (the inverse of the client's `_onMessage`). */
function eventMessages(bindings: VirtualBindings, send: (msg: Json) => void): Array<() => void> {
  const handlers: Record<string, (...a: never[]) => Json> = {
    discover: (peripheralUuid: string, address: string, addressType: string, connectable: boolean, adv: { localName?: string; serviceUuids?: string[]; serviceData?: Array<{ data: Buffer }> }, rssi: number) => ({
      peripheralUuid,
      address,
      addressType,
      connectable,
      advertisement: { localName: adv.localName, serviceUuids: adv.serviceUuids, manufacturerData: null, serviceData: hex(adv.serviceData?.[0]?.data) },
      rssi,
    }),
    connect: (peripheralUuid: string) => ({ peripheralUuid }),
    disconnect: (peripheralUuid: string) => ({ peripheralUuid }),
    rssiUpdate: (peripheralUuid: string, rssi: number) => ({ peripheralUuid, rssi }),
    servicesDiscover: (peripheralUuid: string, serviceUuids: string[]) => ({ peripheralUuid, serviceUuids }),
    includedServicesDiscover: (peripheralUuid: string, serviceUuid: string, includedServiceUuids: string[]) => ({ peripheralUuid, serviceUuid, includedServiceUuids }),
    characteristicsDiscover: (peripheralUuid: string, serviceUuid: string, characteristics: unknown) => ({ peripheralUuid, serviceUuid, characteristics }),
    read: (peripheralUuid: string, serviceUuid: string, characteristicUuid: string, data: Buffer, isNotification: boolean) => ({ peripheralUuid, serviceUuid, characteristicUuid, data: hex(data), isNotification }),
    write: (peripheralUuid: string, serviceUuid: string, characteristicUuid: string) => ({ peripheralUuid, serviceUuid, characteristicUuid }),
    notify: (peripheralUuid: string, serviceUuid: string, characteristicUuid: string, state: boolean) => ({ peripheralUuid, serviceUuid, characteristicUuid, state }),
    descriptorsDiscover: (peripheralUuid: string, serviceUuid: string, characteristicUuid: string, descriptors: string[]) => ({ peripheralUuid, serviceUuid, characteristicUuid, descriptors }),
    valueWrite: (peripheralUuid: string, serviceUuid: string, characteristicUuid: string, descriptorUuid: string) => ({ peripheralUuid, serviceUuid, characteristicUuid, descriptorUuid }),
  };
  return Object.entries(handlers).map(([type, toMsg]) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- event arguments are typed per handler above
    const listener = (...args: any[]): void => send({ type, ...toMsg(...(args as never[])) });
    bindings.on(type, listener);
    return () => bindings.removeListener(type, listener);
  });
}

/** Apply one client command to the bindings. Unknown actions are ignored, as ws-slave does. */
function applyCommand(bindings: VirtualBindings, c: Json): void {
  const id = String(c.peripheralUuid ?? '');
  const svc = String(c.serviceUuid ?? '');
  const chr = String(c.characteristicUuid ?? '');
  const data = typeof c.data === 'string' ? Buffer.from(c.data, 'hex') : Buffer.alloc(0);
  switch (c.action) {
    case 'startScanning': return bindings.startScanning(c.serviceUuids as string[], Boolean(c.allowDuplicates));
    case 'stopScanning': return bindings.stopScanning();
    case 'connect': return bindings.connect(id);
    case 'disconnect': return bindings.disconnect(id);
    case 'updateRssi': return bindings.updateRssi(id);
    case 'discoverServices': return bindings.discoverServices(id, (c.uuids as string[] | undefined) ?? []);
    case 'discoverIncludedServices': return bindings.discoverIncludedServices(id, svc);
    case 'discoverCharacteristics': return bindings.discoverCharacteristics(id, svc, (c.characteristicUuids as string[] | undefined) ?? []);
    case 'read': return bindings.read(id, svc, chr);
    case 'write': return bindings.write(id, svc, chr, data);
    case 'notify': return bindings.notify(id, svc, chr, Boolean(c.notify));
    case 'discoverDescriptors': return bindings.discoverDescriptors(id, svc, chr);
    case 'writeValue': return bindings.writeValue(id, svc, chr, String(c.descriptorUuid ?? ''), data);
    default: return undefined;
  }
}

/** Listen on `port` (default 2846; 0 = any) and serve `bindings` to noble clients. */
export function startWsSlaveServer(bindings: VirtualBindings, opts: { port?: number; host?: string } = {}): Promise<WsSlaveServer> {
  const clients = new Set<WebSocket>();
  const send = (msg: Json): void => {
    const text = JSON.stringify(msg);
    for (const ws of clients) ws.send(text);
  };
  const detach = eventMessages(bindings, send);
  const wss = new WebSocketServer({ port: opts.port ?? WS_SLAVE_PORT, host: opts.host ?? 'localhost' });
  wss.on('connection', (ws) => {
    // like noble's ws-slave, the newest central wins: a stale one must not keep devices connected
    for (const old of clients) old.terminate();
    clients.clear();
    bindings.stopScanning();
    bindings.reset();
    clients.add(ws);
    ws.on('message', (raw) => {
      try {
        applyCommand(bindings, JSON.parse(String(raw)) as Json);
      } catch {
        // a malformed command is dropped, the link stays up
      }
    });
    ws.on('close', () => {
      if (!clients.delete(ws)) return; // replaced by a newer central
      if (clients.size === 0) {
        bindings.stopScanning();
        bindings.reset(); // the central went away: its connections are gone
      }
    });
    ws.send(JSON.stringify({ type: 'stateChange', state: 'poweredOn' }));
  });
  return new Promise((resolve, reject) => {
    wss.once('error', reject);
    wss.once('listening', () => {
      const addr = wss.address();
      resolve({
        port: typeof addr === 'object' && addr ? addr.port : (opts.port ?? WS_SLAVE_PORT),
        sendRaw: (text) => {
          for (const ws of clients) ws.send(text);
        },
        close: () =>
          new Promise<void>((done) => {
            for (const undo of detach) undo();
            for (const ws of clients) ws.terminate();
            wss.close(() => done());
          }),
      });
    });
  });
}
