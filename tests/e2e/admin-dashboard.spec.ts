/**
 * The administrators' dashboard in the browser: risk tiers by grade (stacked bars and their
 * table), the chronic-absence trend (a line and its table) and intervention coverage, each
 * number on the page equal to what the API answers for the same person, and every state
 * passing axe-core. Reads only: the e2e database is shared by every spec file.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Overview } from '../../main/api/contract';
import {
  callApi,
  expectNoAxeViolations,
  openApp,
  saveScreenshot,
  showAllTables,
  signInAs,
} from './helpers';

const count = (n: number) => n.toLocaleString('en-US');
const percent = (n: number) =>
  n.toLocaleString('en-US', {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });

function cellTexts(row: Locator): Promise<string[]> {
  return row.locator('th, td').allInnerTexts();
}

/** The risk tiers table agrees with the API, grade by grade and in total. */
async function expectRiskTiers(page: Page, overview: Overview): Promise<void> {
  const figure = page.getByRole('region', { name: 'Risk tiers by grade' });
  await expect(
    figure.getByRole('img', { name: 'Stacked bar chart of students in each risk tier, by grade' }),
  ).toBeVisible();
  await expect(figure.locator('.chart-summary')).toContainText(
    'Students in each risk tier, by grade.',
  );
  const table = figure.getByRole('table', { name: 'Students in each risk tier, by grade' });
  await expect(table.getByRole('columnheader')).toHaveText([
    'Grade',
    'Students',
    'High',
    'Moderate',
    'Low',
    'No score',
    'Set by staff',
    'High tier share',
  ]);
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(overview.riskTiersByGrade.length + 1);
  const sum = { students: 0, high: 0, moderate: 0, low: 0, unscored: 0, overridden: 0 };
  for (const [i, g] of overview.riskTiersByGrade.entries()) {
    const cells = await cellTexts(rows.nth(i));
    expect(cells.slice(1, 7)).toEqual(
      [g.students, g.high, g.moderate, g.low, g.unscored, g.overridden].map(count),
    );
    for (const key of Object.keys(sum) as (keyof typeof sum)[]) sum[key] += g[key];
  }
  expect(sum.high).toBeGreaterThan(0);
  const total = await cellTexts(rows.last());
  expect(total).toEqual([
    'All grades',
    ...[sum.students, sum.high, sum.moderate, sum.low, sum.unscored, sum.overridden].map(count),
    percent(sum.high / sum.students),
  ]);
}

/** The chronic-absence trend's table agrees with the API, week by week. */
async function expectChronicTrend(page: Page, overview: Overview): Promise<void> {
  const figure = page.getByRole('region', { name: 'Chronic absence by week' });
  await expect(
    figure.getByRole('img', {
      name: 'Line chart of the share of students chronically absent, by week',
    }),
  ).toBeVisible();
  await expect(figure.locator('.chart-summary')).toContainText(
    'Share of enrolled students chronically absent so far this year (missing 10% or more',
  );
  const table = figure.getByRole('table', {
    name: 'Students chronically absent so far this year, by week',
  });
  const rows = table.locator('tbody tr');
  const trend = overview.chronicAbsenceTrend;
  expect(trend.length).toBeGreaterThan(4);
  await expect(rows).toHaveCount(trend.length);
  const last = trend[trend.length - 1]!;
  expect((await cellTexts(rows.last())).slice(1)).toEqual([
    count(last.students),
    count(last.chronic),
    percent(last.chronic / last.students),
  ]);
  await expect(figure.locator('.chart-summary')).toContainText(
    `Latest week: ${percent(last.chronic / last.students)}, ${count(last.chronic)} of ${count(last.students)} students.`,
  );
}

test('a school admin reads tiers by grade, the chronic-absence trend and coverage', async ({
  page,
}, testInfo) => {
  await openApp(page);
  await signInAs(page, 'School admins');
  await expect(page.getByRole('heading', { level: 1, name: 'School overview' })).toBeVisible();
  const overview = await callApi(page, 'overview.get');
  expect(overview.scope.kind).toBe('school');

  await test.step('risk tiers by grade and the chronic-absence trend, as tables', async () => {
    await showAllTables(page);
    await expectRiskTiers(page, overview);
    await expectChronicTrend(page, overview);
  });

  await test.step('coverage: the high-risk students with an active intervention', async () => {
    const coverage = await callApi(page, 'interventions.coverage');
    const panel = page.getByRole('region', { name: 'Intervention coverage' });
    const highRisk = overview.riskTiersByGrade.reduce((n, g) => n + g.high, 0);
    // Coverage and the tiers count the same students: the tier staff act on.
    expect(coverage.highRiskStudents).toBe(highRisk);
    await expect(panel.locator('.coverage-headline')).toContainText(
      coverage.highRiskStudents > 0
        ? `${count(coverage.highRiskWithActive)} of ${count(coverage.highRiskStudents)} high-risk`
        : 'are in the high-risk tier right now',
    );
  });

  await expectNoAxeViolations(page, 'school admin dashboard');
  await saveScreenshot(page, testInfo, 'school-admin-dashboard');
});

test('a district admin reads the same panels for the district, then for one school', async ({
  page,
}, testInfo) => {
  await openApp(page);
  await signInAs(page, 'District admins');
  await expect(page.getByRole('heading', { level: 1, name: 'District overview' })).toBeVisible();
  await expect(page.locator('.scope-label')).toHaveText('All schools');
  await showAllTables(page);
  await expectRiskTiers(page, await callApi(page, 'overview.get'));
  await expectChronicTrend(page, await callApi(page, 'overview.get'));
  await expect(page.getByRole('region', { name: 'Intervention coverage' })).toBeVisible();
  await expectNoAxeViolations(page, 'district admin dashboard');
  await saveScreenshot(page, testInfo, 'district-admin-dashboard');

  const picker = page.getByRole('combobox', { name: 'School' });
  const schoolId = await picker.locator('option').nth(1).getAttribute('value');
  await picker.selectOption(schoolId!);
  await expect(page.getByRole('heading', { level: 1, name: 'School overview' })).toBeVisible();
  const school = await callApi(page, 'overview.get', { schoolId });
  // The page has the school's numbers once its name heads the overview.
  await expect(page.locator('.scope-label')).toHaveText(school.scope.name!);
  await showAllTables(page);
  await expectRiskTiers(page, school);
  await expectChronicTrend(page, school);
  await expectNoAxeViolations(page, 'district admin dashboard, one school');
});
