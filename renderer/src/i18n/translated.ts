/**
 * Label maps that read the current language each time a value is read: an object with one
 * enumerable getter per key, so `FLAG_LABELS.low_gpa.label` and `Object.keys(FLAG_LABELS)` work as
 * they did for constant maps, while the words follow a language change.
 *
 * `keys` is either the contract's list of values or a `Record` over its union (`{ teacher: 1, … }`),
 * which fails the type check when the union gains a value that has no words yet.
 */
export function translated<K extends string, V>(
  keys: readonly K[] | Record<K, 1>,
  word: (key: K) => V,
): Record<K, V> {
  const record = {} as Record<K, V>;
  for (const key of Array.isArray(keys) ? keys : (Object.keys(keys) as K[])) {
    Object.defineProperty(record, key, { enumerable: true, get: () => word(key) });
  }
  return record;
}
