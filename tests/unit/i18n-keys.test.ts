import { describe, expect, it } from 'vitest';
import { resources } from '../../renderer/src/i18n/resources';

type Tree = { [key: string]: string | Tree };

/** Every leaf of a resource file as [dotted key, text]. */
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : leaves(value, `${prefix}${key}.`),
  );
}

/** The {{placeholders}} a string interpolates, sorted. */
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

/**
 * Plural keys differ by language (Spanish also has `_many`), so they are compared by their stem.
 */
const stem = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('UI strings', () => {
  for (const [namespace, english] of Object.entries(resources.en)) {
    const spanish = resources.es[namespace as keyof typeof resources.es] as Tree;
    const en = leaves(english as Tree);
    const es = new Map(leaves(spanish));
    const esStems = new Set([...es.keys()].map(stem));

    it(`${namespace}: Spanish has every English key, and nothing else`, () => {
      const missing = en.filter(([key]) => !esStems.has(stem(key))).map(([key]) => key);
      const enStems = new Set(en.map(([key]) => stem(key)));
      const extra = [...es.keys()].filter((key) => !enStems.has(stem(key)));
      expect(missing).toEqual([]);
      expect(extra).toEqual([]);
    });

    it(`${namespace}: Spanish strings are filled in and keep the same placeholders`, () => {
      const problems: string[] = [];
      for (const [key, text] of en) {
        const translated = es.get(key) ?? es.get(`${stem(key)}_other`);
        if (translated === undefined) continue;
        if (translated.trim() === '') problems.push(`${key}: empty`);
        if (placeholders(translated).join() !== placeholders(text).join()) {
          problems.push(
            `${key}: placeholders ${placeholders(text)} vs ${placeholders(translated)}`,
          );
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
