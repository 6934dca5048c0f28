/**
 * The Models and Pipeline pages in Spanish: a district admin signs in, the language saved on this
 * computer is set to Spanish (as the language menu does), and after a reload both pages speak it,
 * from the document title and headings to table captions and buttons.
 */
import { expect, test } from '@playwright/test';
import { openApp, signInAs } from './helpers';

test('a district admin reads the Models and Pipeline pages in Spanish', async ({ page }) => {
  await openApp(page);
  await signInAs(page, 'District admins');
  // The tab keeps its session across the reload; the language is read when the app starts.
  await page.evaluate(() => localStorage.setItem('sightline.language', 'es'));

  await test.step('Models', async () => {
    await page.goto('/#/models');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('heading', { level: 1, name: 'Modelos de riesgo' })).toBeVisible();
    await expect(page).toHaveTitle(/^Modelos de riesgo/);
    await expect(page.getByRole('region', { name: 'Qué significan los números' })).toContainText(
      'Calibración',
    );
    await expect(
      page.getByRole('table', {
        name: 'Versiones del modelo de riesgo, de la más reciente a la más antigua',
      }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Entrenar un modelo nuevo' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Qué datos lee el modelo' })).toBeVisible();
  });

  await test.step('Pipeline', async () => {
    await page.goto('/#/pipeline');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Proceso semanal de indicadores' }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Estado de los indicadores' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Historial de ejecuciones' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Ejecutar ahora' })).toBeVisible();
    await expect(
      page.getByRole('table', {
        name: 'Ejecuciones del procesamiento, de la más reciente a la más antigua',
      }),
    ).toBeVisible();
  });
});
