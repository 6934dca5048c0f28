/** `npm run bench`: every benchmark in turn; each prints its figures and ratios to anchors. */
import { spawnSync } from 'node:child_process';

const scripts = [
  'bench/api-latency.ts',
  'bench/startup.ts',
  'bench/pipeline.ts',
  'bench/import.ts',
  'bench/risk.ts',
  'bench/reports.ts',
  'bench/scroll-frames.ts',
];
const extra = process.argv.slice(2);
let failed = 0;
for (const script of scripts) {
  console.log(`\n### ${script}`);
  const run = spawnSync('npx', ['tsx', script, ...extra], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
