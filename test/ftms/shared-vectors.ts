/** Loads ../shared/ftms/vectors.json (outside the repo) when it exists. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface RowerVector {
  id: string;
  hex: string;
  expected: Record<string, unknown> | null;
  error: string | null;
}
export interface HeartVector {
  id: string;
  hex: string;
  expected: Record<string, unknown>;
}
export interface SharedVectors {
  rowerData: RowerVector[];
  heartRate: HeartVector[];
  merge: { parts: string[]; equals?: string; note: string }[];
}

export const vectorsPath = fileURLToPath(new URL('../../../shared/ftms/vectors.json', import.meta.url));
export const haveVectors = existsSync(vectorsPath);

/** The shared vectors, or empty lists when the folder is absent (tests using them are not registered). */
export const vectors: SharedVectors = haveVectors
  ? (JSON.parse(readFileSync(vectorsPath, 'utf8')) as SharedVectors)
  : { rowerData: [], heartRate: [], merge: [] };
