/**
 * The history store as a running daemon uses it (`live`, `start`): personal references for each
 * new rower-session, the display's /history, and each closed session recording indexed. A history
 * that cannot be opened (damaged file, newer schema, no native SQLite) is one warning line: the
 * daemon rows on without it, and `history rebuild` indexes the recordings later.
 */
import type { ReferenceInputs } from '../analysis/reference.js';
import type { HistoryReader } from '../server/history-reader.js';
import { historyDbPath } from '../store/data-dir.js';
import type { HistoryStore } from '../store/history-store.js';
import type { StoreAnalysisOptions } from '../store/session-record.js';
import { historyAnalysis, historyReader, liveReferences, type DeclaredTimes } from './history-wiring.js';

export interface DaemonHistory {
  references: (rower: string, at: { athlete?: string; atMs: number }) => ReferenceInputs | undefined;
  reader: HistoryReader;
  /** index a closed recording; the ids of its sessions (empty when nothing was rowed) */
  index(path: string): string[];
  close(): void;
}

/** Open the history database (default path) for a daemon; undefined, after one warning line, when it cannot be. */
export async function openDaemonHistory(base: StoreAnalysisOptions, declared: DeclaredTimes, log: (line: string) => void, path: string = historyDbPath()): Promise<DaemonHistory | undefined> {
  let store: HistoryStore;
  try {
    const { openHistory } = await import('../store/history-store.js');
    store = openHistory(path);
  } catch (err) {
    log(`ergsprint: history unavailable, sessions are recorded but not indexed (${(err as Error).message}); run "ergsprint history rebuild" later`);
    return undefined;
  }
  const analysis = historyAnalysis(store, base, declared);
  return {
    references: liveReferences(store, declared),
    reader: historyReader(store),
    index: (recording) => store.addRecording(recording, { analysis }).map((r) => r.id),
    close: () => store.close(),
  };
}
