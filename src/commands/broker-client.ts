/**
 * The MQTT client of a hub and of the central, set up once: a persistent session (`clean: false`,
 * so QoS 1 batches wait in the broker while either end is away), reconnect every second, a 5-s
 * connect timeout, the credentials of the broker flags, and each distinct client error logged once.
 */
import { connect, type IClientOptions, type MqttClient } from 'mqtt';
import type { BrokerSettings } from './broker-options.js';

export interface BrokerClientOptions {
  clientId: string;
  /** seconds; the broker declares a silent client gone after 1.5 × this */
  keepalive: number;
  will?: IClientOptions['will'];
  /** subscribe again after a reconnect (the central) */
  resubscribe?: boolean;
}

export function brokerClient(broker: BrokerSettings, opts: BrokerClientOptions, log: (line: string) => void): MqttClient {
  const client = connect(broker.url, {
    clientId: opts.clientId,
    clean: false,
    reconnectPeriod: 1000,
    connectTimeout: 5000,
    keepalive: opts.keepalive,
    ...(opts.will !== undefined ? { will: opts.will } : {}),
    ...(opts.resubscribe !== undefined ? { resubscribe: opts.resubscribe } : {}),
    ...(broker.username !== undefined ? { username: broker.username } : {}),
    ...(broker.password !== undefined ? { password: broker.password } : {}),
  });
  let lastError = '';
  client.on('error', (err) => {
    if (err.message !== lastError) log(`mqtt: ${err.message}`);
    lastError = err.message;
  });
  client.on('connect', () => {
    lastError = '';
  });
  return client;
}
