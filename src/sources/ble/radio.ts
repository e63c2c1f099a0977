/**
 * Shared access to one adapter: scanning runs while someone is looking for a device and no
 * connect is pending; connects run one at a time with scanning stopped (REFERENCE, noble notes).
 */
import { Observable, Subject } from 'rxjs';
import type { Noble, NoblePeripheral } from './noble-types.js';
import { withTimeout } from './with-timeout.js';

export interface RadioTimeouts {
  /** per scan start/stop call, ms */
  scanMs: number;
  /** per connect attempt, ms */
  connectMs: number;
}

export class Radio {
  private readonly discovered = new Subject<NoblePeripheral>();
  private lookers = 0;
  private connecting = false;
  private scanning = false;
  private scanOp: Promise<void> = Promise.resolve();
  private connectLock: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly onDiscover = (p: NoblePeripheral): void => this.discovered.next(p);

  constructor(
    readonly noble: Noble,
    private readonly timeouts: RadioTimeouts,
    private readonly log: (line: string) => void = () => {},
  ) {
    noble.on('discover', this.onDiscover);
  }

  /** Every advertisement seen while subscribed (duplicates included); scanning runs while anyone subscribes. */
  seen$(): Observable<NoblePeripheral> {
    return new Observable<NoblePeripheral>((subscriber) => {
      const sub = this.discovered.subscribe(subscriber);
      this.lookers += 1;
      this.updateScan();
      return () => {
        sub.unsubscribe();
        this.lookers -= 1;
        this.updateScan();
      };
    });
  }

  /** Connect `peripheral`, alone on the radio with scanning stopped; cancelConnect on timeout. */
  async connect(peripheral: NoblePeripheral): Promise<void> {
    const previous = this.connectLock;
    let release = (): void => {};
    this.connectLock = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      this.connecting = true;
      await this.updateScan();
      await withTimeout(peripheral.connectAsync(), this.timeouts.connectMs, `connect to ${peripheral.id}`, () => peripheral.cancelConnect());
    } finally {
      this.connecting = false;
      release();
      void this.updateScan();
    }
  }

  /** Stop scanning and detach from noble (lookers still subscribed just hear nothing more). */
  async close(): Promise<void> {
    this.closed = true;
    await this.updateScan();
    this.noble.removeListener('discover', this.onDiscover);
  }

  private updateScan(): Promise<void> {
    this.scanOp = this.scanOp.then(() => this.applyScan()).catch((err: unknown) => {
      this.log(`scan: ${err instanceof Error ? err.message : String(err)}`);
    });
    return this.scanOp;
  }

  private async applyScan(): Promise<void> {
    const want = !this.closed && this.lookers > 0 && !this.connecting;
    if (want === this.scanning) return;
    if (want) {
      // allowDuplicates: a device seen before its disconnect must be reported again to reconnect
      await withTimeout(
        new Promise<void>((resolve, reject) => this.noble.startScanning([], true, (err) => (err ? reject(err) : resolve()))),
        this.timeouts.scanMs,
        'start scanning',
      );
      this.scanning = true;
    } else {
      this.scanning = false;
      if (this.noble.state !== 'poweredOn') return; // adapter gone: nothing is scanning any more
      await withTimeout(new Promise<void>((resolve) => this.noble.stopScanning(() => resolve())), this.timeouts.scanMs, 'stop scanning');
    }
  }
}
