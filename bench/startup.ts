/**
 * Browser host ready and first overview rendered (issue 2 figure: under 1.5 s with the default
 * district): from spawning the host as `npm run web` does (after its build step) to a school
 * admin's overview showing its numbers in Chromium. The browser is started beforehand: it is
 * the user's, not the host's. Median of several cold host starts on an existing database.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/chromium';
import { benchDistrict, percentile, report } from './lib';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' } },
  strict: false,
});
const runs = Number(values.runs);
const root = path.resolve(import.meta.dirname, '..');

if (
  !fs.existsSync(path.join(root, 'dist-web/index.html')) ||
  !fs.existsSync(path.join(root, 'out/web/main.js'))
) {
  console.error('Build the renderer first: npm run build:web');
  process.exit(1);
}
const { dataDir } = await benchDistrict(2000);
const browser = await chromium.launch(chromiumLaunchOptions);

const ready: number[] = [];
const rendered: number[] = [];
for (let i = 0; i < runs; i++) {
  const port = 4890 + i;
  const t0 = performance.now();
  const host = spawn(process.execPath, ['out/web/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      SIGHTLINE_DATA_DIR: dataDir,
      SIGHTLINE_PORT: String(port),
      SIGHTLINE_WEB_TOKEN: 'bench',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    host.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Sightline is ready')) resolve();
    });
    host.once('exit', (code) => reject(new Error(`host exited with ${code}`)));
  });
  ready.push(performance.now() - t0);
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/?token=bench`);
  await page.getByRole('region', { name: 'School admins' }).getByRole('button').first().click();
  await page
    .locator('.kpi-tile', { hasText: 'Students enrolled' })
    .locator('.kpi-value')
    .filter({ hasText: /\d/ })
    .waitFor();
  await page.getByRole('img', { name: /attendance rate by week/i }).waitFor();
  rendered.push(performance.now() - t0);
  await page.close();
  host.kill('SIGTERM');
  await new Promise((r) => host.once('exit', r));
}
await browser.close();

console.log(
  `\nBrowser host start, default district (2,000 students), median of ${runs} cold starts`,
);
report('host ready (spawn → listening)', percentile(ready, 50), 'ms', 1500);
report('first overview rendered (spawn → sign-in → charts)', percentile(rendered, 50), 'ms', 1500);
