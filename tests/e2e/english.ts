/**
 * Finds English left on a page shown in Spanish: every text node of the document, the attributes
 * people hear (aria-label, title, placeholder, alt) and the document title, leaving out data
 * (elements marked translate="no": names, course titles, typed notes). A text fails when it holds
 * a word that only English uses: a word of the English strings (all namespaces, and the core's
 * message catalogue) that no Spanish string uses, or one of English's commonest short words.
 * Checking words rather than whole strings also catches text that never went through i18next.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

type Tree = { [key: string]: string | Tree };

function catalogues(language: 'en' | 'es'): Tree[] {
  const dir = path.resolve(`renderer/src/i18n/locales/${language}`);
  const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
  files.push(path.resolve(`main/api/messages/${language}.json`));
  return files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as Tree);
}

function wordsOf(language: 'en' | 'es'): Set<string> {
  const leaves = (tree: Tree): string[] =>
    Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v)));
  const text = catalogues(language)
    .flatMap(leaves)
    .join(' ')
    // Placeholders and <Trans> tags are not words anyone reads.
    .replace(/\{\{[^}]*\}\}|<\/?\w+\/?>/g, ' ');
  return new Set(text.toLowerCase().match(/\p{L}+/gu) ?? []);
}

const ENGLISH_ONLY = (() => {
  const spanish = wordsOf('es');
  const english = [...wordsOf('en')].filter((w) => w.length > 2 && !spanish.has(w));
  const common = ['the', 'and', 'of', 'to', 'is', 'are', 'was', 'with', 'for', 'from', 'your'];
  return new Set([...english, ...common, 'this', 'that', 'not', 'has', 'it', 'its', 'by', 'or']);
})();

/**
 * Each English text on the page, with where it was found; empty when there is none. Data shown
 * elsewhere on the page as data (a section's title in its heading) is data inside a sentence or
 * the document title too, so those strings are left out wherever they appear.
 */
export async function englishOnPage(page: Page): Promise<string[]> {
  const { texts, data } = await page.evaluate(() => {
    const shown = (el: Element) =>
      !el.closest('[translate="no"], [hidden], script, style, noscript, template');
    const found: [where: string, text: string][] = [['document.title', document.title]];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const el = walker.currentNode.parentElement;
      const text = walker.currentNode.textContent?.trim();
      if (el && text && shown(el)) found.push([`<${el.tagName.toLowerCase()}>`, text]);
    }
    for (const el of document.body.querySelectorAll(
      '[aria-label], [title], [placeholder], [alt]',
    )) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(name);
        if (value && shown(el)) found.push([name, value]);
      }
    }
    const data = [...document.querySelectorAll('[translate="no"]')]
      .map((el) => el.textContent?.trim() ?? '')
      .filter((t) => t.length > 1);
    return { texts: found, data };
  });
  const longestFirst = [...new Set(data)].sort((a, b) => b.length - a.length);
  return texts
    .filter(([, text]) => {
      const words = longestFirst.reduce((t, d) => t.replaceAll(d, ' '), text).toLowerCase();
      return (words.match(/\p{L}+/gu) ?? []).some((w) => ENGLISH_ONLY.has(w));
    })
    .map(([where, text]) => `${where} ${text}`);
}
