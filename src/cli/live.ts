/**
 * `ergsprint live`: connect to FTMS rowers over Bluetooth, record, analyse and serve the display.
 * Name, description and options only: the implementation (src/commands/live.ts) is imported when
 * the command runs, so `ergsprint --help` and the other commands do not load noble or fastify.
 */
import type { Command } from 'commander';
import { DEFAULTS } from '../config.js';
import { serverOptions } from './server-options.js';
import { referenceOptions } from './reference-options.js';
import type { LiveFlags } from '../commands/live.js';

const collect = (v: string, prev: string[]): string[] => [...prev, v];

export function register(program: Command): void {
  const cmd = program
    .command('live')
    .description('connect to FTMS rowers over Bluetooth, record the session and serve the live display')
    .option('--rower <name|id>', 'a rower to use, by advertised-name prefix or id (repeatable; default: every FTMS rower in range)', collect, [])
    .option('--hr <strap=rower>', 'attach a BLE heart-rate strap to a rower, e.g. Polar=PM5 (repeatable)', collect, [])
    .option('--athlete <name=rower>', 'bind an athlete to a rower, e.g. Ada=PM5 (repeatable; ROWER as in --hr)', collect, [])
    .option('--idle-end <duration>', "end a rower's session after this much time without a stroke, e.g. 5m, 90s (30s–24h)", `${DEFAULTS.idleEndS / 60}m`)
    .option('--record <file>', 'one recording for the whole run (default: one per rower-session, <data dir>/sessions/<start>-<rower>.ndjson)');
  serverOptions(cmd)
    .option('--timeout <s>', 'give up when no rower is found within this many seconds (at most 86400)', String(DEFAULTS.ble.findTimeoutS))
    .option('--plan <name|file>', 'workout plan: a built-in name or a .json plan file')
    .option('--profiles <file>', 'extra device profiles (JSON), default <data dir>/profiles.json')
    .option('--broker <url>', 'also take rowers from hubs (`ergsprint hub`) through this MQTT broker, mqtt://HOST[:PORT]; rowers appear as <hub>/<rower>')
    .option('--ble', 'with --broker: use this machine\'s Bluetooth rowers too')
    .option('--username <name>', 'with --broker: broker user')
    .option('--password-file <file>', 'with --broker: file whose first line is the broker password (or set ERGSPRINT_MQTT_PASSWORD)')
    .option('--client-id <id>', 'with --broker: MQTT client id of this central (its persistent session)', 'ergsprint-central');
  referenceOptions(cmd)
    .addHelpText('after', '\nNo Bluetooth here? Run `ergsprint simulate --ble` in another terminal and `NOBLE_WEBSOCKET=1 ergsprint live`.')
    .action(async (flags: LiveFlags) => (await import('../commands/live.js')).runLive(flags));
}
