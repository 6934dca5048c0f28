/**
 * Each staff role through the main path: sign in, overview, student list (sort, flag filter),
 * a student profile. Every page is checked with axe-core and kept as a screenshot.
 */
import { expect, test } from '@playwright/test';
import {
  columnNumbers,
  expectNoAxeViolations,
  isSorted,
  listTotal,
  openApp,
  saveScreenshot,
  showAllTables,
  signInAs,
  studentTable,
  waitForStudentList,
  type RoleGroup,
} from './helpers';

const ROLES: { group: RoleGroup; slug: string }[] = [
  { group: 'Teachers', slug: 'teacher' },
  { group: 'Counselors', slug: 'counselor' },
  { group: 'School admins', slug: 'school-admin' },
];

const DAYS_ABSENT_COLUMN = 4;

for (const { group, slug } of ROLES) {
  test(`${slug}: overview, student list and a profile`, async ({ page }, testInfo) => {
    await test.step('sign in', async () => {
      await openApp(page);
      if (slug === 'teacher') {
        await expectNoAxeViolations(page, 'sign-in');
        await saveScreenshot(page, testInfo, 'sign-in');
      }
      await signInAs(page, group);
    });

    await test.step('overview shows numbers', async () => {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(/overview/i);
      const enrolled = page
        .locator('.kpi-tile', { hasText: 'Students enrolled' })
        .locator('.kpi-value');
      await expect(enrolled).toHaveText(/^[\d,]+$/);
      expect(Number((await enrolled.innerText()).replace(/,/g, ''))).toBeGreaterThan(0);
      await expect(
        page.locator('.kpi-tile', { hasText: 'Attendance rate' }).locator('.kpi-value'),
      ).toHaveText(/^\d{1,3}\.\d%$/);
      await expect(page.getByText(/data as of \w{3} \d{1,2}, \d{4}/)).toBeVisible();
      // The browser host keeps the database key in an owner-only file (no OS keychain).
      const statusBar = page.getByRole('contentinfo');
      await expect(statusBar).toContainText('Encrypted on this computer (key file)');
      await expect(statusBar).toContainText('Local only — not synced with the district');
      await expect(page.getByRole('img', { name: /attendance rate by week/i })).toBeVisible();
      await showAllTables(page);
      await expect(page.getByRole('table', { name: 'Attendance rate by week' })).toBeVisible();
      await expect(page.getByRole('table', { name: /each flag, by grade/ })).toBeVisible();
      await expectNoAxeViolations(page, `${slug} overview`);
      await saveScreenshot(page, testInfo, `${slug}-overview`);
    });

    await test.step('student list sorts by days absent', async () => {
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Students' })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: 'Students' })).toBeVisible();
      await waitForStudentList(page);
      await expect(studentTable(page).locator('tbody tr').first()).toBeVisible();
      const header = page.getByRole('columnheader', { name: /Days absent/ });
      await header.getByRole('button').click();
      await expect(header).toHaveAttribute('aria-sort', 'descending');
      await waitForStudentList(page);
      const descending = await columnNumbers(page, DAYS_ABSENT_COLUMN);
      expect(descending.length).toBeGreaterThan(1);
      expect(isSorted(descending, 'desc'), `days absent, descending: ${descending}`).toBe(true);

      await header.getByRole('button').press('Enter');
      await expect(header).toHaveAttribute('aria-sort', 'ascending');
      await waitForStudentList(page);
      const ascending = await columnNumbers(page, DAYS_ABSENT_COLUMN);
      expect(isSorted(ascending, 'asc'), `days absent, ascending: ${ascending}`).toBe(true);
      expect(ascending[0]).toBeLessThanOrEqual(descending[0]!);
    });

    await test.step('flag filter keeps only flagged students', async () => {
      await page.getByRole('combobox', { name: 'Flag' }).selectOption({ label: 'Chronic absence' });
      await expect(page).toHaveURL(/flag=chronic_absence/);
      await waitForStudentList(page);
      const rows = studentTable(page).locator('tbody tr');
      const count = await rows.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        await expect(
          rows.nth(i).locator('.flag-badge', { hasText: 'Chronic absence' }),
        ).toHaveCount(1);
      }
      await expectNoAxeViolations(page, `${slug} student list`);
      await saveScreenshot(page, testInfo, `${slug}-students`);
    });

    await test.step('a profile shows its flags and attendance calendar', async () => {
      const link = studentTable(page).locator('tbody tr').first().getByRole('link');
      const name = (await link.innerText()).split(', ').reverse().join(' ');
      await link.click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
      const flags = page.getByRole('region', { name: 'Early-warning flags' });
      await expect(flags.getByRole('listitem')).not.toHaveCount(0);
      // The list was filtered to chronic absence, so this student's flag is raised ("Not raised"
      // has a lower-case r).
      await expect(
        flags.getByRole('listitem').filter({ hasText: 'Chronic absence' }),
      ).toContainText('Raised');
      const calendar = page.getByRole('region', { name: 'Attendance calendar' });
      await expect(calendar.getByRole('table').first()).toBeVisible();
      await expect(calendar.getByRole('list', { name: 'Legend' })).toContainText(
        'Unexcused absence',
      );
      await showAllTables(page);
      await expect(
        page.getByRole('table', { name: 'Absences, tardies and early departures' }),
      ).toBeVisible();
      await expect(
        page.getByRole('table', { name: 'Grades by course and grading period' }),
      ).toBeVisible();
      await expectNoAxeViolations(page, `${slug} profile`);
      await saveScreenshot(page, testInfo, `${slug}-profile`);
      await page.getByRole('link', { name: 'Back to students' }).click();
      await expect(page).toHaveURL(/flag=chronic_absence/);
    });
  });
}

test('a teacher sees only their own students, fewer than their school admin', async ({ page }) => {
  await openApp(page);
  const teacher = await signInAs(page, 'Teachers');
  // "Aniyah Aguilar Teacher · Lincoln Middle School · 9 sections · 154 students"
  const school = teacher.split(' · ')[1];
  expect(school, `school of "${teacher}"`).toBeTruthy();
  await page.goto('/#/students');
  const teacherTotal = await listTotal(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signInAs(page, 'School admins', school);
  await page.goto('/#/students');
  const adminTotal = await listTotal(page);
  expect(teacherTotal).toBeGreaterThan(0);
  expect(teacherTotal).toBeLessThan(adminTotal);
});
