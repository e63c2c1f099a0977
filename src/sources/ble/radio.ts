/**
 * Shared access to one adapter: scanning runs while someone is looking for a device, the adapter
 * is poweredOn and no connect is pending; connects run one at a time with scanning stopped
 * (docs/ftms.md §5). When the adapter leaves poweredOn (switched off, unplugged, the remote
 * ws-slave gone) every link through it is gone: noble says nothing per device, so the radio ends
 * each one itself (a `disconnect` on the peripheral, a failed pending connect) and resumes
 * scanning when poweredOn returns.
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
  /** null until the adapter was first poweredOn */
  private wasOn: boolean | null = null;
  /** peripherals ever connected through this radio: the ones to end when the adapter goes */
  private readonly peripherals = new Set<NoblePeripheral>();
  private readonly onDiscover = (p: NoblePeripheral): void => this.discovered.next(p);
  private readonly onStateChange = (state: string): void => {
    this.scanning = false; // a scan never survives an adapter state change
    if (state !== 'poweredOn') {
      if (this.wasOn) this.log(`Bluetooth adapter ${state}: every link through it is lost; waiting for it to come back`);
      this.dropAllLinks();
    } else if (this.wasOn !== null) this.log('Bluetooth adapter poweredOn again: reconnecting');
    this.wasOn = state === 'poweredOn' ? true : this.wasOn === null ? null : false;
    void this.updateScan();
  };

  constructor(
    readonly noble: Noble,
    private readonly timeouts: RadioTimeouts,
    private readonly log: (line: string) => void = () => {},
  ) {
    noble.on('discover', this.onDiscover);
    noble.on('stateChange', this.onStateChange);
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
    this.peripherals.add(peripheral);
    if (this.noble.state !== 'poweredOn') {
      release(); // the adapter went away since the device was seen: fail fast, the reconnect policy retries
      throw new Error(`the Bluetooth adapter is ${this.noble.state}`);
    }
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
    this.noble.removeListener('stateChange', this.onStateChange);
  }

  /**
   * The adapter is gone: mark every link down the way noble does on a real disconnect (state, then
   * the peripheral's `disconnect` event) and fail a pending connect, so each device's connection
   * ends and its reconnect policy takes over. Peripheral.state is noble's public, writable field.
   */
  private dropAllLinks(): void {
    for (const p of this.peripherals) {
      const was = p.state;
      if (was === 'disconnected' || was === 'error') continue;
      p.state = 'disconnected';
      if (was === 'connecting') p.emit('connect', new Error('the Bluetooth adapter went away during the connect'));
      else p.emit('disconnect', 'adapter-lost');
    }
  }

  private updateScan(): Promise<void> {
    this.scanOp = this.scanOp.then(() => this.applyScan()).catch((err: unknown) => {
      this.log(`scan: ${err instanceof Error ? err.message : String(err)}`);
    });
    return this.scanOp;
  }

  private async applyScan(): Promise<void> {
    // not poweredOn: nothing can scan; the stateChange to poweredOn applies this again
    const want = !this.closed && this.lookers > 0 && !this.connecting && this.noble.state === 'poweredOn';
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
