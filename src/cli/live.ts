/**
 * `ergsprint live`: connect to FTMS rowers over Bluetooth, record, analyse and serve the display.
 * Name, description and options only: the implementation (src/commands/live.ts) is imported when
 * the command runs, so `ergsprint --help` and the other commands do not load noble or fastify.
 */
import type { Command } from 'commander';
import { referenceOptions } from './reference-options.js';
import type { LiveFlags } from '../commands/live.js';

const collect = (v: string, prev: string[]): string[] => [...prev, v];

export function register(program: Command): void {
  const cmd = program
    .command('live')
    .description('connect to FTMS rowers over Bluetooth, record the session and serve the live display')
    .option('--rower <name|id>', 'a rower to use, by advertised-name prefix or id (repeatable; default: every FTMS rower in range)', collect, [])
    .option('--hr <strap=rower>', 'attach a BLE heart-rate strap to a rower, e.g. Polar=PM5 (repeatable)', collect, [])
    .option('--record <file>', 'recording to write (default: <data dir>/sessions/<start>.ndjson)')
    .option('--port <n>', 'display server port (0 = any free port)', '8080')
    .option('--host <h>', 'display server interface (default 127.0.0.1; others need the printed token)')
    .option('--token <t>', 'access token for changes when --host is not local (default: generated and printed)')
    .option('--allow-origin <origin>', 'also accept /ws and changes from pages of this origin, e.g. http://rowpc.local:8080 (repeatable)', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--timeout <s>', 'give up when no rower is found within this many seconds (at most 86400)', '30')
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
