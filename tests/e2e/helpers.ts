/**
 * Shared steps for the browser-host end-to-end tests: open the app with this run's token, sign in
 * as a demo account, call the API as the signed-in person, check a page with axe-core, and keep a
 * full-page screenshot of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import type { Method, Output } from '../../main/api/contract';

/** The role groups on the demo sign-in page, by their heading. */
export type RoleGroup = 'Teachers' | 'Counselors' | 'School admins' | 'District admins';

const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

/** Calls the browser host's API with the page's token and session, as the app does. */
export async function callApi<M extends Method>(
  page: Page,
  method: M,
  input: Record<string, unknown> = {},
): Promise<Output<M>> {
  return page.evaluate(
    async ({ method, input }) => {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${sessionStorage.getItem('sightline.token') ?? ''}`,
          'x-sightline-session': sessionStorage.getItem('sightline.session') ?? '',
        },
        body: JSON.stringify(input),
      });
      const body = (await response.json()) as { value?: unknown; error?: unknown };
      if (!response.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
      return body.value;
    },
    { method, input },
  ) as Promise<Output<M>>;
}

export async function openApp(page: Page): Promise<void> {
  await page.goto(`/?token=${encodeURIComponent(process.env.SIGHTLINE_WEB_TOKEN ?? '')}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Sightline' })).toBeVisible();
}

/** The demo account buttons of one role group. */
export function accountsOf(page: Page, group: RoleGroup): Locator {
  return page.getByRole('region', { name: group }).getByRole('button');
}

/**
 * Signs in as a demo account of `group` (the first, or the first whose line mentions `school`).
 * Returns the account's name and detail line as shown.
 */
export async function signInAs(page: Page, group: RoleGroup, school?: string): Promise<string> {
  let account = accountsOf(page, group);
  if (school) account = account.filter({ hasText: school });
  const chosen = account.first();
  const text = (await chosen.innerText()).replace(/\s+/g, ' ').trim();
  await chosen.click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  return text;
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Sightline' })).toBeVisible();
}

/** Zero WCAG 2.1 A/AA violations on the page as it is now; prints any it finds. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  if (results.violations.length > 0) {
    const lines = results.violations.map(
      (v) =>
        `- [${v.impact ?? 'n/a'}] ${v.id}: ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\n/g, ' ')}`)
          .join('\n'),
    );
    console.log(`axe violations on ${label}:\n${lines.join('\n')}`);
  }
  expect(
    results.violations.map((v) => v.id),
    `axe violations on ${label}`,
  ).toEqual([]);
}

/** A full-page screenshot kept at test-results/screenshots/<name>.png and attached to the report. */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** Opens every "Show as table" alternative on the page. */
export async function showAllTables(page: Page): Promise<void> {
  const buttons = page.getByRole('button', { name: 'Show as table' });
  while ((await buttons.count()) > 0) await buttons.first().click();
}

export function studentTable(page: Page): Locator {
  return page.getByRole('table', { name: /^Students/ });
}

/** Waits until the student list shows the answer for the current filters and sort. */
export async function waitForStudentList(page: Page): Promise<void> {
  await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
}

/** The list's total, from "N students in your view" / "N students match". */
export async function listTotal(page: Page): Promise<number> {
  await waitForStudentList(page);
  const lede = await page.getByText(/^[\d,]+ students? (in your view|match)/).innerText();
  return Number(/^([\d,]+)/.exec(lede)?.[1]?.replace(/,/g, '') ?? NaN);
}

/** The numbers in one column of the student table (1-based column index). */
export async function columnNumbers(page: Page, column: number): Promise<number[]> {
  const cells = studentTable(page).locator(`tbody tr > :nth-child(${column})`);
  const texts = await cells.allInnerTexts();
  return texts.map((t) => Number(t.replace(/[,%]/g, '').trim()));
}

export function isSorted(values: number[], dir: 'asc' | 'desc'): boolean {
  return values.every(
    (v, i) => i === 0 || (dir === 'asc' ? values[i - 1]! <= v : values[i - 1]! >= v),
  );
}
