import { RecordingError } from '../../src/recording/recording-error.js';
import { parseRecording } from '../../src/recording/reader.js';

/** The RecordingError that parsing `text` (as rec.ndjson) throws; fails the test when it parses. */
export function errorOf(text: string): RecordingError {
  try {
    parseRecording(text, 'rec.ndjson');
  } catch (err) {
    if (err instanceof RecordingError) return err;
    throw err;
  }
  throw new Error('expected a RecordingError');
}
