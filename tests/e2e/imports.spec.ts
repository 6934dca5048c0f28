/**
 * Bringing data in: the import wizard (upload, preview with the first-rows check, column
 * mapping, the run, the report with quarantined rows and their CSV), the Pipeline page (run now,
 * the confirm before recomputing everything, the daily time), and who is offered these pages.
 *
 * The e2e host's database is shared by every spec file (one worker, one server per run), so these
 * tests ask the API for real student numbers and the data date instead of hard-coding them, wait
 * for background jobs (the host's catch-up pipeline run at start) before checking, and assert
 * what holds however often they run against the same database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Method, Output } from '../../main/api/contract';
import { expectNoAxeViolations, openApp, saveScreenshot, signInAs } from './helpers';

const TEMPLATE = path.resolve('tests/fixtures/imports-e2e/attendance-template.csv');
const FILE_NAME = 'attendance-e2e.csv';
const UNKNOWN_STUDENT = 'NOT-A-STUDENT-0000';
const BAD_DATE = '2025-02-30';

/** Calls the browser host's API with the page's token and session, as the app does. */
async function callApi<M extends Method>(
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

    await test.step('recent imports lists it; the header shows the data date', async () => {
      const recent = page.getByRole('table', { name: 'Recent imports, newest first' });
      await expect(recent.locator('tbody tr').first()).toContainText(FILE_NAME);
      await expect(recent.locator('tbody tr').first()).toContainText('Saved');
      await expect(page.getByRole('banner')).toContainText(/Data as of \w{3} \d{1,2}, \d{4}/);
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
    await expect(mainNav(page).getByRole('link', { name: 'Imports' })).toHaveCount(0);
    await expect(mainNav(page).getByRole('link', { name: 'Pipeline' })).toHaveCount(0);
    await page.goto('/#/pipeline');
    await expect(page.getByRole('alert')).toContainText('Outside your access');
    await expect(page.getByRole('alert')).toContainText(
      'Only school administrators and district administrators can see the pipeline history.',
    );
    await page.getByRole('button', { name: 'Sign out' }).click();

    await signInAs(page, 'School admins');
    await expect(mainNav(page).getByRole('link', { name: 'Imports' })).toHaveCount(0);
    await expect(mainNav(page).getByRole('link', { name: 'Pipeline' })).toBeVisible();
    await page.goto('/#/imports');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Outside your access');
    await expect(alert).toContainText('Only district administrators can see imports.');
    await expect(page.getByRole('button', { name: 'Choose files' })).toHaveCount(0);
    await expectNoAxeViolations(page, 'imports refused');
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
