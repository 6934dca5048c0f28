/**
 * The states around the main path: empty results, a profile outside the user's scope, a missing
 * student, keyboard use (skip link, focus), and a district admin's school picker.
 */
import { expect, test } from '@playwright/test';
import {
  expectNoAxeViolations,
  listTotal,
  openApp,
  saveScreenshot,
  signInAs,
  signOut,
  studentTable,
  waitForStudentList,
} from './helpers';

test('empty search says so and clearing the filters brings everyone back', async ({
  page,
}, testInfo) => {
  await openApp(page);
  await signInAs(page, 'School admins');
  await page.goto('/#/students');
  const total = await listTotal(page);
  await page.getByLabel('Search by name or student number').fill('zzzz-nobody');
  await expect(page.getByText('No students match these filters.')).toBeVisible();
  await expectNoAxeViolations(page, 'empty student list');
  await saveScreenshot(page, testInfo, 'school-admin-students-empty');
  await page.getByRole('main').getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(page.getByLabel('Search by name or student number')).toHaveValue('');
  // The list reloads after the filters clear: wait for it rather than read the old count.
  await expect.poll(() => listTotal(page)).toBe(total);
});

test('a profile outside your scope is refused in words, with Retry', async ({ page }, testInfo) => {
  await openApp(page);
  // A district admin picks a school the teacher does not work at, and notes one of its students.
  await signInAs(page, 'District admins');
  await expect(page.getByRole('heading', { level: 1, name: 'District overview' })).toBeVisible();
  const picker = page.getByRole('combobox', { name: 'School' });
  const high = await picker
    .locator('option', { hasText: 'Lincoln High School' })
    .getAttribute('value');
  await picker.selectOption(high!);
  await expect(page.getByRole('heading', { level: 1, name: 'School overview' })).toBeVisible();
  await expectNoAxeViolations(page, 'district admin overview');
  await saveScreenshot(page, testInfo, 'district-admin-overview');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Students' })
    .click();
  await waitForStudentList(page);
  const href = await studentTable(page)
    .locator('tbody tr')
    .first()
    .getByRole('link')
    .getAttribute('href');
  expect(href).toMatch(/^#\/students\//);
  await signOut(page);

  await signInAs(page, 'Teachers', 'Lincoln Middle School');
  await page.goto(`/${href}`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Outside your access');
  await expect(alert).toContainText('outside your scope');
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expectNoAxeViolations(page, 'forbidden profile');
  await saveScreenshot(page, testInfo, 'teacher-profile-forbidden');

  // An id that is not in the teacher's scope, existing or not, gets the same answer.
  await page.goto('/#/students/no-such-student');
  await expect(page.getByRole('alert')).toContainText('outside your scope');
});

test('keyboard: skip link, sign-in and page headings take focus', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  // The first demo account is the next stop after the main landmark.
  await page.keyboard.press('Tab');
  await expect(
    page.getByRole('region', { name: 'Teachers' }).getByRole('button').first(),
  ).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Students' })
    .press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Students' })).toBeFocused();
});

test('a session that ended elsewhere returns to sign-in and says why', async ({ page }) => {
  await openApp(page);
  await signInAs(page, 'Counselors');
  // End this session behind the page's back, as a restart of the local service would.
  await page.evaluate(async () => {
    await fetch('/api/auth.signOut', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${sessionStorage.getItem('sightline.token') ?? ''}`,
        'x-sightline-session': sessionStorage.getItem('sightline.session') ?? '',
      },
      body: '{}',
    });
  });
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Students' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Sightline' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Your session ended' })).toBeVisible();
});
