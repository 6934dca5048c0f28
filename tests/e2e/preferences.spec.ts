/**
 * The preferences and the keyboard, in the browser: the status bar at the foot of the window
 * (data date, sync state, storage, language, theme, the shortcuts button); Spanish through the
 * language picker (header, status bar and `<html lang>`, remembered across a reload); the dark
 * theme, which passes axe-core on the pages with the most colour, redraws the charts, follows the
 * computer when "System" is chosen and is on the page before the app's script runs; and the
 * shortcuts: `g` then a letter between pages, `/` to the search box, `?` for the list, none of
 * them while typing in a field.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, openApp, saveScreenshot, signInAs } from './helpers';

function statusBar(page: Page) {
  return page.getByRole('contentinfo');
}

/** The page's background colour, as the relative luminance WCAG uses (0 black – 1 white). */
async function backgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const rgb = getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g) ?? [];
    const [r, g, b] = rgb.slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  });
}

async function pressSequence(page: Page, ...keys: string[]): Promise<void> {
  for (const key of keys) await page.keyboard.press(key);
}

test('the status bar says how fresh and where the data is, and offers the preferences', async ({
  page,
}) => {
  await openApp(page);
  // Before sign-in: the preferences only.
  await expect(statusBar(page).getByRole('combobox', { name: 'Language' })).toBeVisible();
  await expect(statusBar(page).getByRole('combobox', { name: 'Theme' })).toBeVisible();
  await expect(statusBar(page)).not.toContainText('Data as of');
  await signInAs(page, 'Teachers');
  await expect(statusBar(page).getByRole('status')).toHaveText(/^Data as of \w{3} \d{1,2}, \d{4}$/);
  await expect(statusBar(page)).toContainText('Local only — not synced with the district');
  await expect(statusBar(page)).toContainText('Encrypted on this computer (key file)');
  await expect(statusBar(page).getByRole('button', { name: /Keyboard shortcuts/ })).toBeVisible();
  // The header is left with the app's name, the pages and who is signed in.
  await expect(page.getByRole('banner')).not.toContainText('Data as of');
  // The bar stays at the foot of the window while the page scrolls.
  const box = await statusBar(page).boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport && Math.round(box.y + box.height)).toBe(viewport?.height);
});

test('Spanish: the header, the status bar and <html lang> follow, and it is remembered', async ({
  page,
}, testInfo) => {
  await openApp(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await statusBar(page).getByRole('combobox', { name: 'Language' }).selectOption('es');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Iniciar sesión en Sightline');
  await expect(page).toHaveTitle('Iniciar sesión · Sightline');
  // The app redraws in the new language; the picker keeps keyboard focus.
  const picker = statusBar(page).getByRole('combobox', { name: 'Idioma' });
  await expect(picker).toBeFocused();
  await expect(picker.locator('option:checked')).toHaveText('Español');

  await page.locator('.account-button').first().click();
  await expect(page.getByRole('button', { name: 'Cerrar sesión' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Principal' });
  await expect(nav.getByRole('link', { name: 'Resumen' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Estudiantes' })).toBeVisible();
  await expect(statusBar(page).getByRole('status')).toHaveText(/^Datos al \d{1,2} \S+ \d{4}$/);
  await expect(statusBar(page)).toContainText(
    'Solo en esta computadora — sin sincronizar con el distrito',
  );
  await expect(statusBar(page)).toContainText('Cifrados en esta computadora (archivo de clave)');
  await expect(statusBar(page).getByRole('combobox', { name: 'Tema' })).toBeVisible();
  await expect(statusBar(page).getByRole('button', { name: /Atajos de teclado/ })).toBeVisible();
  await expectNoAxeViolations(page, 'overview in Spanish');
  await saveScreenshot(page, testInfo, 'preferences-spanish');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('button', { name: 'Cerrar sesión' })).toBeVisible();

  await statusBar(page).getByRole('combobox', { name: 'Idioma' }).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test('dark theme: chosen, remembered, on the page before the app runs, and passes axe', async ({
  page,
}, testInfo) => {
  await openApp(page);
  const theme = statusBar(page).getByRole('combobox', { name: 'Theme' });
  await expect(theme).toHaveValue('system');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');
  expect(await backgroundLuminance(page)).toBeGreaterThan(0.8);

  await theme.selectOption('dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  expect(await backgroundLuminance(page)).toBeLessThan(0.05);
  await expectNoAxeViolations(page, 'sign-in, dark');

  await test.step('the overview, its charts redrawn in the dark colours', async () => {
    await signInAs(page, 'Counselors');
    const chart = page.getByRole('img', { name: /attendance rate by week/i });
    await expect(chart).toHaveAttribute('data-theme', 'dark');
    await expectNoAxeViolations(page, 'overview, dark');
    await saveScreenshot(page, testInfo, 'preferences-dark-overview');
    await theme.selectOption('light');
    await expect(chart).toHaveAttribute('data-theme', 'light');
    await theme.selectOption('dark');
    await expect(chart).toHaveAttribute('data-theme', 'dark');
  });

  await test.step('the student list: risk chips and flag badges', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Students' })
      .click();
    await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
    await expect(page.locator('main a[href^="#/students/"]').first()).toBeVisible();
    await expectNoAxeViolations(page, 'student list, dark');
  });

  await test.step('a profile: attendance calendar, flags, risk card and charts', async () => {
    await page.locator('main a[href^="#/students/"]').first().click();
    await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
    await expect(page.locator('.cal-day').first()).toBeVisible();
    await expectNoAxeViolations(page, 'profile, dark');
    await saveScreenshot(page, testInfo, 'preferences-dark-profile');
  });

  await test.step('the shortcuts list', async () => {
    await statusBar(page)
      .getByRole('button', { name: /Keyboard shortcuts/ })
      .click();
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await expectNoAxeViolations(page, 'shortcuts list, dark');
    await page.keyboard.press('Escape');
  });

  await test.step('remembered, and set before the app itself runs (no light flash)', async () => {
    // With the app's own script blocked, only public/theme-boot.js can have set the theme.
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.reload();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    expect(await backgroundLuminance(page)).toBeLessThan(0.05);
    await page.unroute('**/assets/*.js');
    await page.reload();
    await expect(theme).toHaveValue('dark');
  });

  await test.step('System follows the computer, also when it changes', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await theme.selectOption('system');
    await expect(html).toHaveAttribute('data-theme', 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(html).toHaveAttribute('data-theme', 'light');
  });
});

test('keyboard shortcuts move between pages, open the list, and leave typing alone', async ({
  page,
}) => {
  await openApp(page);
  // Not signed in: no shortcuts.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await signInAs(page, 'Counselors');
  const heading = page.getByRole('heading', { level: 1 });

  await test.step('g then a letter goes to a page, and focus starts at its heading', async () => {
    await pressSequence(page, 'g', 's');
    await expect(page).toHaveURL(/#\/students/);
    await expect(heading).toHaveText('Students');
    await expect(heading).toBeFocused();
    await pressSequence(page, 'g', 'm');
    await expect(page).toHaveURL(/#\/sections$/);
    await pressSequence(page, 'g', 'c');
    await expect(page).toHaveURL(/#\/caseload$/);
    await pressSequence(page, 'g', 'o');
    await expect(page).toHaveURL(/#\/$/);
    await expect(heading).toBeFocused();
    // Counselors do not import: no shortcut to it.
    await pressSequence(page, 'g', 'i');
    await expect(page).toHaveURL(/#\/$/);
  });

  await test.step('/ goes to the search box; keys typed there stay there', async () => {
    await pressSequence(page, 'g', 's');
    await expect(heading).toHaveText('Students');
    const search = page.getByRole('main').getByRole('searchbox');
    await page.keyboard.press('/');
    await expect(search).toBeFocused();
    await expect(search).toHaveValue('');
    await page.keyboard.type('go?');
    await expect(search).toHaveValue('go?');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page).toHaveURL(/#\/students/);
    await search.fill('');
  });

  await test.step('? opens the list: focus inside, Escape closes, focus returns', async () => {
    await heading.focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    const close = dialog.getByRole('button', { name: 'Close' });
    await expect(close).toBeFocused();
    const rows = dialog.getByRole('row');
    await expect(rows.filter({ hasText: 'Go to my caseload' })).toContainText('g then c');
    await expect(rows.filter({ hasText: 'Go to the student list' })).toBeVisible();
    await expect(dialog).not.toContainText('Go to imports');
    await page.keyboard.press('Tab');
    await expect(close).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(close).toBeFocused();
    // Shortcuts wait while the list is open.
    await pressSequence(page, 'g', 'o');
    await expect(page).toHaveURL(/#\/students/);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(heading).toBeFocused();
  });

  await test.step('the status bar button opens it too; Close returns focus to the button', async () => {
    const button = statusBar(page).getByRole('button', { name: /Keyboard shortcuts/ });
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
  });

  await test.step('held with Alt, a letter is not a shortcut', async () => {
    await heading.focus();
    await page.keyboard.press('g');
    await page.keyboard.press('Alt+o');
    await expect(page).toHaveURL(/#\/students/);
  });
});
