/* global window, document */
// Sightline: puts the remembered theme on the page before its first paint, so a dark theme does
// not flash light while the app loads. The app (src/preferences/theme.ts) takes over once it
// starts and uses the same storage key and values. A file, not an inline script: the page's
// Content-Security-Policy allows scripts from the app only.
(() => {
  let choice = 'system';
  try {
    const saved = window.localStorage.getItem('sightline.theme');
    if (saved === 'light' || saved === 'dark' || saved === 'system') choice = saved;
  } catch {
    // Storage unavailable: follow the computer.
  }
  const dark =
    choice === 'dark' ||
    (choice === 'system' && window.matchMedia?.('(prefers-color-scheme: dark)').matches === true);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
})();
