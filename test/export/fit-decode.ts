/**
 * Test helpers: a recording analysed and turned into export inputs, and a FIT file decoded by the
 * two independent decoders (@garmin/fitsdk's Decoder and fit-file-parser).
 */
import { Decoder, Stream } from '@garmin/fitsdk';
import FitParser from 'fit-file-parser';
import { join } from 'node:path';
import { exportInputs, type ExportInput } from '../../src/export/export-input.js';
import { analyzeRecording, type AnalysisResult } from '../../src/pipeline/analyze-recording.js';
import { readRecording } from '../../src/recording/reader.js';
import { replay$ } from '../../src/sources/replay.js';

export const FIXTURES = join(import.meta.dirname, '../../fixtures');

export async function inputsOf(file: string): Promise<{ inputs: ExportInput[]; analysis: AnalysisResult }> {
  const rec = await readRecording(join(FIXTURES, file));
  const analysis = analyzeRecording(rec, { source$: replay$(rec.items, { speed: 'instant' }) });
  return { inputs: exportInputs(rec, analysis), analysis };
}

export type Msg = Record<string, unknown> & { developerFields?: Record<string, unknown> };

export interface SdkDecoded {
  messages: Record<string, Msg[] | undefined>;
  /** message numbers in file order */
  order: number[];
  errors: unknown[];
  integrity: boolean;
}

export function sdkDecode(bytes: Uint8Array): SdkDecoded {
  const decoder = new Decoder(Stream.fromByteArray(bytes));
  const integrity = decoder.isFIT() && decoder.checkIntegrity();
  const order: number[] = [];
  const { messages, errors } = decoder.read({ mesgListener: (n: number) => order.push(n) });
  return { messages: messages as unknown as Record<string, Msg[] | undefined>, order, errors, integrity };
}

/** fit-file-parser's result in list mode (snake_case names, developer fields by name). */
export function ffpDecode(bytes: Uint8Array): Promise<Record<string, Msg[] | undefined>> {
  const parser = new FitParser({ force: false, mode: 'list' });
  return new Promise((resolve, reject) => {
    parser.parse(Buffer.from(bytes), (err: unknown, data: unknown) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(data as Record<string, Msg[] | undefined>)));
  });
}

export const ms = (x: unknown): number => (x instanceof Date ? x.getTime() : typeof x === 'string' ? Date.parse(x) : Number.NaN);
