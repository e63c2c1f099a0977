/** `--broker`, `--username`, `--password-file`: validated into MQTT.js connect options (CliError on bad input). */
import { readFileSync } from 'node:fs';
import { CliError } from '../cli-error.js';
import { SLUG } from '../bridge/topics.js';

export interface BrokerFlags {
  broker: string;
  username?: string;
  passwordFile?: string;
}

export interface BrokerSettings {
  url: string;
  username?: string;
  password?: string;
}

/** Check `mqtt://HOST[:PORT]` (or mqtts://) and read the password (file, else $ERGSPRINT_MQTT_PASSWORD). */
export function brokerSettings(flags: BrokerFlags, env: NodeJS.ProcessEnv = process.env): BrokerSettings {
  let u: URL;
  try {
    u = new URL(flags.broker);
  } catch {
    throw new CliError(`--broker wants mqtt://HOST[:PORT] (got "${flags.broker}")`);
  }
  if (u.protocol !== 'mqtt:' && u.protocol !== 'mqtts:') throw new CliError(`--broker must start with mqtt:// or mqtts:// (got "${flags.broker}")`);
  if (u.hostname === '') throw new CliError(`--broker names no host (got "${flags.broker}")`);
  if (u.username || u.password) throw new CliError('--broker must not hold credentials: use --username and --password-file');
  if (u.pathname !== '' && u.pathname !== '/') throw new CliError(`--broker takes no path (got "${flags.broker}")`);
  const out: BrokerSettings = { url: `${u.protocol}//${u.host}` };
  if (flags.username !== undefined) out.username = flags.username;
  if (flags.passwordFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(flags.passwordFile, 'utf8');
    } catch (err) {
      throw new CliError(`--password-file ${flags.passwordFile}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const pw = text.split('\n')[0]?.trim() ?? '';
    if (pw === '') throw new CliError(`--password-file ${flags.passwordFile} is empty`);
    out.password = pw;
  } else if (env.ERGSPRINT_MQTT_PASSWORD) out.password = env.ERGSPRINT_MQTT_PASSWORD;
  if (out.password !== undefined && out.username === undefined) throw new CliError('a password needs --username');
  return out;
}

/** `--id NAME`: a hub id, one topic level. */
export function parseHubId(text: string): string {
  if (!SLUG.test(text)) throw new CliError(`--id must be lowercase letters, digits and "-" (at most 64), e.g. hub-1 (got "${text}")`);
  return text;
}
