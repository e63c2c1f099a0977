// A history writer for the crash and concurrency tests, run with plain node against the built
// dist/: analyses one recording (argv[3]), then writes copies of its session rows under new ids in a
// loop (one transaction each, as addRecording does), printing "committed <id>" after each commit.
// argv: DB RECORDING [COUNT]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = join(import.meta.dirname, '..', '..', 'dist', 'store');
const { openHistory } = await import(join(dist, 'history-store.js'));
const { writeSession } = await import(join(dist, 'session-rows.js'));
const { sessionRecords } = await import(join(dist, 'session-record.js'));
const { parseRecording } = await import(join(dist, '..', 'recording', 'reader.js'));
const { ANALYSIS_VERSION } = await import(join(dist, 'analysis-version.js'));

const [db, recording, count = '1000000'] = process.argv.slice(2);
const h = openHistory(db);
const bytes = readFileSync(recording);
const [rec] = sessionRecords(parseRecording(bytes.toString('utf8'), recording), bytes, recording);
const conn = h.connection;
for (let i = 0; i < Number(count); i++) {
  const id = `w${String(i).padStart(9, '0')}`;
  const copy = { ...rec, id, contentHash: `${rec.contentHash.slice(0, 54)}${String(i).padStart(10, '0')}`, efforts: rec.efforts.map((e) => ({ ...e, sessionId: id })) };
  conn.transaction(() => writeSession(conn, copy, ANALYSIS_VERSION)).immediate();
  process.stdout.write(`committed ${id}\n`);
}
h.close();
