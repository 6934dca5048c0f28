/**
 * The Spanish UI, page by page, as each role uses it: no English text outside data on the
 * rendered page (tests/e2e/english.ts), the page in Spanish for screen readers (`lang="es"`),
 * and no axe violations. The sign-in page, the overview with its table alternatives, the student
 * list, a profile with its reasons and an open plan form, sections, the caseload, imports,
 * pipeline and models.
 */
import { expect, test, type Page } from '@playwright/test';
import { englishOnPage } from './english';
import {
  expectNoAxeViolations,
  openApp,
  saveScreenshot,
  signInAs,
  type RoleGroup,
} from './helpers';

async function inSpanish(page: Page, group: RoleGroup): Promise<void> {
  await openApp(page);
  await signInAs(page, group);
  await page.evaluate(() => localStorage.setItem('sightline.language', 'es'));
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('button', { name: 'Cerrar sesión' })).toBeVisible();
}

/** Opens a page by its address and waits until nothing on it is loading. */
async function visit(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 });
}

/** Opens every chart's table alternative ("Mostrar como tabla"). */
async function showAllTables(page: Page): Promise<void> {
  const buttons = page.getByRole('button', { name: 'Mostrar como tabla' });
  while ((await buttons.count()) > 0) await buttons.first().click();
}

async function expectSpanish(page: Page, label: string): Promise<void> {
  expect(await englishOnPage(page), `English on ${label}`).toEqual([]);
  await expectNoAxeViolations(page, `${label} (Spanish)`);
}

test.describe('Spanish UI', () => {
  test('sign-in page', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('sightline.language', 'es'));
    await page.goto(`/?token=${encodeURIComponent(process.env.SIGHTLINE_WEB_TOKEN ?? '')}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Iniciar sesión en Sightline');
    await expectSpanish(page, 'the sign-in page');
  });

  test('a district admin: overview, students, a profile, imports, pipeline, models', async ({
    page,
  }, testInfo) => {
    await inSpanish(page, 'District admins');
    await visit(page, '#/');
    await showAllTables(page);
    await expectSpanish(page, 'the district overview');
    await saveScreenshot(page, testInfo, 'spanish-overview');

    await visit(page, '#/students?sort=risk&dir=desc');
    await expectSpanish(page, 'the student list');
    await page.locator('main table tbody tr').first().getByRole('link').click();
    await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 });
    await showAllTables(page);
    await expectSpanish(page, 'a student profile');
    await saveScreenshot(page, testInfo, 'spanish-profile');

    for (const [hash, label] of [
      ['#/imports', 'imports'],
      ['#/pipeline', 'the pipeline page'],
      ['#/models', 'the models page'],
    ] as const) {
      await visit(page, hash);
      await expectSpanish(page, label);
    }
  });

  test('a school admin: overview with coverage and tiers by grade', async ({ page }) => {
    await inSpanish(page, 'School admins');
    await visit(page, '#/');
    await showAllTables(page);
    await expectSpanish(page, 'the school overview');
  });

  test('a teacher: my sections and a section', async ({ page }) => {
    await inSpanish(page, 'Teachers');
    await visit(page, '#/sections');
    await expectSpanish(page, 'my sections');
    await page.locator('main table tbody tr').first().getByRole('link').click();
    await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 });
    await showAllTables(page);
    await expectSpanish(page, 'a section');
  });

  test('a counselor: caseload, and a profile with the plan form open', async ({
    page,
  }, testInfo) => {
    await inSpanish(page, 'Counselors');
    await visit(page, '#/caseload');
    await page.getByRole('radio', { name: /^Todos/ }).check();
    await expectSpanish(page, 'the caseload');
    await saveScreenshot(page, testInfo, 'spanish-caseload');
    await page.locator('main table tbody tr').first().getByRole('link').click();
    await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 });
    await showAllTables(page);
    await page.getByRole('button', { name: 'Planificar una intervención' }).click();
    await expectSpanish(page, 'a profile with the plan form');
  });
});
