/**
 * The student list as a virtualised table: it stands for every student (aria-rowcount, the
 * count in words), scrolls to a far row and loads it, keeps the keyboard's place, returns to the
 * same place from a profile, and exports the whole filtered list as CSV. Each state passes axe.
 */
import fs from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  callApi,
  expectNoAxeViolations,
  listTotal,
  openApp,
  saveScreenshot,
  signInAs,
  studentTable,
  waitForStudentList,
} from './helpers';

function scrollBox(page: Page) {
  return page.getByRole('region', { name: /^Student list/ });
}

/** Waits until `row` is inside the scroll box's visible part (not clipped above or below). */
async function expectShownInBox(page: Page, row: Locator): Promise<void> {
  await expect
    .poll(async () => {
      const [r, box] = await Promise.all([row.boundingBox(), scrollBox(page).boundingBox()]);
      return (
        r !== null && box !== null && r.y >= box.y - 1 && r.y + r.height <= box.y + box.height + 1
      );
    })
    .toBe(true);
}

/** The table row standing for the list's `index`-th student (0-based). */
function rowAt(page: Page, index: number) {
  return studentTable(page).locator(`tbody tr[aria-rowindex="${index + 2}"]`);
}

test('a district admin scrolls to the end of the list, opens a student, comes back, and exports it', async ({
  page,
}, testInfo) => {
  await openApp(page);
  await signInAs(page, 'District admins');
  await page.goto('/#/students?sort=name&dir=asc');
  const total = await listTotal(page);
  expect(total).toBeGreaterThan(400);
  const table = studentTable(page);

  await test.step('the table stands for every student while only a few rows exist', async () => {
    await expect(table).toHaveAttribute('aria-rowcount', String(total + 1));
    await expect(table.locator('thead tr')).toHaveAttribute('aria-rowindex', '1');
    await expect(rowAt(page, 0)).toBeVisible();
    const rendered = await table.locator('tbody tr').count();
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(80);
    await expect(
      page.getByRole('columnheader', { name: /^Name/ }).getByRole('button'),
    ).toBeVisible();
    await expect(page.getByRole('columnheader', { name: /^Name/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await expectNoAxeViolations(page, 'virtual student list, top');
  });

  const last = total - 1;
  const expected = (
    await callApi(page, 'students.list', { sort: 'name', dir: 'asc', offset: last, limit: 1 })
  ).rows[0]!;

  await test.step('the keyboard scrolls to the last student, whose row loads', async () => {
    await scrollBox(page).focus();
    await expect(scrollBox(page)).toBeFocused();
    await page.keyboard.press('End');
    const row = rowAt(page, last);
    await expect(row.getByRole('link')).toHaveText(`${expected.familyName}, ${expected.givenName}`);
    await waitForStudentList(page);
    // The header stays in view above the far rows.
    await expect(page.getByRole('columnheader', { name: /^Name/ })).toBeInViewport();
    await expectShownInBox(page, row);
    expect(await table.locator('tbody tr').count()).toBeLessThan(80);
    await expectNoAxeViolations(page, 'virtual student list, scrolled to the end');
    await saveScreenshot(page, testInfo, 'district-admin-students-end');
  });

  await test.step('a row in the middle loads when scrolled to', async () => {
    const middle = Math.floor(total / 2);
    const box = scrollBox(page);
    await box.evaluate((el, fraction) => {
      el.scrollTop = (el.scrollHeight - el.clientHeight) * fraction;
    }, middle / total);
    await waitForStudentList(page);
    const shown = await table.locator('tbody tr[aria-rowindex] a').first().innerText();
    expect(shown).toMatch(/, /);
    const index = Number(
      await table.locator('tbody tr:not(.placeholder-row)').first().getAttribute('aria-rowindex'),
    );
    expect(Math.abs(index - 2 - middle)).toBeLessThan(60);
  });

  await test.step('Tab moves from the sort buttons through the rows’ links in order', async () => {
    await scrollBox(page).focus();
    await page.keyboard.press('Tab');
    await expect(
      page.getByRole('columnheader', { name: /^Name/ }).getByRole('button'),
    ).toBeFocused();
    const focusedRow = () =>
      page
        .locator('tbody tr:has(:focus)')
        .evaluate((row) => Number(row.getAttribute('aria-rowindex')));
    for (let i = 0; i < 9; i++) await page.keyboard.press('Tab');
    const first = await focusedRow();
    for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
    // Each link in turn, the list scrolling along with the focus.
    expect(await focusedRow()).toBe(first + 12);
    await expectShownInBox(page, page.locator('tbody tr:has(:focus)'));
  });

  await test.step('Back to students returns to the same place in the list', async () => {
    await scrollBox(page).focus();
    await page.keyboard.press('End');
    const row = rowAt(page, last);
    await row.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `${expected.givenName} ${expected.familyName}`,
    );
    await page.getByRole('link', { name: 'Back to students' }).click();
    await expect(page).toHaveURL(/#\/students\?sort=name&dir=asc$/);
    await expectShownInBox(page, rowAt(page, last));
  });

  await test.step('a new sort starts again at the top', async () => {
    const header = page.getByRole('columnheader', { name: /Days absent/ });
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    await waitForStudentList(page);
    await expectShownInBox(page, rowAt(page, 0));
    expect(await scrollBox(page).evaluate((el) => el.scrollTop)).toBe(0);
  });

  await test.step('Export CSV downloads every student of the filtered list', async () => {
    await page.getByRole('combobox', { name: 'Flag' }).selectOption({ label: 'Chronic absence' });
    await waitForStudentList(page);
    const flagged = await listTotal(page);
    expect(flagged).toBeGreaterThan(0);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^sightline-students-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'student_number,name,school,grade,attendance_rate,days_absent,gpa,failing_courses,incident_days,flags,risk_tier,risk_score',
    );
    expect(lines).toHaveLength(flagged + 1);
    expect(lines.slice(1).every((l) => l.includes('chronic_absence'))).toBe(true);
    await expect(page.getByRole('status').filter({ hasText: /^Downloaded / })).toHaveText(
      `Downloaded ${download.suggestedFilename()}.`,
    );
    await expectNoAxeViolations(page, 'student list after export');
  });
});

test('an old address with page= opens the list and is tidied', async ({ page }) => {
  await openApp(page);
  await signInAs(page, 'School admins');
  await page.goto('/#/students?flag=chronic_absence&page=4');
  await expect(page.getByRole('heading', { level: 1, name: 'Students' })).toBeVisible();
  await expect(page).toHaveURL(/#\/students\?flag=chronic_absence$/);
  await waitForStudentList(page);
  await expect(studentTable(page).locator('tbody tr').first()).toBeVisible();
});
