/**
 * MTSS interventions in the browser: a counselor sorts their students by risk, opens the
 * highest-risk one and plans a Tier 2 intervention (an empty goal is refused next to its field
 * and nothing typed is lost), finds it among the check-ins due on the overview, records a private
 * check-in and closes it with an outcome; an edit made against an older version is refused with
 * both versions shown; a school admin reads coverage on the overview and sees that a private note
 * exists without reading it. Every state is checked with axe-core.
 *
 * The e2e host's database is shared by every spec file, so goals carry a unique stamp. The tests
 * build on each other (one student's plans), hence serial.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  expectNoAxeViolations,
  openApp,
  saveScreenshot,
  signInAs,
  signOut,
  studentTable,
  waitForStudentList,
} from './helpers';

const stamp = `e2e ${Date.now()}`;
const goal = `${stamp}: attend at least 95% of school days for six weeks`;

/** A calendar date `days` from today on this machine (the host runs here too), as YYYY-MM-DD. */
function isoDay(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function mainNav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Main' });
}

function section(page: Page): Locator {
  return page.getByRole('region', { name: 'Interventions', exact: true });
}

/** The intervention whose goal carries `text`. */
function planCard(page: Page, text: string): Locator {
  return section(page).getByRole('article').filter({ hasText: text });
}

/** Shared between the serial tests: the student the counselor chose. */
const student = { name: '', school: '', url: '' };

test.describe.serial('interventions', () => {
  test('a counselor plans a Tier 2 intervention, checks in and closes it', async ({
    page,
  }, testInfo) => {
    await openApp(page);
    await signInAs(page, 'Counselors');

    await test.step('the highest-risk student on the caseload opens with no interventions yet', async () => {
      await mainNav(page).getByRole('link', { name: 'Students' }).click();
      await waitForStudentList(page);
      const header = page.getByRole('columnheader', { name: /^Risk/ });
      await header.getByRole('button').click();
      await expect(header).toHaveAttribute('aria-sort', 'descending');
      await waitForStudentList(page);
      const link = studentTable(page).locator('tbody tr').first().getByRole('link');
      student.name = (await link.innerText()).split(', ').reverse().join(' ');
      await link.click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(student.name);
      student.school = (
        await page.locator('.facts div', { hasText: 'School' }).locator('dd').innerText()
      ).trim();
      student.url = page.url();
      await expect(section(page).getByText('No interventions for this student yet.')).toBeVisible();
      await expect(section(page)).toContainText('plan one: choose a tier');
    });

    const form = section(page).getByRole('form', { name: 'Plan an intervention' });
    await test.step('the plan form opens with DOMAIN defaults and passes axe', async () => {
      await section(page).getByRole('button', { name: 'Plan an intervention' }).click();
      await expect(form.getByRole('heading', { name: 'Plan an intervention' })).toBeFocused();
      await expect(form.getByRole('radio', { name: 'Tier 2 · targeted' })).toBeChecked();
      await expect(form.getByLabel('Check progress')).toHaveValue('biweekly');
      await expect(form.getByLabel('Start date')).toHaveValue(isoDay(0));
      await expect(form.getByLabel('Planned end date')).toHaveValue(isoDay(42));
      // The counselor champions it unless they choose someone else.
      await expect(form.getByLabel('Champion')).not.toHaveValue('');
      await expect(form.getByLabel('Champion').locator('option:checked')).toHaveText(/\(you\)$/);
      await expectNoAxeViolations(page, 'profile with the plan form open');
      await saveScreenshot(page, testInfo, 'interventions-plan-form');
    });

    await test.step('an empty goal is refused beside its field; everything typed stays', async () => {
      await form.getByLabel('What it addresses').selectOption('attendance');
      await form
        .getByLabel('Strategies (optional)')
        .fill('Daily check-in with the counselor; a call home after any absence.');
      // Started three weeks ago: the first two-weekly check-in is already overdue.
      await form.getByLabel('Start date').fill(isoDay(-20));
      await expect(form.getByLabel('Planned end date')).toHaveValue(isoDay(22));
      await form.getByRole('button', { name: 'Save plan' }).click();

      const goalBox = form.getByLabel('Goal', { exact: true });
      await expect(goalBox).toHaveAttribute('aria-invalid', 'true');
      await expect(goalBox).toHaveAccessibleDescription(
        /^Write the goal: what should change, by how much, by when\./,
      );
      await expect(goalBox).toBeFocused();
      await expect(form.locator('.form-problem')).toContainText('Fix the 1 field marked below.');
      await expect(form.getByLabel('What it addresses')).toHaveValue('attendance');
      await expect(form.getByLabel('Strategies (optional)')).toHaveValue(/^Daily check-in/);
      await expect(form.getByLabel('Start date')).toHaveValue(isoDay(-20));
      await expect(form.getByRole('radio', { name: 'Tier 2 · targeted' })).toBeChecked();
      await expectNoAxeViolations(page, 'plan form with a refused goal');

      await goalBox.fill(goal);
      await form.getByRole('button', { name: 'Save plan' }).click();
      await expect(form).toHaveCount(0);
      await expect(
        section(page)
          .getByRole('status')
          .filter({ hasText: /^Saved/ }),
      ).toHaveText(/^Saved: the intervention is planned/);
    });

    const card = planCard(page, stamp);
    await test.step('the plan is listed with its tier, schedule and overdue check-in', async () => {
      await expect(card.getByRole('heading', { level: 3 })).toHaveText(
        'Attendance · Tier 2 · targeted',
      );
      await expect(card.getByRole('heading', { level: 3 })).toBeFocused();
      await expect(card.locator('.status-badge')).toHaveText('Active');
      await expect(card).toContainText('Every two weeks');
      await expect(card).toContainText(/Overdue by 6 days \(due \w{3} \d{1,2}, \d{4}\)/);
      await expect(card).toContainText('No check-ins yet.');
    });

    await test.step('the overview lists the overdue check-in and links to the profile', async () => {
      await mainNav(page).getByRole('link', { name: 'Overview' }).click();
      const due = page.getByRole('region', { name: 'Check-ins due' });
      const row = due.getByRole('row').filter({ hasText: student.name });
      await expect(row).toContainText('Attendance · Tier 2 · targeted');
      await expect(row).toContainText('Overdue by 6 days');
      await expectNoAxeViolations(page, 'counselor overview with check-ins due');
      await saveScreenshot(page, testInfo, 'interventions-due');
      await row.getByRole('link', { name: student.name }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(student.name);
    });

    await test.step('a private check-in is recorded and marked Private', async () => {
      const addCheckIn = card.getByRole('button', { name: 'Add check-in' });
      const checkIn = card.getByRole('form', { name: 'Add a check-in' });
      // Cancel puts focus back on the button that opened the form.
      await addCheckIn.click();
      await checkIn.getByRole('button', { name: 'Cancel' }).click();
      await expect(checkIn).toHaveCount(0);
      await expect(addCheckIn).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(checkIn.getByRole('heading', { name: 'Add a check-in' })).toBeFocused();
      await expect(checkIn.getByLabel('Date of the check-in')).toHaveValue(isoDay(0));
      const privateBox = checkIn.getByRole('checkbox', { name: 'Private check-in' });
      await expect(privateBox).toHaveAccessibleDescription(/^Only you and counselors can read/);
      await checkIn.getByRole('radio', { name: 'Improving' }).check();
      await checkIn.getByLabel('Note', { exact: true }).fill(`${stamp}: came every day this week`);
      await privateBox.check();
      await expectNoAxeViolations(page, 'check-in form');
      await checkIn.getByRole('button', { name: 'Save check-in' }).click();
      await expect(checkIn).toHaveCount(0);
      const entry = card.locator('.checkin-list > li').first();
      await expect(entry).toContainText('Improving');
      await expect(entry).toContainText('Private');
      await expect(entry).toContainText('came every day this week');
      await expect(card).toContainText(/Due \w{3} \d{1,2}, \d{4} \(in 14 days\)/);
    });

    await test.step('closing records the outcome and ends check-ins', async () => {
      await card.getByRole('button', { name: 'Close intervention' }).click();
      const closing = card.getByRole('form', { name: 'Close the intervention' });
      await closing.getByRole('button', { name: 'Close intervention' }).click();
      await expect(closing.getByRole('group', { name: 'Outcome' })).toHaveAccessibleDescription(
        'Choose the outcome.',
      );
      await closing.getByRole('radio', { name: 'Goal met' }).check();
      await closing
        .getByLabel('What happened (optional)')
        .fill('Attendance back above 95% for three weeks.');
      await closing.getByRole('button', { name: 'Close intervention' }).click();
      await expect(closing).toHaveCount(0);
      await expect(card.locator('.status-badge')).toHaveText('Closed');
      await expect(card).toContainText('Goal met');
      await expect(card).toContainText('Attendance back above 95% for three weeks.');
      // A closed plan takes no more check-ins, edits or closing; it can still be printed.
      await expect(card.getByRole('button')).toHaveText(['Print plan (PDF)']);
      await expect(card).not.toContainText('Next check-in');
      await expectNoAxeViolations(page, 'profile with a closed intervention');
      await saveScreenshot(page, testInfo, 'interventions-profile');
    });
  });

  test('an edit made against an older version is refused and keeps what was typed', async ({
    page,
    browser,
  }) => {
    await openApp(page);
    await signInAs(page, 'Counselors');
    await page.goto(student.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(student.name);

    await test.step('a Tier 3 behaviour plan follows the tier’s weekly monitoring', async () => {
      await section(page).getByRole('button', { name: 'Plan an intervention' }).click();
      const form = section(page).getByRole('form', { name: 'Plan an intervention' });
      await form.getByRole('radio', { name: 'Tier 3 · intensive' }).check();
      await expect(form.getByLabel('Check progress')).toHaveValue('weekly');
      await form.getByLabel('What it addresses').selectOption('behaviour');
      await form.getByLabel('Goal', { exact: true }).fill(`${stamp}: no referrals for a month`);
      await form.getByRole('button', { name: 'Save plan' }).click();
      await expect(planCard(page, 'no referrals for a month')).toContainText('Every week');
    });

    const card = planCard(page, 'no referrals for');
    await card.getByRole('button', { name: 'Edit plan' }).click();
    const edit = card.getByRole('form', { name: 'Edit the plan' });
    await edit.getByLabel('Goal', { exact: true }).fill(`${stamp}: no referrals for six weeks`);

    await test.step('someone else saves the same plan first', async () => {
      const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
      const second = await other.newPage();
      await openApp(second);
      await signInAs(second, 'Counselors');
      await second.goto(student.url);
      const theirs = planCard(second, 'no referrals for a month');
      await theirs.getByRole('button', { name: 'Edit plan' }).click();
      await theirs.getByLabel('Strategies (optional)').fill('Weekly mentoring with the coach.');
      await theirs.getByRole('button', { name: 'Save changes' }).click();
      await expect(theirs).toContainText('Weekly mentoring with the coach.');
      await other.close();
    });

    await test.step('the refusal shows their version beside ours; ours can be saved over it', async () => {
      await edit.getByRole('button', { name: 'Save changes' }).click();
      const problem = edit.locator('.form-problem');
      await expect(problem).toContainText('Changed by someone else');
      await expect(problem).toBeFocused();
      await expect(problem.locator('.conflict-list')).toContainText('Weekly mentoring');
      await expect(edit.getByLabel('Goal', { exact: true })).toHaveValue(
        `${stamp}: no referrals for six weeks`,
      );
      await expectNoAxeViolations(page, 'plan edit refused by a conflict');
      await problem.getByRole('button', { name: 'Save my version over it' }).click();
      await expect(edit).toHaveCount(0);
      await expect(card).toContainText('no referrals for six weeks');
      await expect(card.getByRole('status')).toHaveText('Saved: the plan is updated.');
    });
  });

  test('a school admin reads intervention coverage and sees private notes exist', async ({
    page,
  }, testInfo) => {
    await openApp(page);
    await signInAs(page, 'School admins', student.school);

    await test.step('the overview counts high-risk students with an active intervention', async () => {
      const coverage = page.getByRole('region', { name: 'Intervention coverage' });
      await expect(coverage.locator('.coverage-headline')).toHaveText(
        /^(\d[\d,]*) of (\d[\d,]*) high-risk students? (have|has) an active intervention|^No students/,
      );
      const byType = coverage.getByRole('table', { name: 'Interventions by what they address' });
      const attendance = byType.getByRole('row', { name: /^Attendance/ });
      await expect(attendance.getByRole('cell').nth(1)).not.toHaveText('0');
      const behaviour = byType.getByRole('row', { name: /^Behaviour/ });
      await expect(behaviour.getByRole('cell').nth(0)).not.toHaveText('0');
      const byTier = coverage.getByRole('table', { name: 'Active interventions by tier' });
      await expect(byTier.getByRole('row', { name: /^Tier 3 · intensive/ })).toBeVisible();
      const byOutcome = coverage.getByRole('table', { name: 'Closed interventions by outcome' });
      await expect(
        byOutcome.getByRole('row', { name: /^Goal met/ }).getByRole('cell'),
      ).not.toHaveText('0');
      await expect(page.getByRole('region', { name: 'Check-ins due' })).toBeVisible();
      await expectNoAxeViolations(page, 'school admin overview with coverage');
      await saveScreenshot(page, testInfo, 'interventions-coverage');
    });

    await test.step('on the profile the counselor’s private check-in is counted, not shown', async () => {
      await page.goto(student.url);
      const card = planCard(page, 'attend at least 95%');
      await expect(card).toContainText('1 private note hidden');
      await expect(card).not.toContainText('came every day this week');
      await signOut(page);
    });
  });
});
