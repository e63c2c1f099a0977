/**
 * How `live`, `replay` and the demo stop on Ctrl-C / SIGTERM. The first signal asks for a graceful
 * stop, which gets `graceMs` (2 s) before open connections (a slow request, a display's WebSocket)
 * are destroyed, and `hardMs` more before the process exits anyway. A second signal exits at once.
 * Either way the synchronous last steps (closing the recording) run first, so the file is complete.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ShutdownOptions {
  /** graceful stop budget before connections are destroyed, ms */
  graceMs?: number;
  /** after that, time left before exiting regardless, ms */
  hardMs?: number;
  log?: (line: string) => void;
  /** default process.exit */
  exit?: (code: number) => void;
}

const SIGNAL_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

export class Shutdown {
  /** resolves with the first signal */
  readonly requested: Promise<NodeJS.Signals>;
  private readonly steps: Array<() => void> = [];
  private readonly graceMs: number;
  private readonly hardMs: number;
  private readonly log: (line: string) => void;
  private readonly exit: (code: number) => void;
  private signals = 0;
  private resolveRequested: (s: NodeJS.Signals) => void = () => {};
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    this.signals += 1;
    if (this.signals === 1) return this.resolveRequested(signal);
    this.log(`${signal} again: stopping now`);
    this.force(SIGNAL_CODES[signal] ?? 1);
  };

  constructor(opts: ShutdownOptions = {}) {
    this.graceMs = opts.graceMs ?? 2_000;
    this.hardMs = opts.hardMs ?? 1_000;
    this.log = opts.log ?? ((line) => void process.stderr.write(`${line}\n`));
    this.exit = opts.exit ?? ((code) => process.exit(code));
    this.requested = new Promise((resolve) => (this.resolveRequested = resolve));
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
  }

  /** A synchronous, idempotent step that must run even when the stop is forced (close the recording). */
  lastly(step: () => void): void {
    this.steps.push(step);
  }

  /**
   * Run `graceful`; when it is not done after graceMs, call `force` (destroy connections) and give
   * it hardMs more, then run the last steps and exit 0. Resolves when `graceful` is done in time.
   */
  async drain(graceful: () => Promise<void>, force: () => void): Promise<void> {
    const done = graceful().then(
      () => true,
      () => true,
    );
    const timeout = (ms: number): Promise<boolean> => new Promise((r) => setTimeout(() => r(false), ms).unref());
    if (await Promise.race([done, timeout(this.graceMs)])) return;
    this.log(`still stopping after ${this.graceMs / 1000} s: closing the open connections`);
    force();
    if (await Promise.race([done, timeout(this.hardMs)])) return;
    this.log('could not stop cleanly: exiting');
    this.force(0);
  }

  /** Remove the signal handlers. */
  dispose(): void {
    process.removeListener('SIGINT', this.onSignal);
    process.removeListener('SIGTERM', this.onSignal);
  }

  private force(code: number): void {
    for (const step of this.steps.splice(0)) {
      try {
        step();
      } catch (err) {
        this.log(`while stopping: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    this.exit(code);
  }
}

/** Track `server`'s sockets (upgraded WebSockets included) so a forced stop can destroy them all. */
export function connectionTracker(server: Server): () => void {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  return () => {
    for (const s of sockets) s.destroy();
  };
}
