/**
 * Bringing data in: the import wizard (upload, preview with the first-rows check, column
 * mapping, the run, the report with quarantined rows and their CSV), a OneRoster 1.2 roster in
 * two bundles (bulk, then delta), the Pipeline page (run now, the confirm before recomputing
 * everything, the daily time), and who is offered these pages.
 *
 * The e2e host's database is shared by every spec file (one worker, one server per run), so these
 * tests ask the API for real student numbers and the data date instead of hard-coding them, wait
 * for background jobs (the host's catch-up pipeline run at start) before checking, and assert
 * what holds however often they run against the same database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { zipBuffer, zipFolder } from '../fixtures/oneroster/write-zip';
import { callApi, expectNoAxeViolations, openApp, saveScreenshot, signInAs } from './helpers';

const TEMPLATE = path.resolve('tests/fixtures/imports-e2e/attendance-template.csv');
const FILE_NAME = 'attendance-e2e.csv';
const UNKNOWN_STUDENT = 'NOT-A-STUDENT-0000';
const BAD_DATE = '2025-02-30';

/** Waits until no background job is queued or running (e.g. the host's catch-up run at start). */
async function waitForIdleJobs(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        const { jobs } = await callApi(page, 'jobs.list', { limit: 20 });
        return jobs.filter((j) => j.status === 'queued' || j.status === 'running').length;
      },
      { timeout: 120_000, intervals: [500, 1000, 2000] },
    )
    .toBe(0);
}

/** The attendance export, filled with four real students and the district's data date. */
async function writeAttendanceCsv(page: Page): Promise<string> {
  const { dataAsOf } = await callApi(page, 'system.info');
  expect(dataAsOf, 'the e2e demo district has a data date').toBeTruthy();
  const { rows } = await callApi(page, 'students.list', { sort: 'name', dir: 'asc', limit: 4 });
  expect(rows).toHaveLength(4);
  let text = fs.readFileSync(TEMPLATE, 'utf8').replaceAll('{{DATE}}', dataAsOf!);
  rows.forEach((row, i) => {
    text = text.replaceAll(`{{STUDENT_${i + 1}}}`, row.studentNumber);
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-e2e-imports-'));
  const file = path.join(dir, FILE_NAME);
  fs.writeFileSync(file, text);
  return file;
}

function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

test.describe('import wizard', () => {
  test('a district admin imports attendance: preview, problems, run, report, quarantine CSV', async ({
    page,
  }, testInfo) => {
    await openApp(page);
    await signInAs(page, 'District admins');
    await waitForIdleJobs(page);
    const csvPath = await writeAttendanceCsv(page);
    const stepHeading = page.locator('#wizard-step-title');

    await test.step('files: choose a file with the keyboard-reachable button', async () => {
      await mainNav(page).getByRole('link', { name: 'Imports' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Import data' })).toBeFocused();
      await expect(page.getByRole('list', { name: 'Import steps' })).toBeVisible();
      await expect(page.locator('[aria-current="step"]')).toContainText('Choose files');
      await expect(stepHeading).toHaveText('Choose the files to import');
      const choose = page.getByRole('button', { name: 'Choose files' });
      await expect(choose).toHaveAccessibleDescription(/CSV exports.*\.jsonl.*OneRoster 1\.2/);
      await expect(page.getByRole('button', { name: /^Continue/ })).toBeDisabled();
      await expectNoAxeViolations(page, 'import wizard: files');
      await saveScreenshot(page, testInfo, 'imports-files');

      const chooser = page.waitForEvent('filechooser');
      await choose.focus();
      await page.keyboard.press('Enter');
      await (await chooser).setFiles(csvPath);
      const item = page.getByRole('list', { name: 'Files to import' }).getByRole('listitem');
      await expect(item).toContainText(FILE_NAME);
      await expect(item).toContainText(/Uploaded · Attendance events · 5 rows checked, 2 problems/);
      await page.getByRole('button', { name: /^Continue/ }).click();
    });

    const card = page.getByRole('region', { name: FILE_NAME });
    await test.step('preview: detected kind, sample, mapping and the first-rows check', async () => {
      await expect(stepHeading).toHaveText('Check the file and match its columns');
      await expect(stepHeading).toBeFocused();
      const kind = card.getByLabel('What kind of file is this?');
      await expect(kind.locator('option:checked')).toHaveText(/^Attendance events/);
      await expect(card.getByText('Detected from the file’s name')).toContainText(
        'Attendance events',
      );
      await expect(
        card.getByRole('table', { name: `First 5 rows of ${FILE_NAME}, as read` }),
      ).toBeVisible();
      await expect(
        card.getByText(
          /^Of the first 5 rows: would add \d+, update \d+, \d+ unchanged, and 2 rows would be quarantined\.$/,
        ),
      ).toBeVisible();
      const problems = card.getByRole('list', { name: 'Problems found in the first rows' });
      await expect(problems.getByRole('listitem')).toHaveCount(2);
      await expect(problems.getByRole('listitem').nth(0)).toContainText(
        `Line 5: No student has the ID or student number “${UNKNOWN_STUDENT}”`,
      );
      await expect(problems.getByRole('listitem').nth(1)).toContainText(
        `Line 6: “${BAD_DATE}” is not a date Sightline can read`,
      );
      await expect(
        page.getByLabel('How does your school write dates such as 03/04/2025?'),
      ).toBeEnabled();
      await expectNoAxeViolations(page, 'import wizard: preview');
      await saveScreenshot(page, testInfo, 'imports-preview');
    });

    await test.step('an unmapped required field disables Import and says why', async () => {
      const importButton = page.getByRole('button', { name: 'Import 1 file' });
      await expect(importButton).toBeEnabled();
      const date = card.getByLabel('Date (required)');
      await date.selectOption({ label: '— choose a column —' });
      await expect(importButton).toBeDisabled();
      await expect(importButton).toHaveAccessibleDescription(
        /Choose the column for Date in attendance-e2e\.csv\./,
      );
      await expect(date).toHaveAttribute('aria-invalid', 'true');
      await expectNoAxeViolations(page, 'import wizard: unmapped field');
      await date.selectOption('1'); // the file's second column, “Attendance Date”
      await expect(importButton).toBeEnabled();
      await expect(card.getByText('These are your choices.')).toBeVisible();
    });

    await test.step('run: progress with a message and Cancel, then the report', async () => {
      // A five-row file imports in about a second. Queue a full pipeline run first so the import
      // waits its turn, showing the run step long enough to check it.
      await callApi(page, 'pipeline.run', { mode: 'backfill' });
      await page.getByRole('button', { name: 'Import 1 file' }).click();
      const progress = page.getByRole('progressbar', { name: 'Import progress' });
      await expect(progress).toBeVisible();
      await expect(progress).toHaveAttribute('aria-valuenow', /^\d{1,3}$/);
      await expect(progress).toHaveAttribute('aria-valuetext', /^\d{1,3}%, \S/);
      await expect(stepHeading).toBeFocused();
      await expect(page.getByRole('button', { name: 'Cancel import' })).toBeEnabled();
      await expect(page.locator('[aria-current="step"]')).toContainText('Import');
      await expectNoAxeViolations(page, 'import wizard: run');
      await saveScreenshot(page, testInfo, 'imports-run');
      const finished = page.getByRole('heading', { level: 2, name: 'Import finished' });
      await expect(finished).toBeVisible({ timeout: 60_000 });
      await expect(finished).toBeFocused();
    });

    await test.step('report: counts, quarantined rows with line numbers, pipeline result', async () => {
      const report = page.getByRole('region', { name: FILE_NAME });
      await expect(report.locator('.report-summary')).toContainText('2 quarantined');
      await expect(report.getByRole('definition').last()).toHaveText('2');
      const table = report.getByRole('table', { name: /^Quarantined rows in attendance-e2e\.csv/ });
      await expect(table).toContainText('rows 1–2 of 2');
      const rows = table.locator('tbody tr');
      await expect(rows).toHaveCount(2);
      await expect(rows.nth(0).getByRole('rowheader')).toHaveText('5');
      await expect(rows.nth(0)).toContainText(
        `No student has the ID or student number “${UNKNOWN_STUDENT}”`,
      );
      await expect(rows.nth(0)).toContainText(UNKNOWN_STUDENT);
      await expect(rows.nth(1).getByRole('rowheader')).toHaveText('6');
      await expect(rows.nth(1)).toContainText(`“${BAD_DATE}” is not a date`);
      await expect(
        page.getByText(
          /^✓ Weekly features updated for [\d,]+ students?, data as of \w{3} \d{1,2}, \d{4}\./,
        ),
      ).toBeVisible();
      await expect(page.getByRole('link', { name: 'Go to the overview' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Open the student list' })).toBeVisible();
      await expectNoAxeViolations(page, 'import wizard: report');
      await saveScreenshot(page, testInfo, 'imports-report');
    });

    await test.step('the quarantine CSV download holds the rows and their reasons', async () => {
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download quarantine CSV' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^sightline-import-quarantine-.*\.csv$/);
      const csv = fs.readFileSync((await download.path())!, 'utf8');
      expect(csv).toContain('file,line,reason,row');
      expect(csv).toMatch(new RegExp(`${FILE_NAME},5,.*No student has the ID or student number`));
      expect(csv).toMatch(new RegExp(`${FILE_NAME},6,.*${BAD_DATE}.*is not a date`));
      await expect(
        page.getByRole('status').filter({ hasText: /^Downloaded sightline-import-quarantine/ }),
      ).toBeVisible();

      const reportDownload = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download report CSV' }).click();
      const reportCsv = fs.readFileSync((await (await reportDownload).path())!, 'utf8');
      expect(reportCsv).toContain('file,kind,mode,status,rows,added');
      expect(reportCsv).toMatch(new RegExp(`${FILE_NAME},attendance,,committed,5,.*2 quarantined`));
    });

    await test.step('recent imports lists it; the status bar shows the data date', async () => {
      const recent = page.getByRole('table', { name: 'Recent imports, newest first' });
      await expect(recent.locator('tbody tr').first()).toContainText(FILE_NAME);
      await expect(recent.locator('tbody tr').first()).toContainText('Saved');
      await expect(page.getByRole('contentinfo')).toContainText(/Data as of \w{3} \d{1,2}, \d{4}/);
      await page.getByRole('button', { name: 'Import more files' }).click();
      await expect(stepHeading).toHaveText('Choose the files to import');
      await expect(stepHeading).toBeFocused();
    });
  });

  test('a cancelled import says so and runs again; the same file then shows as already imported', async ({
    page,
  }) => {
    await openApp(page);
    await signInAs(page, 'District admins');
    await waitForIdleJobs(page);
    const csvPath = await writeAttendanceCsv(page);
    const stepHeading = page.locator('#wizard-step-title');
    await page.goto('/#/imports');
    await page.locator('input[type="file"]').setInputFiles(csvPath);
    await expect(page.getByRole('list', { name: 'Files to import' })).toContainText('Uploaded ·');
    await page.getByRole('button', { name: /^Continue/ }).click();
    await expect(page.getByRole('button', { name: 'Import 1 file' })).toBeEnabled();

    // Held in the queue behind two full pipeline runs, the import is cancelled before it starts.
    await callApi(page, 'pipeline.run', { mode: 'backfill' });
    await callApi(page, 'pipeline.run', { mode: 'backfill' });
    await page.getByRole('button', { name: 'Import 1 file' }).click();
    await page.getByRole('button', { name: 'Cancel import' }).click();
    await expect(stepHeading).toHaveText('The import was cancelled');
    await expect(stepHeading).toBeFocused();
    await expect(page.getByRole('alert')).toContainText('The import was cancelled.');
    await expectNoAxeViolations(page, 'import wizard: cancelled');

    await page.getByRole('button', { name: 'Run again' }).click();
    await expect(stepHeading).toHaveText('Import finished', { timeout: 60_000 });
    await expect(
      page.getByRole('region', { name: FILE_NAME }).locator('.report-summary'),
    ).toContainText('2 quarantined');

    await page.getByRole('button', { name: 'Import more files' }).click();
    await page.locator('input[type="file"]').setInputFiles(csvPath);
    await page.getByRole('button', { name: /^Continue/ }).click();
    const card = page.getByRole('region', { name: FILE_NAME });
    await expect(card.getByText(/^This exact file was already imported on /)).toBeVisible();
    await expect(
      card.getByText(/^Of the first 5 rows: would add 0, update 0, 3 unchanged/),
    ).toBeVisible();
  });

  test('imports and the pipeline are offered only to the roles allowed them', async ({ page }) => {
    await openApp(page);
    await signInAs(page, 'Teachers');
    await expect(mainNav(page).getByRole('link', { name: 'Pipeline' })).toHaveCount(0);
    await page.goto('/#/pipeline');
    await expect(page.getByRole('alert')).toContainText('Outside your access');
    await expect(page.getByRole('alert')).toContainText(
      'Only school administrators and district administrators can see the pipeline history.',
    );
    // A teacher imports their own classes' records: the page says which, and the district-wide
    // date order is shown but not theirs to change.
    await mainNav(page).getByRole('link', { name: 'Imports' }).click();
    await expect(page.getByText(/for the students in your sections/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Choose files' })).toBeVisible();
    await expectNoAxeViolations(page, 'imports for a teacher');
    await page.getByRole('button', { name: 'Sign out' }).click();

    await signInAs(page, 'School admins');
    await expect(mainNav(page).getByRole('link', { name: 'Imports' })).toBeVisible();
    await expect(mainNav(page).getByRole('link', { name: 'Pipeline' })).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();

    await signInAs(page, 'Counselors');
    await expect(mainNav(page).getByRole('link', { name: 'Imports' })).toHaveCount(0);
    await page.goto('/#/imports');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Outside your access');
    await expect(alert).toContainText(
      'Only teachers, school administrators and district administrators can see imports.',
    );
    await expect(page.getByRole('button', { name: 'Choose files' })).toHaveCount(0);
    await expectNoAxeViolations(page, 'imports refused');
  });
});

/** Every word of some namespaces' strings, `<data>` (words a file must contain) left out. */
function wordsOf(language: 'en' | 'es', namespaces: readonly string[]): Set<string> {
  type Tree = { [key: string]: string | Tree };
  const leaves = (tree: Tree): string[] =>
    Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v)));
  const file = (ns: string) => path.resolve(`renderer/src/i18n/locales/${language}/${ns}.json`);
  const text = namespaces
    .flatMap((ns) => leaves(JSON.parse(fs.readFileSync(file(ns), 'utf8')) as Tree))
    .join(' ')
    .replace(/<data>.*?<\/data>|\{\{\w+\}\}|<\/?\w+\/?>/g, ' ');
  return new Set(text.toLowerCase().match(/\p{L}+/gu) ?? []);
}

/**
 * English words the Spanish wizard must not show: the words of its English strings that its
 * Spanish strings never use, and English's commonest short words.
 */
const ENGLISH_ONLY = (() => {
  const namespaces = ['imports', 'common', 'pipeline'];
  const spanish = wordsOf('es', namespaces);
  const english = [...wordsOf('en', namespaces)].filter((w) => w.length > 1 && !spanish.has(w));
  const common = ['the', 'and', 'of', 'to', 'is', 'are', 'was', 'with', 'for', 'from', 'your'];
  return new Set([...english, ...common, 'this', 'that', 'not', 'has', 'it', 'its', 'by', 'or']);
})();

/**
 * Text the core sends as it words it, in English until main/ is translated: problem and
 * quarantine reasons, why the check was skipped, a file's summary, the job's progress words.
 */
const CORE_TEXT = [
  '.problem-list li',
  '.check .notice p',
  '.report-summary',
  '.cell-note',
  '.quarantine-table tbody td',
  '.ignored-reasons li',
  '.progress-detail',
];

/**
 * The main area's text, attributes people hear (aria-label, title, placeholder, alt) and the
 * document title, where they hold an English word: leaving out data (translate="no"), the core's
 * own messages, and the data strings given (a file name inside a label).
 */
async function englishOnScreen(page: Page, data: readonly string[]): Promise<string[]> {
  const texts = await page.evaluate((coreText) => {
    const shown = (el: Element) => !el.closest(`[translate="no"], [hidden], ${coreText.join()}`);
    const found: [where: string, text: string][] = [['document.title', document.title]];
    const main = document.querySelector('main')!;
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const el = walker.currentNode.parentElement;
      const text = walker.currentNode.textContent?.trim();
      if (el && text && shown(el)) found.push([`<${el.tagName.toLowerCase()}>`, text]);
    }
    for (const el of main.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(name);
        if (value && shown(el)) found.push([name, value]);
      }
    }
    return found;
  }, CORE_TEXT);
  return texts
    .filter(([, text]) => {
      const words = data.reduce((t, d) => t.replaceAll(d, ' '), text).toLowerCase();
      return (words.match(/\p{L}+/gu) ?? []).some((w) => ENGLISH_ONLY.has(w));
    })
    .map(([where, text]) => `${where} ${text}`);
}

test.describe('import wizard in Spanish', () => {
  test('files, review, run and report leave no English outside data and the core’s messages', async ({
    page,
  }, testInfo) => {
    await openApp(page);
    await signInAs(page, 'District admins');
    await waitForIdleJobs(page);
    const csvPath = await writeAttendanceCsv(page);
    const notAnExport = path.join(path.dirname(csvPath), 'notes.pdf');
    fs.writeFileSync(notAnExport, 'not an export');
    const data = [FILE_NAME];
    await page.evaluate(() => localStorage.setItem('sightline.language', 'es'));
    await page.goto('/#/imports');
    await page.reload();
    const stepHeading = page.locator('#wizard-step-title');
    const expectSpanish = async (step: string) =>
      expect(await englishOnScreen(page, data), `English on the ${step} step`).toEqual([]);

    await expect(page.getByRole('heading', { level: 1, name: 'Importar datos' })).toBeVisible();
    await expect(page).toHaveTitle('Importar datos · Sightline');
    await expect(stepHeading).toHaveText('Elija los archivos que desea importar');
    await expect(page.getByRole('heading', { name: 'Importaciones recientes' })).toBeVisible();
    await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
    await expectSpanish('files');

    await page.locator('input[type="file"]').setInputFiles([csvPath, notAnExport]);
    await expect(page.getByRole('alert')).toContainText(
      'notes.pdf no es un archivo exportado que Sightline pueda leer.',
    );
    const item = page.getByRole('list', { name: 'Archivos para importar' }).getByRole('listitem');
    await expect(item).toContainText('Cargado · Registros de asistencia · 5 filas revisadas');
    await expectSpanish('files (uploaded)');

    await page.getByRole('button', { name: /^Continuar/ }).click();
    await expect(stepHeading).toHaveText('Revise el archivo y asocie sus columnas');
    const card = page.getByRole('region', { name: FILE_NAME });
    await expect(card.getByText(/^De las primeras 5 filas: /)).toBeVisible();
    const date = card.getByLabel('Fecha (obligatorio)');
    await date.selectOption({ label: '— elija una columna —' });
    await expect(page.getByRole('button', { name: 'Importar 1 archivo' })).toBeDisabled();
    await expect(page.locator('#import-why')).toContainText(
      `Elija la columna de Fecha en ${FILE_NAME}.`,
    );
    await expectSpanish('review');
    await saveScreenshot(page, testInfo, 'imports-es-review');

    await date.selectOption('1');
    await expect(page.getByRole('button', { name: 'Importar 1 archivo' })).toBeEnabled();
    // Queued behind a full pipeline run, the import shows its run step long enough to check it.
    await callApi(page, 'pipeline.run', { mode: 'backfill' });
    await page.getByRole('button', { name: 'Importar 1 archivo' }).click();
    await expect(
      page.getByRole('progressbar', { name: 'Progreso de la importación' }),
    ).toBeVisible();
    await expectSpanish('run');

    await expect(stepHeading).toHaveText('Importación terminada', { timeout: 60_000 });
    await expect(
      page.getByRole('table', { name: /^Filas en cuarentena de attendance-e2e\.csv/ }),
    ).toBeVisible();
    await expect(page.getByText(/^✓ Indicadores semanales actualizados para/)).toBeVisible();
    await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
    await expectSpanish('report');
    await saveScreenshot(page, testInfo, 'imports-es-report');
  });
});

test.describe('scoped import', () => {
  test('a teacher imports period attendance: rows outside their sections are set aside with reasons', async ({
    page,
  }) => {
    await openApp(page);
    await signInAs(page, 'Teachers');
    const { staff } = await callApi(page, 'auth.me');
    const { dataAsOf } = await callApi(page, 'system.info');
    const { rows } = await callApi(page, 'students.list', { sort: 'name', dir: 'asc', limit: 1 });
    const student = rows[0]!;
    const profile = await callApi(page, 'students.profile', { studentId: student.id });
    const mine = profile.grades.find(
      (g) => g.teacherName === `${staff!.givenName} ${staff!.familyName}`,
    );
    expect(mine, 'the teacher teaches their own student').toBeTruthy();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-e2e-teacher-'));
    const file = path.join(dir, 'period-attendance.csv');
    fs.writeFileSync(
      file,
      [
        'Student Number,Date,Code,Section ID',
        `${student.studentNumber},${dataAsOf},T,${mine!.sectionId}`,
        `${student.studentNumber},${dataAsOf},A,`,
        `${UNKNOWN_STUDENT},${dataAsOf},A,${mine!.sectionId}`,
      ].join('\n'),
    );

    await mainNav(page).getByRole('link', { name: 'Imports' }).click();
    await expect(page.getByText(/for the students in your sections/)).toBeVisible();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose files' }).click();
    await (await chooser).setFiles(file);
    await page.getByRole('button', { name: /^Continue/ }).click();
    const card = page.getByRole('region', { name: 'period-attendance.csv' });
    const problems = card.getByRole('list', { name: 'Problems found in the first rows' });
    await expect(problems.getByRole('listitem')).toHaveCount(2);
    await expect(problems.getByRole('listitem').nth(0)).toContainText(
      'Line 3: This attendance row names no section.',
    );
    await expect(problems.getByRole('listitem').nth(1)).toContainText(
      `Line 4: No student in your sections has the ID or student number “${UNKNOWN_STUDENT}”`,
    );
    await expectNoAxeViolations(page, 'teacher import: preview');
    await page.getByRole('button', { name: 'Import 1 file' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Import finished' })).toBeVisible({
      timeout: 120_000,
    });
    const report = page.getByRole('region', { name: 'period-attendance.csv' });
    await expect(report.locator('.report-summary')).toContainText('2 quarantined');
    await expect(
      report.getByRole('table', { name: /^Quarantined rows in period-attendance\.csv/ }),
    ).toContainText('names no section');
    // Their own import is listed for them.
    const recent = page.getByRole('table', { name: 'Recent imports, newest first' });
    await expect(recent.locator('tbody tr').first()).toContainText('period-attendance.csv');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

test.describe('pipeline page', () => {
  test('run now adds a succeeded run to the history; recomputing asks first', async ({
    page,
  }, testInfo) => {
    await openApp(page);
    await signInAs(page, 'District admins');
    await waitForIdleJobs(page);
    await mainNav(page).getByRole('link', { name: 'Pipeline' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Weekly feature pipeline' }),
    ).toBeVisible();
    await expect(
      page.locator('.kpi-tile', { hasText: 'Data as of' }).locator('.kpi-value'),
    ).toHaveText(/^\w{3} \d{1,2}, \d{4}$/);
    const history = page.getByRole('table', { name: 'Pipeline runs, newest first' });
    const manualRuns = history.locator('tbody tr').filter({ hasText: 'Manual' });
    const before = await manualRuns.count();
    await expectNoAxeViolations(page, 'pipeline page');
    await saveScreenshot(page, testInfo, 'pipeline');

    await test.step('run now', async () => {
      await page.getByRole('button', { name: 'Run now' }).click();
      await expect(page.getByRole('status').filter({ hasText: /^✓ The run finished/ })).toBeVisible(
        {
          timeout: 60_000,
        },
      );
      await expect(manualRuns).toHaveCount(before + 1);
      const newest = history.locator('tbody tr').first();
      await expect(newest).toContainText('Manual');
      await expect(newest.locator('.status-badge')).toHaveText('Succeeded');
      await expect(page.getByRole('button', { name: 'Run now' })).toBeEnabled();
      await saveScreenshot(page, testInfo, 'pipeline-after-run');
    });

    await test.step('a run started elsewhere shows up without reloading (data.changed)', async () => {
      await callApi(page, 'pipeline.run', { mode: 'incremental' });
      await expect(manualRuns).toHaveCount(before + 2, { timeout: 60_000 });
      await expect(history.locator('tbody tr').first().locator('.status-badge')).toHaveText(
        'Succeeded',
      );
    });

    await test.step('recompute everything asks first, and can be declined', async () => {
      await page.getByRole('button', { name: 'Recompute everything…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Recompute everything?' });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole('button', { name: 'Keep the current features' })).toBeFocused();
      await expectNoAxeViolations(page, 'pipeline confirm');
      await saveScreenshot(page, testInfo, 'pipeline-confirm');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('progressbar', { name: 'Pipeline progress' })).toHaveCount(0);
      await expect(manualRuns).toHaveCount(before + 2);
    });

    await test.step('a district admin changes the daily time', async () => {
      const time = page.getByLabel('Run every day at');
      const original = await time.inputValue();
      const other = original === '05:30' ? '05:45' : '05:30';
      await time.fill(other);
      await page.getByRole('button', { name: 'Save time' }).click();
      await expect(
        page
          .getByRole('status')
          .filter({ hasText: `Saved: the pipeline now runs every day at ${other}.` }),
      ).toBeVisible();
      await expect(page.locator('.kpi-tile', { hasText: 'Next scheduled run' })).toContainText(
        `Every day at ${other}`,
      );
      await time.fill(original);
      await page.getByRole('button', { name: 'Save time' }).click();
      await expect(page.locator('.kpi-tile', { hasText: 'Next scheduled run' })).toContainText(
        `Every day at ${original}`,
      );
    });
  });
});

const ONEROSTER = path.resolve('tests/fixtures/oneroster');

/** A fixture bundle (tests/fixtures/oneroster/…) as its manifest describes it. */
interface FixtureBundle {
  folder: 'bulk' | 'delta';
  zip: string;
  /** How the preview and the report word the manifest's mode for its files. */
  mode: string;
  /** The files the manifest sends, in import order, with their data rows. */
  files: [name: string, rows: number][];
  /** The other OneRoster 1.2 data files, which the manifest marks absent. */
  absent: number;
}

const BULK: FixtureBundle = {
  folder: 'bulk',
  zip: 'riverside-bulk.zip',
  mode: 'Full set (bulk)',
  files: [
    ['orgs.csv', 4],
    ['academicSessions.csv', 7],
    ['courses.csv', 6],
    ['classes.csv', 8],
    ['users.csv', 13],
    ['roles.csv', 14],
    ['demographics.csv', 7],
    ['enrollments.csv', 22],
    ['userProfiles.csv', 1],
  ],
  absent: 12,
};
const DELTA: FixtureBundle = {
  folder: 'delta',
  zip: 'riverside-delta.zip',
  mode: 'Changes only (delta)',
  files: [
    ['users.csv', 4],
    ['roles.csv', 1],
    ['demographics.csv', 1],
    ['enrollments.csv', 2],
  ],
  absent: 17,
};
const BUNDLES = [BULK, DELTA];

/** Both fixture bundles zipped, as a SIS exports them; the paths in BUNDLES order. */
function writeBundleZips(): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-e2e-oneroster-'));
  return BUNDLES.map((bundle) => {
    const zip = path.join(dir, bundle.zip);
    zipFolder(path.join(ONEROSTER, bundle.folder), zip);
    return zip;
  });
}

/**
 * Takes the fixture roster out of the shared database again: the bulk bundle with every file cut
 * to its header is the full set of nothing, so each file tombstones what the roster brought (its
 * district, schools, sessions, courses, classes, people and enrollments). Without this, the
 * roster's district admin (Luis Moreno) is the one the demo sign-in lists under "District
 * admins" for the spec files that run later.
 */
async function removeFixtureRoster(page: Page): Promise<void> {
  const folder = path.join(ONEROSTER, 'bulk');
  const entries = fs
    .readdirSync(folder)
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(folder, name), 'utf8');
      const kept = name === 'manifest.csv' ? text : `${text.split('\n')[0]}\n`;
      return { name, data: Buffer.from(kept) };
    });
  const zip = zipBuffer(entries);
  const { stagedId } = await callApi(page, 'imports.stage', {
    fileName: 'riverside-emptied.zip',
    size: zip.length,
  });
  await callApi(page, 'imports.append', { stagedId, offset: 0, data: zip.toString('base64') });
  const { jobId } = await callApi(page, 'imports.start', {
    files: [{ stagedId, kind: 'oneroster' }],
    runPipeline: true,
  });
  await expect
    .poll(async () => (await callApi(page, 'jobs.get', { jobId })).status, {
      timeout: 120_000,
      intervals: [500, 1000, 2000],
    })
    .toBe('succeeded');
  const { staff } = await callApi(page, 'auth.demoAccounts');
  expect(staff.map((s) => `${s.givenName} ${s.familyName}`)).not.toContain('Luis Moreno');
}

/** One labelled value of a card: a fact of a preview ("Rows") or a report count ("Deleted"). */
function valueOf(card: Locator, term: string): Locator {
  return card
    .locator('dl > div', { has: card.page().locator('dt', { hasText: new RegExp(`^${term}$`) }) })
    .locator('dd');
}

test.describe('OneRoster bundle', () => {
  let imported = false;
  test.afterEach(async ({ page }) => {
    if (imported) await removeFixtureRoster(page);
    imported = false;
  });

  test('a district admin imports a bulk and a delta bundle: manifest preview, per-file report, a quarantined row', async ({
    page,
  }, testInfo) => {
    // Two imports (the roster's, then the one taking it out again), each followed by a pipeline
    // run that recomputes every week, because sessions and sections changed.
    test.slow();
    const zips = writeBundleZips();
    await openApp(page);
    await signInAs(page, 'District admins');
    await waitForIdleJobs(page);
    const stepHeading = page.locator('#wizard-step-title');

    await test.step('files: both bundles in one go, kept in the order chosen', async () => {
      await page.goto('/#/imports');
      await expect(stepHeading).toHaveText('Choose the files to import');
      await page.locator('input[type="file"]').setInputFiles(zips);
      const items = page.getByRole('list', { name: 'Files to import' }).getByRole('listitem');
      await expect(items).toHaveCount(2);
      await expect(items.nth(0)).toContainText(BULK.zip);
      await expect(items.nth(0)).toContainText(
        'Uploaded · OneRoster 1.2 roster · 9 files, 82 rows',
      );
      await expect(items.nth(1)).toContainText(DELTA.zip);
      await expect(items.nth(1)).toContainText('Uploaded · OneRoster 1.2 roster · 4 files, 8 rows');
      await page.getByRole('button', { name: /^Continue/ }).click();
    });

    await test.step('preview: each a OneRoster 1.2 roster, with its manifest’s files, modes and rows', async () => {
      await expect(stepHeading).toBeFocused();
      await expect(page.locator('.preview-card').getByRole('heading', { level: 3 })).toHaveText(
        BUNDLES.map((b) => b.zip),
      );
      for (const bundle of BUNDLES) {
        const card = page.getByRole('region', { name: bundle.zip });
        const rowCount = bundle.files.reduce((n, [, rows]) => n + rows, 0);
        await expect(valueOf(card, 'Format')).toHaveText('OneRoster bundle');
        await expect(valueOf(card, 'OneRoster version')).toHaveText('1.2');
        await expect(valueOf(card, 'Files to import')).toHaveText(String(bundle.files.length));
        await expect(valueOf(card, 'Rows')).toHaveText(String(rowCount));
        await expect(card.getByText(/^Kind of file: OneRoster 1\.2 roster\./)).toBeVisible();
        // Nothing to choose or match: the standard fixes the kind and the columns.
        await expect(card.getByRole('combobox')).toHaveCount(0);
        const table = card.getByRole('table', {
          name: `Files ${bundle.zip} sends, in the order they are imported`,
        });
        const rows = table.locator('tbody tr');
        await expect(rows.getByRole('rowheader')).toHaveText(bundle.files.map(([name]) => name));
        await expect(rows.locator('td:first-of-type')).toHaveText(
          bundle.files.map(() => bundle.mode),
        );
        await expect(rows.locator('td.num')).toHaveText(bundle.files.map(([, n]) => String(n)));
        await expect(
          card.getByText(`The manifest marks the other ${bundle.absent} OneRoster files as absent`),
        ).toBeVisible();
        await expect(card.getByRole('list', { name: `Problems with ${bundle.zip}` })).toHaveCount(
          0,
        );
      }
      await expect(page.getByRole('button', { name: 'Import 2 files' })).toBeEnabled();
      await expectNoAxeViolations(page, 'import wizard: OneRoster preview');
      await saveScreenshot(page, testInfo, 'imports-oneroster-preview');
    });

    await test.step('run: the bulk bundle, then the delta', async () => {
      imported = true;
      await page.getByRole('button', { name: 'Import 2 files' }).click();
      const finished = page.getByRole('heading', { level: 2, name: 'Import finished' });
      await expect(finished).toBeVisible({ timeout: 120_000 });
      await expect(finished).toBeFocused();
    });

    await test.step('report: every file of both bundles, and the delta’s quarantined row', async () => {
      const report = (bundle: FixtureBundle, file: string) =>
        page.getByRole('region', { name: `${bundle.zip}/${file}` });
      await expect(page.locator('.report-card').getByRole('heading', { level: 3 })).toHaveText(
        BUNDLES.flatMap((b) => b.files.map(([name]) => `${b.zip}/${name}`)),
      );
      for (const bundle of BUNDLES) {
        for (const [name, rows] of bundle.files) {
          await expect(report(bundle, name)).toContainText(
            `OneRoster roster · ${bundle.mode} · Saved · ${rows} ${rows === 1 ? 'row' : 'rows'} read`,
          );
          const quarantined = bundle === DELTA && name === 'users.csv' ? '1' : '0';
          await expect(valueOf(report(bundle, name), 'Quarantined')).toHaveText(quarantined);
        }
      }

      // Rows kept out on purpose say why: the guardian, the proctor's enrollment.
      const bulkUsers = report(BULK, 'users.csv');
      await expect(valueOf(bulkUsers, 'Ignored')).toHaveText('1');
      await expect(
        bulkUsers.getByRole('list', { name: `Why rows of ${BULK.zip}/users.csv were ignored` }),
      ).toHaveText(/^Ignored 1 row: Guardian, parent and relative accounts are not stored/);
      const bulkEnrollments = report(BULK, 'enrollments.csv');
      await expect(valueOf(bulkEnrollments, 'Ignored')).toHaveText('1');
      await expect(
        bulkEnrollments.getByRole('list', { name: /^Why rows of .* were ignored$/ }),
      ).toContainText('administrator and proctor');

      // The delta marks stu-004 and enr-005 tobedeleted; stu-008's row has no status.
      const deltaUsers = report(DELTA, 'users.csv');
      await expect(deltaUsers.locator('.report-summary')).toContainText('1 deleted');
      await expect(deltaUsers.locator('.report-summary')).toContainText('1 quarantined');
      await expect(valueOf(deltaUsers, 'Deleted')).toHaveText('1');
      await expect(valueOf(report(DELTA, 'enrollments.csv'), 'Deleted')).toHaveText('1');
      await expect(page.getByRole('table', { name: /^Quarantined rows in / })).toHaveCount(1);
      const table = deltaUsers.getByRole('table', {
        name: `Quarantined rows in ${DELTA.zip}/users.csv: rows 1–1 of 1`,
      });
      const row = table.locator('tbody tr');
      await expect(row).toHaveCount(1);
      await expect(row.getByRole('rowheader')).toHaveText('5');
      await expect(row.locator('td').nth(0)).toHaveText(
        /^This delta file row has no status, so Sightline cannot tell whether it adds\/changes the record \(active\) or removes it \(tobedeleted\)\./,
      );
      await expect(row.locator('td').nth(1)).toHaveText(
        /^stu-008,,2025-10-06T14:09:30\.000Z,.*,Ivan,Novak,/,
      );

      await expect(
        page.getByText(
          /^✓ Weekly features updated for [\d,]+ students?, data as of \w{3} \d{1,2}, \d{4}\./,
        ),
      ).toBeVisible();
      const recent = page.getByRole('table', { name: 'Recent imports, newest first' });
      await expect(recent.locator('tbody tr').first()).toContainText(
        `${DELTA.zip}/enrollments.csv`,
      );
      await expectNoAxeViolations(page, 'import wizard: OneRoster report');
      await saveScreenshot(page, testInfo, 'imports-oneroster-report');
    });
  });
});
