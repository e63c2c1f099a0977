/**
 * A loopback TCP relay that can "cut the network": while cut, no byte moves either way (the
 * sockets stay open, as behind a dead Wi-Fi link) and new connections hang; on heal, links that
 * lived through the cut are dropped (their peers gave up on them) and new ones flow again.
 */
import { createConnection, createServer, type Socket } from 'node:net';

export interface Relay {
  port: number;
  cut(): void;
  heal(): void;
  close(): Promise<void>;
}

export async function startRelay(targetPort: number): Promise<Relay> {
  let cut = false;
  const pairs = new Set<{ a: Socket; b: Socket; stale: boolean }>();
  const server = createServer((a) => {
    const b = createConnection({ port: targetPort, host: '127.0.0.1' });
    const pair = { a, b, stale: cut };
    pairs.add(pair);
    if (cut) {
      a.pause();
      b.pause();
    } else {
      a.pipe(b);
      b.pipe(a);
    }
    const end = (): void => {
      a.destroy();
      b.destroy();
      pairs.delete(pair);
    };
    a.on('error', end).on('close', end);
    b.on('error', end).on('close', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as { port: number }).port,
    cut() {
      cut = true;
      for (const p of pairs) {
        p.stale = true;
        p.a.unpipe(p.b);
        p.b.unpipe(p.a);
        p.a.pause();
        p.b.pause();
      }
    },
    heal() {
      cut = false;
      for (const p of [...pairs]) {
        p.a.destroy();
        p.b.destroy();
      }
    },
    close: () => new Promise<void>((r) => {
      for (const p of pairs) {
        p.a.destroy();
        p.b.destroy();
      }
      server.close(() => r());
    }),
  };
}
