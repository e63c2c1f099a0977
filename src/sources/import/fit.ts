/**
 * FIT activity files (Garmin watches, Concept2 ErgData / Logbook, openrowingmonitor, ergsprint's
 * own export), decoded with Garmin's official SDK (@garmin/fitsdk). The header and file CRCs are
 * checked first, so a cut-off file or a corrupted one is refused with a reason. `record` messages
 * give the samples: timestamp, distance (m), power (W), cadence (= stroke rate), heart rate,
 * (enhanced) speed (→ pace), total_cycles (strokes). A file whose session names a sport other than
 * rowing is refused.
 */
import { Decoder, Stream } from '@garmin/fitsdk';
import { fail } from './import-error.js';
import { samplesToRows, type TimedSample } from './samples.js';
import type { ImportedSession } from './types.js';
import { isoTime } from './iso-time.js';

/** FIT profile: sport 15 = rowing (decoded as 'rowing'). */
const ROWING = new Set<unknown>(['rowing', 15]);
/** FIT header: byte 0 = header size, bytes 4–7 = data size (little-endian); the file ends in a 2-byte CRC. */
const CRC_BYTES = 2;

export function parseFit(bytes: Uint8Array): ImportedSession {
  const stream = Stream.fromByteArray(bytes);
  if (!Decoder.isFIT(stream)) fail('BAD_FILE', 'not a FIT file (no ".FIT" header)');
  const decoder = new Decoder(stream);
  if (!decoder.checkIntegrity()) {
    const headerSize = bytes[0] ?? 0;
    const dataSize = bytes.byteLength >= 8 ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).readUInt32LE(4) : 0;
    if (bytes.byteLength < headerSize + dataSize + CRC_BYTES) fail('TRUNCATED', `the FIT file is cut off (${bytes.byteLength} of ${headerSize + dataSize + CRC_BYTES} bytes)`);
    fail('BAD_CRC', 'the FIT file is corrupted (CRC check failed)');
  }
  const { messages, errors } = decoder.read();
  if (errors.length > 0) fail('BAD_FILE', `the FIT file does not decode (${errors[0]?.message ?? 'unknown error'})`);
  const sport = messages.sessionMesgs?.[0]?.sport;
  if (sport !== undefined && !ROWING.has(sport)) fail('NOT_ROWING', `the FIT activity is ${String(sport)}, not rowing`);
  const samples: TimedSample[] = [];
  for (const m of messages.recordMesgs ?? []) {
    const ms = m.timestamp instanceof Date ? m.timestamp.getTime() : undefined;
    if (ms === undefined) continue;
    // enhanced_speed is expanded from speed by the SDK but is not in its typings
    const enhanced = (m as { enhancedSpeed?: unknown }).enhancedSpeed;
    const s: TimedSample = { ms };
    if (typeof m.distance === 'number') s.distanceM = m.distance;
    if (typeof m.power === 'number') s.powerW = m.power;
    const speed = typeof enhanced === 'number' ? enhanced : m.speed;
    if (typeof speed === 'number') s.speedMps = speed;
    if (typeof m.cadence === 'number') s.strokeRate = m.cadence;
    if (typeof m.heartRate === 'number') s.heartRate = m.heartRate;
    if (typeof m.totalCycles === 'number') s.strokes = m.totalCycles;
    samples.push(s);
  }
  const { rows, t0Ms } = samplesToRows(samples);
  const product = messages.fileIdMesgs?.[0]?.manufacturer;
  const session: ImportedSession = { format: 'fit', device: `rowing machine (FIT${product !== undefined ? `, ${String(product)}` : ''})`, rows, heartRateFrom: 'strap' };
  if (t0Ms !== undefined) {
    const iso = isoTime(t0Ms);
    if (iso !== undefined) session.startedAt = iso;
  }
  return session;
}
