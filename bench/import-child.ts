/**
 * bench/import.ts runs this in its own process: import one attendance CSV twice (first time,
 * then the unchanged re-import) and print the timings and this process's peak memory.
 */
import { attendanceImporter } from '../main/imports/kinds/attendance';
import { importCsvFile } from '../main/imports/run-csv';
import { openStore } from '../main/store/open';

const [database, csv] = process.argv.slice(2) as [string, string];
const store = await openStore(database, { quickCheckMaxBytes: 0 });
let started = performance.now();
const first = await importCsvFile(store.sqlite, { path: csv, importer: attendanceImporter });
const seconds = (performance.now() - started) / 1000;
started = performance.now();
await importCsvFile(store.sqlite, { path: csv, importer: attendanceImporter });
const again = (performance.now() - started) / 1000;
await store.close();
console.log(
  JSON.stringify({
    seconds,
    again,
    rows: first.rowsTotal,
    added: first.added,
    quarantined: first.quarantined,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
