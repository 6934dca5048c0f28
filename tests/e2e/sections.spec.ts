/**
 * "My sections" in the browser: a teacher lists the classes they teach, opens the one with the
 * most high-risk students, reads who needs attention and why, sorts the roster, reads the class
 * trend as a table, and downloads the class report (with the keyboard); opens a student from the
 * roster and downloads their report; plans an intervention and prints its plan. Each PDF is
 * checked to be one. A teacher who opens a section they do not teach is refused in words. Every
 * page is checked with axe-core.
 *
 * The e2e host's database is shared by every spec file, so the plan's goal carries a unique
 * stamp and nothing here assumes it runs first.
 */
import fs from 'node:fs';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import type { StaffSummary } from '../../main/api/contract';
import {
  callApi,
  expectNoAxeViolations,
  openApp,
  saveScreenshot,
  showAllTables,
  signInAs,
  signOut,
} from './helpers';

function mainNav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Main' });
}

/** The download's file is a PDF: its suggested name ends in .pdf and its bytes start with %PDF. */
async function expectPdf(download: Download): Promise<string> {
  const name = download.suggestedFilename();
  expect(name).toMatch(/\.pdf$/);
  const bytes = fs.readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return name;
}

/** Holds the next call to `method` for a moment, so a busy state can be seen however fast it is. */
async function slowDown(page: Page, method: string): Promise<void> {
  await page.route(`**/api/${method}`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 700));
    await route.continue();
  });
}

async function signedInStaff(page: Page): Promise<StaffSummary> {
  const { staff } = await callApi(page, 'auth.me');
  expect(staff).not.toBeNull();
  return staff!;
}

test('a teacher opens a section, reads who needs attention, and downloads the class and student reports', async ({
  page,
}, testInfo) => {
  const stamp = `e2e ${Date.now()}`;
  await openApp(page);
  await signInAs(page, 'Teachers');
  const me = await signedInStaff(page);
  const myName = `${me.givenName} ${me.familyName}`;

  const list = page.getByRole('table', { name: 'Sections you teach' });
  let sectionTitle = '';
  let enrolled = 0;
  await test.step('My sections lists the classes they teach', async () => {
    await mainNav(page).getByRole('link', { name: 'My sections' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My sections' })).toBeFocused();
    await expect(mainNav(page).getByRole('link', { name: 'My sections' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(list.getByRole('columnheader')).toHaveText([
      'Course',
      'Section',
      'Period',
      'Term',
      'Teachers',
      'Students',
      'Flagged',
      'High risk',
    ]);
    // The core's answer is the oracle: the same sections, in the same order.
    const { sections } = await callApi(page, 'sections.list');
    expect(sections.length).toBeGreaterThan(0);
    const rows = list.locator('tbody tr');
    await expect(rows).toHaveCount(sections.length);
    await expect(rows.locator('th')).toHaveText(sections.map((s) => s.courseTitle));
    for (const teachers of await rows.locator('td:nth-child(5)').allInnerTexts()) {
      expect(teachers).toContain(myName);
    }
    await expectNoAxeViolations(page, 'teacher’s sections list');
    await saveScreenshot(page, testInfo, 'sections-list');

    // The section with the most high-risk students has someone to look at this week.
    const pick = sections.reduce((a, b) => (b.highRisk > a.highRisk ? b : a));
    expect(pick.highRisk).toBeGreaterThan(0);
    sectionTitle = pick.title;
    enrolled = pick.students;
    const link = list.getByRole('link', { name: `${pick.title} (${pick.termTitle})` });
    await expect(link).toHaveCount(1);
    await link.click();
  });

  const roster = page.getByRole('table', { name: /^Roster of / });
  await test.step('the section shows its header, who needs attention and the roster', async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(sectionTitle);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    const facts = page.locator('.facts');
    await expect(facts.locator('div', { hasText: /^Teachers?/ }).locator('dd')).toContainText(
      myName,
    );
    await expect(facts.locator('div', { hasText: 'Data as of' }).locator('dd')).toHaveText(
      /\w{3} \d{1,2}, \d{4}/,
    );
    await expect(facts.locator('div', { hasText: 'Students' }).locator('dd')).toHaveText(
      `${enrolled} students enrolled`,
    );

    const attention = page.getByRole('region', { name: 'Needs attention this week' });
    const items = attention.getByRole('listitem');
    expect(await items.count()).toBeGreaterThan(0);
    await expect(items.first().getByRole('link')).toHaveAttribute('href', /^#\/students\/.+/);
    await expect(items.first().locator('.needs-attention-reasons')).toHaveText(
      /(Risk rose from|High risk tier|Grade in this class fell|Failing this class)/,
    );

    await expect(roster.locator('tbody tr')).toHaveCount(enrolled);
    await expect(roster.getByRole('columnheader', { name: 'Student' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    // Arrows and signs are shown; a screen reader gets the words ("Up from moderate", "down 6 points").
    const tierChanges = await roster.locator('tbody tr > :nth-child(5)').allTextContents();
    for (const text of tierChanges) {
      expect(text).toMatch(
        /^((↑Up|↓Down) from (low|moderate|high)|No change|No score last week|Not scored)$/,
      );
    }
    const gradeChanges = await roster
      .locator('tbody tr > :nth-child(8) [aria-hidden="true"]')
      .allTextContents();
    expect(gradeChanges).toHaveLength(enrolled);
    for (const text of gradeChanges) expect(text).toMatch(/^([+−]\d+ pts?|No change|—)$/);
  });

  await test.step('the roster sorts by a column header, highest risk first', async () => {
    const risk = roster.getByRole('columnheader', { name: 'Risk', exact: true });
    await risk.getByRole('button').click();
    await expect(risk).toHaveAttribute('aria-sort', 'descending');
    await expect(roster).toHaveAccessibleName(/sorted by risk score, descending$/);
    await expect(roster.locator('tbody tr').first().locator('.risk-chip')).toContainText('High');
    await risk.getByRole('button').click();
    await expect(risk).toHaveAttribute('aria-sort', 'ascending');
  });

  await test.step('the class trend has its table alternative, and the page passes axe', async () => {
    const figure = page.getByRole('region', { name: 'Attendance and average grade by week' });
    await expect(
      figure.getByRole('img', { name: /attendance rate and average grade/ }),
    ).toBeVisible();
    await showAllTables(page);
    const table = page.getByRole('table', { name: 'Attendance and average grade by week' });
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
    await expect(table.locator('tbody tr').last()).toContainText(/\d+(\.\d)?%/);
    await expectNoAxeViolations(page, 'section page');
    await saveScreenshot(page, testInfo, 'section');
  });

  await test.step('the class report downloads as a PDF, from the keyboard', async () => {
    const button = page.getByRole('button', { name: 'Class report (PDF)' });
    await page.getByRole('heading', { level: 1 }).focus();
    await page.keyboard.press('Tab');
    await expect(button).toBeFocused();
    await slowDown(page, 'reports.classReport');
    const downloading = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const busy = page.getByRole('button', { name: 'Preparing PDF…' });
    await expect(busy).toHaveAttribute('aria-busy', 'true');
    await expect(busy).toBeDisabled();
    await expect(busy).toBeFocused();
    const name = await expectPdf(await downloading);
    await expect(page.getByRole('status').filter({ hasText: /^Downloaded/ })).toHaveText(
      `Downloaded ${name}.`,
    );
    await expect(button).toBeEnabled();
    await page.unrouteAll();
  });

  await test.step('a student opens from the roster and their report downloads', async () => {
    const link = roster.locator('tbody tr').first().getByRole('link');
    const name = (await link.innerText()).split(', ').reverse().join(' ');
    await link.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download report (PDF)' }).click();
    const file = await expectPdf(await downloading);
    await expect(page.getByRole('status').filter({ hasText: /^Downloaded/ })).toHaveText(
      `Downloaded ${file}.`,
    );
  });

  await test.step('an intervention’s plan prints as a PDF', async () => {
    const interventions = page.getByRole('region', { name: 'Interventions', exact: true });
    await interventions.getByRole('button', { name: 'Plan an intervention' }).click();
    const form = interventions.getByRole('form', { name: 'Plan an intervention' });
    await form.getByLabel('What it addresses').selectOption('academic');
    await form.getByLabel('Goal', { exact: true }).fill(`${stamp}: raise the class grade to a C`);
    await form.getByRole('button', { name: 'Save plan' }).click();
    await expect(form).toHaveCount(0);
    const card = interventions.getByRole('article').filter({ hasText: stamp });
    const downloading = page.waitForEvent('download');
    await card.getByRole('button', { name: 'Print plan (PDF)' }).click();
    const file = await expectPdf(await downloading);
    await expect(card.getByRole('status').filter({ hasText: /^Downloaded/ })).toHaveText(
      `Downloaded ${file}.`,
    );
    await expectNoAxeViolations(page, 'profile after the report downloads');
    await saveScreenshot(page, testInfo, 'section-student-reports');
  });
});

test('a teacher who opens a section they do not teach is refused in words', async ({
  page,
}, testInfo) => {
  await openApp(page);
  await signInAs(page, 'Teachers');
  const teacher = await signedInStaff(page);
  const teacherName = `${teacher.givenName} ${teacher.familyName}`;
  await signOut(page);

  // A school admin of the same school lists every section there; pick one the teacher does not teach.
  await signInAs(page, 'School admins', teacher.schoolName ?? undefined);
  const { sections } = await callApi(page, 'sections.list');
  const other = sections.find((s) => !s.teachers.includes(teacherName));
  expect(other, 'a section at the school this teacher does not teach').toBeDefined();
  await mainNav(page).getByRole('link', { name: 'Sections', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sections' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Sections, latest term first' })).toBeVisible();
  await expectNoAxeViolations(page, 'school admin’s sections list');
  await signOut(page);

  await page
    .getByRole('region', { name: 'Teachers' })
    .getByRole('button')
    .filter({ hasText: teacherName })
    .first()
    .click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, `#/sections/${other!.id}`);
  const refusal = page.getByRole('alert');
  await expect(refusal.getByRole('heading', { name: 'Outside your access' })).toBeVisible();
  await expect(refusal).toContainText(
    'Sightline could not open this section. You can open only the sections you teach, and this is not one of them.',
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Section');
  await expect(page.getByRole('table', { name: /^Roster of / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Class report (PDF)' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Back to my sections' })).toBeVisible();
  await expectNoAxeViolations(page, 'refused section');
  await saveScreenshot(page, testInfo, 'section-refused');
});

test('the sections pages and an intervention form read in Spanish', async ({ page }, testInfo) => {
  await openApp(page);
  await signInAs(page, 'Teachers');
  // The language is kept on this computer; the next load reads it before anything is drawn.
  await page.evaluate(() => {
    localStorage.setItem('sightline.language', 'es');
    window.location.hash = '#/sections';
  });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');

  const list = page.getByRole('table', { name: 'Secciones que usted enseña' });
  await test.step('the sections list', async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'Mis secciones' })).toBeVisible();
    await expect(page).toHaveTitle('Mis secciones · Sightline');
    await expect(list.getByRole('columnheader')).toHaveText([
      'Curso',
      'Sección',
      'Hora de clase',
      'Período',
      'Maestros',
      'Estudiantes',
      'Con alertas',
      'Alto riesgo',
    ]);
    await expect(page.locator('#section-list-title')).toHaveText(/^\d+ secci(ón|ones)$/);
    await saveScreenshot(page, testInfo, 'sections-list-es');
  });

  const roster = page.getByRole('table', { name: /^Lista de estudiantes de / });
  await test.step('a section', async () => {
    await list.locator('tbody tr').first().getByRole('link').click();
    await expect(page.getByRole('link', { name: 'Volver a mis secciones' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Informe de la clase (PDF)' })).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Necesitan atención esta semana' }),
    ).toBeVisible();
    await expect(roster).toHaveAccessibleName(/, ordenada por nombre, de forma ascendente$/);
    await expect(page.locator('.facts div', { hasText: 'Estudiantes' }).locator('dd')).toHaveText(
      /^\d+ estudiantes? inscritos?/,
    );
    await expectNoAxeViolations(page, 'section page in Spanish');
  });

  await test.step('the plan form, with a refused save', async () => {
    await roster.locator('tbody tr').first().getByRole('link').click();
    const interventions = page.getByRole('region', { name: 'Intervenciones', exact: true });
    await interventions.getByRole('button', { name: 'Planificar una intervención' }).click();
    const form = interventions.getByRole('form', { name: 'Planificar una intervención' });
    await expect(form.getByRole('radio', { name: 'Nivel 2 · focalizado' })).toBeChecked();
    const monitoring = form.getByLabel('Frecuencia de monitoreo');
    await expect(monitoring).toHaveValue('biweekly');
    await expect(monitoring.locator('option:checked')).toHaveText('Cada dos semanas');
    await expect(form.getByLabel('Responsable').locator('option:checked')).toHaveText(/\(usted\)$/);
    await form.getByRole('button', { name: 'Guardar el plan' }).click();
    const goal = form.getByLabel('Meta', { exact: true });
    await expect(goal).toHaveAttribute('aria-invalid', 'true');
    await expect(goal).toHaveAccessibleDescription(/^Escriba la meta: qué debe cambiar/);
    await expect(form.locator('.form-problem')).toContainText(
      'El plan todavía no se ha guardado. Hay 2 campos por corregir, marcados abajo.',
    );
    await expectNoAxeViolations(page, 'plan form in Spanish');
    await saveScreenshot(page, testInfo, 'interventions-plan-form-es');
    await form.getByRole('button', { name: 'Cancelar' }).click();
    await expect(form).toHaveCount(0);
  });
});
