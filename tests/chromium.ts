import type { LaunchOptions } from '@playwright/test';

/**
 * Debian's Chromium, as every browser test and benchmark launches it: no sandbox (root in CI),
 * and none of the background traffic this closed network would refuse.
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
