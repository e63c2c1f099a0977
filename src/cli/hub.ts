/**
 * `ergsprint hub`: a BLE host in a gym with several hubs — rowers over Bluetooth, recorded here,
 * published raw to an MQTT broker for the central `live --broker`. Name, description and options
 * only: the implementation (src/commands/hub.ts) is imported when the command runs.
 */
import type { Command } from 'commander';
import type { HubFlags } from '../commands/hub.js';

const collect = (v: string, prev: string[]): string[] => [...prev, v];

export function register(program: Command): void {
  program
    .command('hub')
    .description('a Bluetooth hub: record FTMS rowers here and publish their raw frames to an MQTT broker for `live --broker`')
    .requiredOption('--broker <url>', 'MQTT broker, mqtt://HOST[:PORT]')
    .requiredOption('--id <name>', 'this hub\'s id (lowercase letters, digits, "-"): rowers appear as <id>/<rower>')
    .option('--rower <name|id>', 'a rower to use, by advertised-name prefix or id (repeatable; default: every FTMS rower in range)', collect, [])
    .option('--hr <strap=rower>', 'attach a BLE heart-rate strap to a rower, e.g. Polar=PM5 (repeatable)', collect, [])
    .option('--record <file>', 'this hub session\'s recording, the durable copy (default: <data dir>/hub/<id>/<start>-<session>.ndjson)')
    .option('--username <name>', 'broker user')
    .option('--password-file <file>', 'file whose first line is the broker password (or set ERGSPRINT_MQTT_PASSWORD)')
    .option('--timeout <s>', 'give up when no rower is found within this many seconds (at most 86400)', '30')
    .option('--profiles <file>', 'extra device profiles (JSON), default <data dir>/profiles.json')
    .addHelpText('after', '\nNo Bluetooth here? Run `ergsprint simulate --ble` in another terminal and `NOBLE_WEBSOCKET=1 ergsprint hub ...`.')
    .action(async (flags: HubFlags) => (await import('../commands/hub.js')).runHub(flags));
}
