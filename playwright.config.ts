import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/chromium';

// Tests open `/?token=${process.env.SIGHTLINE_WEB_TOKEN}`; workers inherit this.
process.env.SIGHTLINE_WEB_TOKEN ??= 'e2e-token';
const port = Number(process.env.SIGHTLINE_E2E_PORT ?? 4792);
// A fresh data folder per run: the host generates a small demo district into it on first start.
const dataDir = path.join(os.tmpdir(), `sightline-e2e-${process.pid}`);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: 'node out/web/main.js',
    url: `http://127.0.0.1:${port}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      SIGHTLINE_DATA_DIR: dataDir,
      SIGHTLINE_PORT: String(port),
      SIGHTLINE_DEMO_STUDENTS: '600',
      SIGHTLINE_WEB_TOKEN: process.env.SIGHTLINE_WEB_TOKEN,
    },
  },
});
