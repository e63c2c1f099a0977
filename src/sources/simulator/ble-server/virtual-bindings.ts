/**
 * noble's bindings interface over simulated devices: hand it to
 * `require('@abandonware/noble/with-bindings')` and noble's real Peripheral/Characteristic code
 * runs against it; `ws-slave-server.ts` serves the same object over noble's websocket protocol.
 * The peer of a real adapter, not a test mock: it answers only what a device would answer.
 */
import { EventEmitter } from 'node:events';
import { type ControlResultName, decodeControlPointRequest, encodeControlPointResponse } from '../../../ftms/control-point.js';
import { CLIENT_CHARACTERISTIC_CONFIGURATION, CONTROL_POINT, FTMS_SERVICE, ROWER_DATA } from '../../../ftms/uuids.js';
import { GATT, ROWER_SERVICE_DATA, readValue, serviceOf, type VirtualDeviceSpec } from './virtual-device.js';

interface DeviceState {
  spec: VirtualDeviceSpec;
  up: boolean;
  connected: boolean;
  notifying: Set<string>;
  hasControl: boolean;
  started: boolean;
}

export interface VirtualBindingsOptions {
  /** adapter state reported on init (default poweredOn) */
  state?: string;
  /** advertisement interval while scanning, ms */
  advertiseMs?: number;
  /** latency of every answer, ms */
  latencyMs?: number;
}

export class VirtualBindings extends EventEmitter {
  private readonly devices = new Map<string, DeviceState>();
  private scanTimer: ReturnType<typeof setInterval> | undefined;
  private powered = true;
  /** bumped by powerOff: answers scheduled before it are never delivered (the adapter is gone) */
  private epoch = 0;
  /** every command received, for tests (`connect`, `notify 2ad1 true`, `write 2ad9 00`...) */
  readonly commands: string[] = [];

  constructor(specs: VirtualDeviceSpec[], private readonly opts: VirtualBindingsOptions = {}) {
    super();
    for (const spec of specs) this.devices.set(spec.id, { spec, up: true, connected: false, notifying: new Set(), hasControl: false, started: false });
  }

  init(): void {
    this.later(() => this.emit('stateChange', this.opts.state ?? 'poweredOn'));
  }

  startScanning(_uuids?: string[], _allowDuplicates?: boolean): void {
    this.stopTimer();
    this.scanTimer = setInterval(() => this.advertise(), this.opts.advertiseMs ?? 100);
    this.later(() => {
      this.emit('scanStart', false);
      this.advertise();
    });
  }

  stopScanning(): void {
    this.stopTimer();
    this.later(() => this.emit('scanStop'));
  }

  connect(id: string): void {
    this.commands.push(`connect ${id}`);
    const d = this.devices.get(id);
    if (!d || d.spec.hangConnect || !d.up || !this.powered) return; // a connect to an absent device pends, as on a real adapter
    this.later(() => {
      d.connected = true;
      this.emit('connect', id);
    });
  }

  cancelConnect(id: string): void {
    this.commands.push(`cancelConnect ${id}`);
  }

  disconnect(id: string): void {
    this.commands.push(`disconnect ${id}`);
    const d = this.devices.get(id);
    if (d?.connected) this.later(() => this.linkLost(d, 'local'));
  }

  updateRssi(id: string): void {
    this.later(() => this.emit('rssiUpdate', id, this.devices.get(id)?.spec.rssi ?? -60));
  }

  discoverServices(id: string, uuids: string[] = []): void {
    const d = this.connectedDevice(id);
    if (!d) return;
    const have = d.spec.services ?? [FTMS_SERVICE];
    this.later(() => this.emit('servicesDiscover', id, uuids.length ? have.filter((s) => uuids.includes(s)) : have));
  }

  discoverIncludedServices(id: string, serviceUuid: string): void {
    this.later(() => this.emit('includedServicesDiscover', id, serviceUuid, []));
  }

  discoverCharacteristics(id: string, serviceUuid: string, uuids: string[] = []): void {
    if (!this.connectedDevice(id)) return;
    const chars = (GATT[serviceUuid] ?? []).filter((c) => uuids.length === 0 || uuids.includes(c.uuid));
    this.later(() => this.emit('characteristicsDiscover', id, serviceUuid, chars.map((c) => ({ uuid: c.uuid, properties: [...c.properties] }))));
  }

  read(id: string, serviceUuid: string, charUuid: string): void {
    const d = this.connectedDevice(id);
    const value = d && readValue(d.spec, charUuid);
    if (value) this.later(() => this.emit('read', id, serviceUuid, charUuid, value, false));
  }

  write(id: string, serviceUuid: string, charUuid: string, data: Buffer): void {
    this.commands.push(`write ${charUuid} ${data.toString('hex')}`);
    const d = this.connectedDevice(id);
    if (!d) return;
    this.later(() => {
      this.emit('write', id, serviceUuid, charUuid);
      if (charUuid === CONTROL_POINT && data.length > 0) this.controlPoint(d, serviceUuid, data);
    });
  }

  notify(id: string, serviceUuid: string, charUuid: string, on: boolean): void {
    this.commands.push(`notify ${charUuid} ${on}`);
    const d = this.connectedDevice(id);
    if (!d || d.spec.hangSubscribe?.includes(charUuid)) return;
    this.later(() => {
      if (on) d.notifying.add(charUuid);
      else d.notifying.delete(charUuid);
      this.emit('notify', id, serviceUuid, charUuid, on);
    });
  }

  discoverDescriptors(id: string, serviceUuid: string, charUuid: string): void {
    if (!this.connectedDevice(id)) return;
    this.later(() => this.emit('descriptorsDiscover', id, serviceUuid, charUuid, [CLIENT_CHARACTERISTIC_CONFIGURATION]));
  }

  writeValue(id: string, serviceUuid: string, charUuid: string, descriptorUuid: string, data: Buffer): void {
    this.commands.push(`writeValue ${charUuid} ${descriptorUuid} ${data.toString('hex')}`);
    const d = this.connectedDevice(id);
    if (!d) return;
    this.later(() => {
      if (descriptorUuid === CLIENT_CHARACTERISTIC_CONFIGURATION) {
        if ((data[0] ?? 0) & 0x03) d.notifying.add(charUuid);
        else d.notifying.delete(charUuid);
      }
      this.emit('valueWrite', id, serviceUuid, charUuid, descriptorUuid);
    });
  }

  reset(): void {
    for (const d of this.devices.values()) if (d.connected) this.linkLost(d, 'reset');
  }

  /**
   * Send a notification as the device would; true when it went out (connected, subscribed and,
   * for a control-start device's 2ad1, started).
   */
  push(id: string, charUuid: string, bytes: Uint8Array): boolean {
    const d = this.devices.get(id);
    const svc = serviceOf(charUuid);
    if (!d?.connected || !svc || !d.notifying.has(charUuid)) return false;
    if (charUuid === ROWER_DATA && d.spec.startup === 'control-start' && !d.started) return false;
    this.emit('read', id, svc, charUuid, Buffer.from(bytes), true);
    return true;
  }

  /** The radio link drops: disconnect if connected, and stop advertising until `restoreLink`. */
  dropLink(id: string): void {
    const d = this.devices.get(id);
    if (!d) return;
    d.up = false;
    if (d.connected) this.linkLost(d, 'timeout');
  }

  restoreLink(id: string): void {
    const d = this.devices.get(id);
    if (d) d.up = true;
  }

  /**
   * The adapter goes away (switched off, unplugged, its remote link lost): every link is gone
   * without a word from the adapter (no disconnect events), scanning stops, state poweredOff.
   */
  powerOff(): void {
    this.powered = false;
    this.epoch += 1;
    this.stopTimer();
    for (const d of this.devices.values()) {
      d.connected = false;
      d.notifying.clear();
      d.hasControl = false;
      d.started = false;
    }
    setTimeout(() => this.emit('stateChange', 'poweredOff'), this.opts.latencyMs ?? 2);
  }

  /** The adapter is back: state poweredOn, nothing connected, not scanning. */
  powerOn(): void {
    this.powered = true;
    this.later(() => this.emit('stateChange', 'poweredOn'));
  }

  isStreaming(id: string): boolean {
    const d = this.devices.get(id);
    return !!d?.connected && d.notifying.has(ROWER_DATA) && (d.spec.startup !== 'control-start' || d.started);
  }

  close(): void {
    this.stopTimer();
    for (const d of this.devices.values()) if (d.connected) this.linkLost(d, 'local');
  }

  /** Answer a Control Point write as a console would (FTMS §4.16.2): Request Control grants control, Start needs it. */
  private controlPoint(d: DeviceState, serviceUuid: string, data: Buffer): void {
    const request = decodeControlPointRequest(data);
    let result: Exclude<ControlResultName, 'reserved'> = 'success';
    if (request.op === 'request-control') d.hasControl = true;
    else if (request.op === 'start-resume') {
      result = d.spec.startAnswer ?? (d.hasControl ? 'success' : 'control-not-permitted');
      if (result === 'success') d.started = true;
    } else if (!d.hasControl) result = 'control-not-permitted';
    if (!d.notifying.has(CONTROL_POINT)) return;
    this.emit('read', d.spec.id, serviceUuid, CONTROL_POINT, Buffer.from(encodeControlPointResponse(request.opCode, result)), true);
  }

  private linkLost(d: DeviceState, reason: string): void {
    if (!d.connected) return;
    d.connected = false;
    d.notifying.clear();
    d.hasControl = false;
    d.started = false;
    this.emit('disconnect', d.spec.id, reason);
  }

  private advertise(): void {
    if (!this.powered) return;
    for (const d of this.devices.values()) {
      if (!d.up || d.connected) continue;
      const adv = d.spec.advertise ?? {};
      const serviceData = adv.serviceData === undefined ? ROWER_SERVICE_DATA : adv.serviceData;
      const advertisement = {
        localName: d.spec.name,
        serviceUuids: adv.serviceUuids ?? [FTMS_SERVICE],
        serviceData: serviceData ? [{ uuid: FTMS_SERVICE, data: serviceData }] : [],
        manufacturerData: null,
        txPowerLevel: undefined,
      };
      const address = d.spec.id.replace(/(..)(?!$)/g, '$1:');
      this.emit('discover', d.spec.id, address, 'random', true, advertisement, d.spec.rssi ?? -60, true);
    }
  }

  private connectedDevice(id: string): DeviceState | undefined {
    const d = this.devices.get(id);
    return d?.connected ? d : undefined;
  }

  private stopTimer(): void {
    if (this.scanTimer) clearInterval(this.scanTimer);
    this.scanTimer = undefined;
  }

  private later(fn: () => void): void {
    const ms = this.opts.latencyMs ?? 2;
    const epoch = this.epoch;
    setTimeout(() => {
      if (epoch === this.epoch) fn();
    }, ms);
  }
}
