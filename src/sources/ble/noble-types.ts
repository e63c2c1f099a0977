/**
 * The slice of noble's API this source uses, typed structurally. noble's own `index.d.ts` does
 * not describe `with-bindings`, and a structural type lets tests hand in a noble built over
 * substitute bindings (dependency injection, not module mocking).
 */
import type { EventEmitter } from 'node:events';

export interface NobleAdvertisement {
  localName?: string;
  serviceUuids?: string[];
  /** hci/mac bindings: a list; noble's websocket bindings: one opaque Buffer (the payload only). */
  serviceData?: Array<{ uuid: string; data: Buffer }> | Buffer | null;
  manufacturerData?: Buffer | null;
}

export interface NobleDescriptor {
  uuid: string;
  writeValue(data: Buffer, callback?: (error?: unknown) => void): void;
}

export interface NobleCharacteristic extends EventEmitter {
  uuid: string;
  properties: string[];
  readAsync(): Promise<Buffer>;
  writeAsync(data: Buffer, withoutResponse: boolean): Promise<void>;
  subscribeAsync(): Promise<void>;
  discoverDescriptorsAsync(): Promise<NobleDescriptor[]>;
}

export interface NobleService {
  uuid: string;
  characteristics: NobleCharacteristic[] | null;
}

export interface NoblePeripheral extends EventEmitter {
  id: string;
  address: string;
  rssi: number;
  connectable: boolean;
  state: string;
  advertisement: NobleAdvertisement;
  connectAsync(): Promise<void>;
  cancelConnect(): void;
  disconnect(): void;
  discoverSomeServicesAndCharacteristicsAsync(
    serviceUuids: string[],
    characteristicUuids: string[],
  ): Promise<{ services: NobleService[]; characteristics: NobleCharacteristic[] }>;
}

export interface Noble extends EventEmitter {
  readonly state: string;
  startScanning(serviceUuids: string[], allowDuplicates: boolean, callback?: (error?: Error | null) => void): void;
  stopScanning(callback?: () => void): void;
}
