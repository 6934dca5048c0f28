/**
 * Import speed (issue 3): 5 million attendance rows from CSV, in rows per second, against the
 * sqlite3 shell's `.import` of the same file on the same machine (goal: within 2×), and the
 * importer's peak memory (goal: under 1 GB, i.e. streaming).
 *
 * Two anchors, because "an equivalent table" can mean two things: `.import` into a bare table
 * of the file's columns, and into a table with the same identity index ours keeps so
 * re-imports update instead of duplicating. Ours additionally resolves every student and
 * section, checks dates and codes, assigns UUIDv7 ids and counts added/updated/unchanged.
 *
 * `npm run bench -- --rows 5000000` (the file is cut from a 5,000-student district's
 * period attendance; the district is generated once into bench/results/).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../main/store/open';
import { databasePath } from '../main/store/paths';
import { benchDistrict, copyDatabase, report, RESULTS_DIR } from './lib';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '5000000' },
    students: { type: 'string', default: '5000' },
  },
});
const rows = Number(values.rows);
const { dataDir } = await benchDistrict(Number(values.students));
const work = path.join(RESULTS_DIR, 'import');
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
const csv = path.join(work, `attendance-${rows}.csv`);

// Period attendance for every student, section and school day, repeated over the days of the
// year until the file has the rows asked for.
{
  const store = await openStore(databasePath(dataDir), { readonly: true });
  const db = store.sqlite;
  const pairs = db
    .prepare(
      `SELECT s.student_number, e.section_id, term.start_date, term.end_date
       FROM enrollments e JOIN students s ON s.id = e.student_id
       JOIN sections sec ON sec.id = e.section_id
       JOIN academic_sessions term ON term.id = sec.term_id`,
    )
    .raw()
    .all() as [string, string, string, string][];
  const days = db
    .prepare('SELECT DISTINCT date FROM calendar_days WHERE is_instructional = 1 ORDER BY date')
    .pluck()
    .all() as string[];
  await store.close();
  const out = fs.openSync(csv, 'w');
  fs.writeSync(out, 'Student_Number,Section ID,Date,Code\n');
  let written = 0;
  let chunk = '';
  outer: for (const day of days) {
    const [y, m, d] = day.split('-');
    for (const [student, section, start, end] of pairs) {
      if (day < start || day > end) continue;
      const code = written % 23 === 0 ? 'A' : written % 37 === 0 ? 'T' : 'P';
      chunk += `${student},${section},${m}/${d}/${y},${code}\n`;
      if (++written >= rows) break outer;
      if (chunk.length > 1 << 22) {
        fs.writeSync(out, chunk);
        chunk = '';
      }
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
  if (written < rows) console.log(`(the district has only ${written} student-section-days)`);
  report('attendance CSV', fs.statSync(csv).size / 1e6, 'MB', null);
}

function sqliteImport(schema: string): number {
  const file = path.join(work, 'anchor.sqlite');
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const script = `PRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\n${schema}\n.mode csv\n.import --skip 1 ${csv} att\n`;
  const started = performance.now();
  execFileSync('sqlite3', [file], { input: script });
  return (performance.now() - started) / 1000;
}

const bare = sqliteImport('CREATE TABLE att (student TEXT, section TEXT, date TEXT, code TEXT);');
const indexed = sqliteImport(
  `CREATE TABLE att (student TEXT, section TEXT, date TEXT, code TEXT);
   CREATE UNIQUE INDEX att_identity ON att (student, date, section, code);`,
);

// Ours, in a child process so its peak memory is its own.
const target = path.join(work, 'ours');
fs.mkdirSync(target);
copyDatabase(databasePath(dataDir), databasePath(target));
const child = spawnSync(
  process.execPath,
  ['--import', 'tsx', path.join(import.meta.dirname, 'import-child.ts'), databasePath(target), csv],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
);
if (child.status !== 0) throw new Error(`import child failed: ${child.stdout}`);
const ours = JSON.parse(child.stdout) as {
  seconds: number;
  rows: number;
  added: number;
  quarantined: number;
  maxRssMb: number;
  again: number;
};

const rowsPerSecond = (s: number) => rows / s;
report('sqlite3 .import, bare table', rowsPerSecond(bare) / 1000, 'k/s', null);
report('sqlite3 .import, with identity index', rowsPerSecond(indexed) / 1000, 'k/s', null);
report(`Sightline import, ${rows} rows (first time)`, ours.rows / ours.seconds / 1000, 'k/s', null);
report('  time vs .import bare (goal within 2×)', ours.seconds / bare, '×', 2);
report('  time vs .import with identity index', ours.seconds / indexed, '×', 2);
report(
  'Sightline re-import, same file (all unchanged)',
  ours.rows / ours.again / 1000,
  'k/s',
  null,
);
report('importer peak memory (RSS)', ours.maxRssMb, 'MB', 1024);
if (ours.added + ours.quarantined !== ours.rows) throw new Error('rows unaccounted for');
