/** `ergsprint history …`: list, show, bests, rebuild, rm (options declared in src/cli/history.ts). Wiring only. */
import { historyAnalysis } from './history-wiring.js';
import { SingleBar } from 'cli-progress';
import { CliError } from '../cli-error.js';
import { openHistoryIndex } from '../store/history-index.js';
import { recordingDirs } from '../store/recording-files.js';
import { athleteFlag, withHistory, type DbFlags } from './history-db.js';
import { bestsLines, sessionDetailLines, sessionListTable } from './history-tables.js';

export interface HistoryFlags extends DbFlags {
  athlete?: string;
  json?: boolean;
}

const print = (lines: readonly string[]): void => void process.stdout.write(`${lines.join('\n')}\n`);
const printJson = (doc: unknown): void => void process.stdout.write(`${JSON.stringify(doc)}\n`);

const unknownId = (id: string): CliError => new CliError(`no session "${id}" in the history (ids are listed by "ergsprint history")`);

export async function historyListCommand(flags: HistoryFlags): Promise<void> {
  const athlete = athleteFlag(flags.athlete);
  await withHistory(flags, openHistoryIndex, (h) => {
    const sessions = h.list(athlete === undefined ? {} : { athlete });
    if (flags.json) printJson({ sessions });
    else print(sessionListTable(sessions));
  });
}

export async function historyShowCommand(id: string, flags: HistoryFlags): Promise<void> {
  await withHistory(flags, openHistoryIndex, (h) => {
    const s = h.get(id.trim().toLowerCase());
    if (!s) throw unknownId(id);
    if (flags.json) printJson(s);
    else print(sessionDetailLines(s));
  });
}

export async function historyBestsCommand(flags: HistoryFlags): Promise<void> {
  const athlete = athleteFlag(flags.athlete);
  await withHistory(flags, openHistoryIndex, (h) => {
    const bests = h.bests(athlete === undefined ? {} : { athlete });
    if (flags.json) printJson(bests);
    else print(bestsLines(bests));
  });
}

export async function historyRebuildCommand(flags: HistoryFlags): Promise<void> {
  const dirs = recordingDirs();
  const { openHistory } = await import('../store/history-store.js'); // the session pipeline: only to index
  await withHistory(flags, openHistory, (h) => {
    let bar: SingleBar | undefined;
    try {
      const result = h.rebuild(dirs, {
        // oldest first: each session is judged against its athletes' history before it
        analysis: historyAnalysis(h, {}, {}),
        onProgress: ({ done, total }) => {
          if (process.stderr.isTTY !== true) return;
          if (!bar) {
            bar = new SingleBar({ stream: process.stderr, format: 'rebuilding {bar} {value}/{total} recordings', clearOnComplete: true });
            bar.start(total, 0);
          }
          bar.update(done);
        },
      });
      bar?.stop();
      for (const f of result.failed) process.stderr.write(`ergsprint: skipped ${f.error}\n`);
      const skipped = result.failed.length > 0 ? `; ${result.failed.length} could not be read` : '';
      print([`indexed ${result.sessions} session${result.sessions === 1 ? '' : 's'} from ${result.recordings} recording${result.recordings === 1 ? '' : 's'} in ${dirs.join(' and ')}${skipped}`]);
    } finally {
      bar?.stop();
    }
  });
}

export async function historyRemoveCommand(id: string, flags: HistoryFlags): Promise<void> {
  await withHistory(flags, openHistoryIndex, (h) => {
    const key = id.trim().toLowerCase();
    const s = h.get(key);
    if (!s || !h.remove(key)) throw unknownId(id);
    print([`removed ${s.id} from the history index; the recording ${s.path} is kept ("ergsprint history rebuild" adds it back)`]);
  });
}
