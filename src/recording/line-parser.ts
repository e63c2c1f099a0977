/**
 * The line-by-line state machine shared by `parseRecording` (whole text) and `readRecording`
 * (streamed file). Rules:
 * - the first non-empty line must be a v1 header; empty lines are ignored everywhere;
 * - every other line is a frame or an event; `t` must never decrease from one line to the next
 *   (frames of different rowers interleave, but a recorder writes them in arrival order, so a
 *   file is globally non-decreasing in t — we reject rather than silently re-sort, since a
 *   backwards step means the file was edited or produced by a buggy tool);
 * - an UNTERMINATED last line that is not valid JSON is a torn write (crash, kill -9): it is
 *   dropped and reported as `tornLastLine`. Any other bad line is an error;
 * - a line longer than MAX_LINE_BYTES (UTF-8, without its line break) is an error: no line the
 *   writer produces comes near it, and it bounds the memory a damaged file can take.
 */
import { LineFormatError, headerFromJson, itemFromJson, type RecordingHeader, type RecordingItem } from './format.js';
import { RecordingError } from './recording-error.js';
import { stripBom } from './regular-file.js';

/** The longest line a recording may hold, bytes of UTF-8 (1 MiB; the README's recording format states it). */
export const MAX_LINE_BYTES = 1024 * 1024;

export interface Recording {
  header: RecordingHeader;
  /** frames and events in file order (non-decreasing t) */
  items: RecordingItem[];
  /** the last line was cut off mid-write and was dropped */
  tornLastLine: boolean;
}

export class LineParser {
  private lineNo = 0;
  private header: RecordingHeader | undefined;
  private readonly items: RecordingItem[] = [];
  private lastT = 0;
  private torn = false;

  constructor(private readonly file: string) {}

  /** Feed the next physical line (without its '\n'); `terminated` is false only for a final piece without '\n'. */
  line(raw: string, terminated: boolean): void {
    this.lineNo++;
    let text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (this.lineNo === 1) text = stripBom(text);
    if (text.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      if (!terminated) {
        this.torn = true;
        return;
      }
      if (this.header === undefined) this.fail('NO_HEADER', 'not an ergsprint recording: the first line is not JSON');
      this.fail('BAD_LINE', 'not valid JSON');
    }
    try {
      if (this.header === undefined) {
        const isHeader = typeof json === 'object' && json !== null && (json as { type?: unknown }).type === 'header';
        if (!isHeader) this.fail('NO_HEADER', 'not an ergsprint recording: the first line is not a header ({"type":"header",...})');
        this.header = headerFromJson(json);
        return;
      }
      const item = itemFromJson(json);
      if (item.t < this.lastT) this.fail('TIME_BACKWARDS', `t went backwards: ${item.t} after ${this.lastT}`);
      this.lastT = item.t;
      this.items.push(item);
    } catch (err) {
      if (err instanceof LineFormatError) this.fail(err.code, err.reason);
      throw err;
    }
  }

  /** The next line is longer than `maxBytes`: throws LINE_TOO_LONG naming it. */
  tooLong(maxBytes: number): never {
    this.lineNo++;
    this.fail('LINE_TOO_LONG', `line longer than ${maxBytes} bytes`);
  }

  /** The parsed recording; throws NO_HEADER when no header was seen. */
  finish(): Recording {
    if (this.header === undefined) {
      this.lineNo = 1;
      this.fail('NO_HEADER', this.torn ? 'the header line is incomplete (torn write)' : 'empty recording: no header line');
    }
    return { header: this.header as RecordingHeader, items: this.items, tornLastLine: this.torn };
  }

  private fail(code: RecordingError['code'], reason: string): never {
    throw new RecordingError(code, this.file, this.lineNo, reason);
  }
}
