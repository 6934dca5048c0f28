/**
 * A counselor's main task, from "My caseload": find the highest-risk student with something new
 * since the data they last saw, open the profile, plan a Tier 2 intervention, add a check-in and
 * close it; back on the caseload the plan shows, and "Mark all as seen" clears what was new.
 * Every state is checked with axe-core.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations, openApp, saveScreenshot, signInAs } from './helpers';

const stamp = `caseload e2e ${Date.now()}`;

function caseloadTable(page: Page): Locator {
  return page.getByRole('table', { name: /^Your caseload/ });
}

function interventions(page: Page): Locator {
  return page.getByRole('region', { name: 'Interventions', exact: true });
}

test('a counselor acts on the highest-risk new flag from their caseload', async ({
  page,
}, testInfo) => {
  await openApp(page);
  await signInAs(page, 'Counselors');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'My caseload' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My caseload');
  await expect(caseloadTable(page)).toBeVisible();
  await expectNoAxeViolations(page, 'my caseload');
  await saveScreenshot(page, testInfo, 'caseload');

  let name = '';
  await test.step('only what is new, highest risk first', async () => {
    await page.getByRole('radio', { name: /^New \(\d+\)$/ }).check();
    await expect(page.getByLabel('Order')).toHaveValue('risk');
    const rows = caseloadTable(page).locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    // Every row shown is marked New in words.
    const count = await rows.count();
    for (let i = 0; i < count; i++)
      await expect(rows.nth(i).getByText('New', { exact: true })).toBeVisible();
    // Sorted by the risk score, highest first.
    const scores = (await rows.locator('.risk-chip-score').allInnerTexts()).map((s) =>
      Number(s.replace('%', '')),
    );
    expect(scores.length).toBeGreaterThan(0);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    await expectNoAxeViolations(page, 'caseload showing what is new');
    const link = rows.first().getByRole('link');
    name = (await link.innerText()).split(', ').reverse().join(' ');
    await link.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  });

  await test.step('plans a Tier 2 intervention', async () => {
    await interventions(page).getByRole('button', { name: 'Plan an intervention' }).click();
    const form = interventions(page).getByRole('form', { name: 'Plan an intervention' });
    await expect(form.getByRole('radio', { name: 'Tier 2 · targeted' })).toBeChecked();
    await form.getByLabel('What it addresses').selectOption('academic');
    await form.getByLabel('Goal', { exact: true }).fill(`${stamp}: pass every course this term`);
    await form.getByRole('button', { name: 'Save plan' }).click();
    await expect(form).toHaveCount(0);
  });

  const card = interventions(page).getByRole('article').filter({ hasText: stamp });
  await test.step('adds a check-in', async () => {
    await card.getByRole('button', { name: 'Add check-in' }).click();
    const checkIn = card.getByRole('form', { name: 'Add a check-in' });
    await checkIn.getByRole('radio', { name: 'Improving' }).check();
    await checkIn.getByLabel('Note', { exact: true }).fill(`${stamp}: tutoring twice this week`);
    await checkIn.getByRole('button', { name: 'Save check-in' }).click();
    await expect(checkIn).toHaveCount(0);
    await expect(card.locator('.checkin-list > li').first()).toContainText('tutoring twice');
  });

  await test.step('closes it with an outcome', async () => {
    await card.getByRole('button', { name: 'Close intervention' }).click();
    const closing = card.getByRole('form', { name: 'Close the intervention' });
    await closing.getByRole('radio', { name: 'Goal met' }).check();
    await closing.getByRole('button', { name: 'Close intervention' }).click();
    await expect(closing).toHaveCount(0);
    await expect(card.locator('.status-badge')).toHaveText('Closed');
  });

  await test.step('marking all as seen leaves nothing new', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'My caseload' })
      .click();
    await expect(caseloadTable(page)).toBeVisible();
    await page.getByRole('button', { name: 'Mark all as seen' }).click();
    await expect(page.getByRole('radio', { name: 'New (0)' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Mark all as seen' })).toBeDisabled();
    await page.getByRole('radio', { name: 'New (0)' }).check();
    await expect(page.getByText('Nothing new since the data you last saw.')).toBeVisible();
    await expectNoAxeViolations(page, 'caseload with nothing new');
  });
});

test('teachers have no caseload, in the menu or through the API', async ({ page }) => {
  await openApp(page);
  await signInAs(page, 'Teachers');
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My caseload' }),
  ).toHaveCount(0);
  await page.goto(`${page.url().split('#')[0]}#/caseload`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My caseload');
  await expect(page.getByRole('alert')).toContainText('My caseload is for counselors');
});
