/**
 * The early-warning risk model in the browser: a counselor sorts the list by risk, opens the
 * highest-risk student, reads why they are flagged and their risk history (as a table), marks the
 * score wrong with a note and overrides the tier, and sees both listed; a district admin reads the
 * active model's metrics, baselines and subgroup table, downloads its model card, and starts and
 * cancels a training run; school admins read the page without its controls and teachers are
 * refused it. Every page is checked with axe-core.
 *
 * The e2e host's database is shared by every spec file, so notes carry a unique stamp and nothing
 * here assumes it runs first.
 */
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
  expectNoAxeViolations,
  openApp,
  saveScreenshot,
  signInAs,
  studentTable,
  waitForStudentList,
} from './helpers';

const RISK_COLUMN = 9;

function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

/** The risk scores shown in the list's Risk column, in order (unscored rows left out). */
async function riskScores(page: Page): Promise<number[]> {
  const cells = studentTable(page).locator(`tbody tr > :nth-child(${RISK_COLUMN})`);
  const texts = await cells.allInnerTexts();
  return texts
    .map((t) => /(\d{1,3})%/.exec(t)?.[1])
    .filter((v): v is string => v !== undefined)
    .map(Number);
}

test('a counselor opens the highest-risk student, reads why, and marks the flag wrong', async ({
  page,
}, testInfo) => {
  const stamp = `e2e ${Date.now()}`;
  await openApp(page);
  await signInAs(page, 'Counselors');

  await test.step('the student list sorts by risk, highest first', async () => {
    await mainNav(page).getByRole('link', { name: 'Students' }).click();
    await waitForStudentList(page);
    const header = page.getByRole('columnheader', { name: /^Risk/ });
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    await expect(page).toHaveURL(/sort=risk&dir=desc/);
    await waitForStudentList(page);
    const first = studentTable(page).locator('tbody tr').first();
    await expect(first.locator('.risk-chip')).toHaveText(/(High|Moderate|Low) risk\s*\d{1,3}%/);
    const scores = await riskScores(page);
    expect(scores.length).toBeGreaterThan(1);
    expect(
      scores.every((s, i) => i === 0 || scores[i - 1]! >= s),
      `risk scores, descending: ${scores}`,
    ).toBe(true);
    await expect(page.getByRole('combobox', { name: 'Risk tier' })).toBeVisible();
    await expectNoAxeViolations(page, 'counselor student list by risk');
    await saveScreenshot(page, testInfo, 'risk-students');
  });

  await test.step('the tier filter keeps only that tier', async () => {
    await page.getByRole('combobox', { name: 'Risk tier' }).selectOption('high');
    await expect(page).toHaveURL(/tier=high/);
    await waitForStudentList(page);
    const chips = studentTable(page).locator('tbody tr .risk-chip');
    const count = await chips.count();
    for (let i = 0; i < count; i++) await expect(chips.nth(i)).toContainText('High');
    await page.getByRole('combobox', { name: 'Risk tier' }).selectOption('');
    await waitForStudentList(page);
  });

  await test.step('the profile shows the risk card beside the flags, with reasons', async () => {
    const link = studentTable(page).locator('tbody tr').first().getByRole('link');
    const name = (await link.innerText()).split(', ').reverse().join(' ');
    await link.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    const card = page.getByRole('region', { name: 'Risk', exact: true });
    await expect(card.locator('.risk-chip').first()).toHaveText(/(High|Moderate) risk\s*\d{1,3}%/);
    await expect(card.getByText('Change since last week', { exact: true })).toBeVisible();
    await expect(card.getByText('Model', { exact: true })).toBeVisible();
    await expect(card.getByText('Computed from data as of', { exact: true })).toBeVisible();
    await expect(card.getByRole('heading', { level: 3, name: 'Why flagged' })).toBeVisible();
    const reasons = card.locator('.factor-list > li');
    expect(await reasons.count()).toBeGreaterThan(0);
    await expect(reasons.first().locator('.factor-sentence')).toHaveText(/\w{3,}/);
    await expect(reasons.first().locator('.factor-meta')).toHaveText(
      /(Raises|Lowers) the score( by \d+ points?)?|Barely changes the score/,
    );
    await expect(page.getByRole('region', { name: 'Early-warning flags' })).toBeVisible();
  });

  await test.step('the risk history chart has its table alternative', async () => {
    const figure = page.getByRole('region', { name: 'Risk score by week' });
    await expect(figure.getByRole('img', { name: /risk score by week/i })).toBeVisible();
    await figure.getByRole('button', { name: 'Show as table' }).click();
    const table = page.getByRole('table', { name: 'Risk score by week' });
    await expect(table).toBeVisible();
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
    await expect(table.locator('tbody tr').last()).toContainText(/\d{1,3}%/);
  });

  const feedback = page.getByRole('table', { name: /^Feedback on this student’s flags/ });
  await test.step('marking the score wrong with a note lists it with who and when', async () => {
    const card = page.getByRole('region', { name: 'Risk', exact: true });
    await card.getByLabel('Note (optional)').fill(`${stamp}: attendance is back on track`);
    await card.getByRole('button', { name: 'This flag is wrong' }).click();
    await expect(card.getByRole('status').filter({ hasText: /^Saved/ })).toHaveText(
      /^Saved: you marked the risk score as wrong\./,
    );
    const row = feedback.locator('tbody tr', { hasText: stamp });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Risk score');
    await expect(row).toContainText('Wrong');
    await expect(row.getByRole('rowheader')).toHaveText(/\w{3} \d{1,2}, \d{4}/);
    await expect(card.getByLabel('Note (optional)')).toHaveValue('');
  });

  await test.step('an override needs a tier and a reason, then shows beside the score', async () => {
    const card = page.getByRole('region', { name: 'Risk', exact: true });
    await card.getByRole('button', { name: 'Override tier…' }).click();
    await expect(card.getByRole('button', { name: 'Override tier…' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await card.getByRole('button', { name: 'Save override' }).click();
    await expect(card.getByRole('alert')).toHaveText('Choose the tier you think is right.');
    await card.getByLabel('Tier you think is right').selectOption('low');
    await card.getByRole('button', { name: 'Save override' }).click();
    await expect(card.getByRole('alert')).toHaveText(/^Say why in the note/);
    await expectNoAxeViolations(page, 'risk override form with a problem');
    await card.getByLabel('Why? (required)').fill(`${stamp}: moved house, attending daily now`);
    await card.getByRole('button', { name: 'Save override' }).click();
    await expect(card.getByRole('status').filter({ hasText: /^Saved/ })).toHaveText(
      /^Saved: you set this student’s tier to Low\./,
    );
    await expect(card.locator('.risk-override-line')).toContainText('Set to Low by');
    const row = feedback.locator('tbody tr', { hasText: 'moved house' }).first();
    await expect(row).toContainText('Tier set to Low');
  });

  await test.step('a transparent flag can be marked right or wrong on its row', async () => {
    const flags = page.getByRole('region', { name: 'Early-warning flags' });
    const right = flags.getByRole('button', { name: /flag is right$/ }).first();
    await right.click();
    await expect(
      flags
        .getByRole('status')
        .filter({ hasText: /^Saved/ })
        .first(),
    ).toHaveText('Saved: you marked this flag right.');
  });

  await test.step('the profile passes axe with every table open', async () => {
    const showButtons = page.getByRole('button', { name: 'Show as table' });
    while ((await showButtons.count()) > 0) await showButtons.first().click();
    await expectNoAxeViolations(page, 'counselor profile with risk');
    await saveScreenshot(page, testInfo, 'risk-profile');
  });

  await test.step('the list shows the override beside the model’s tier', async () => {
    await page.getByRole('link', { name: 'Back to students' }).click();
    await waitForStudentList(page);
    await expect(studentTable(page).locator('.risk-override').first()).toContainText(
      /(High|Moderate|Low) \(override\)$/,
    );
  });
});

test('a district admin reads the active model’s metrics, baselines and subgroups', async ({
  page,
}, testInfo) => {
  // Cancelling a training run waits for the job to reach its next check.
  test.setTimeout(180_000);
  await openApp(page);
  await signInAs(page, 'District admins');

  await test.step('the Models page explains the numbers and lists the versions', async () => {
    await mainNav(page).getByRole('link', { name: 'Models' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Risk models' })).toBeFocused();
    await expect(page.getByRole('region', { name: 'What the numbers mean' })).toContainText(
      'Of the students flagged, how many actually had the outcome',
    );
    const versions = page.getByRole('table', { name: 'Risk model versions, newest first' });
    await expect(versions.locator('tbody tr').first()).toBeVisible();
    await expect(versions.locator('.status-badge', { hasText: /^Active$/ })).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Train a new model' })).toBeEnabled();
  });

  await test.step('the active model is shown in detail with its metrics', async () => {
    const detail = page.locator('.model-detail');
    await expect(detail.locator('.status-badge')).toHaveText('Active');
    await expect(detail).toContainText('This is the active model');
    const precision = detail.locator('.kpi-tile', { hasText: /^Precision at \d+%/ });
    await expect(precision.locator('.kpi-value')).toHaveText(/^\d{1,3}%$/);
    await expect(detail.locator('.kpi-tile', { hasText: /^AUC/ }).locator('.kpi-value')).toHaveText(
      /^[01]\.\d\d$/,
    );
    await expect(page.getByRole('button', { name: 'Activate' })).toHaveCount(0);
  });

  await test.step('baselines, subgroups, calibration and features are tables and lists', async () => {
    const baselines = page.getByRole('table', { name: /^Baselines: transparent rules/ });
    await expect(baselines).toBeVisible();
    expect(await baselines.locator('tbody tr').count()).toBeGreaterThan(1);
    const subgroups = page.getByRole('table', { name: /False-alarm and miss rates by group/ });
    await expect(subgroups).toBeVisible();
    expect(await subgroups.locator('tbody tr').count()).toBeGreaterThan(1);
    await expect(subgroups.getByRole('columnheader', { name: 'Miss rate' })).toBeVisible();
    await expect(page.getByRole('table', { name: /^Calibration/ })).toBeVisible();
    await expect(page.getByRole('region', { name: 'What the model reads' })).toContainText(
      'never among them',
    );
    await expectNoAxeViolations(page, 'models page');
    await saveScreenshot(page, testInfo, 'risk-models');
  });

  await test.step('the model card downloads as Markdown', async () => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download model card (Markdown)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    expect(text.length).toBeGreaterThan(100);
    await expect(page.getByRole('status').filter({ hasText: /^Downloaded / })).toBeVisible();
  });

  await test.step('training shows progress and can be cancelled', async () => {
    await page.getByRole('button', { name: 'Train a new model' }).click();
    const progress = page.getByRole('progressbar', { name: 'Training progress' });
    const finished = page.getByText(/^✓ Training finished/);
    await expect(progress.or(finished)).toBeVisible();
    if (await progress.isVisible()) {
      await expectNoAxeViolations(page, 'models page while training');
      await page.getByRole('button', { name: 'Cancel training' }).click();
      await expect(
        page.getByRole('alert').filter({ hasText: 'Training was cancelled' }).or(finished),
      ).toBeVisible({ timeout: 60_000 });
    }
    await expect(page.getByRole('button', { name: 'Train a new model' })).toBeEnabled();
  });
});

test('school admins read the models page without its controls; teachers are refused', async ({
  page,
}) => {
  await openApp(page);
  await signInAs(page, 'School admins');
  await mainNav(page).getByRole('link', { name: 'Models' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Risk models' })).toBeVisible();
  await expect(page.getByText(/Only district admins train, activate or roll back/)).toBeVisible();
  await expect(page.locator('.model-detail')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train a new model' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Roll back…' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'models page for a school admin');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signInAs(page, 'Teachers');
  await expect(mainNav(page).getByRole('link', { name: 'Models' })).toHaveCount(0);
  await page.goto('/#/models');
  await expect(page.getByRole('alert')).toContainText('Outside your access');
  await expectNoAxeViolations(page, 'models page refused for a teacher');
});
