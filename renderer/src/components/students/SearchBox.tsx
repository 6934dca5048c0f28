import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';

interface SearchBoxProps {
  /** The search the list currently uses. Remount (change `key`) to reset the box from outside. */
  value: string;
  onSearch: (text: string) => void;
  delayMs?: number;
}

/** Searches as you type (after a short pause), or at once on Enter. */
export function SearchBox({ value, onSearch, delayMs = 300 }: SearchBoxProps) {
  const { t } = useTranslation('students');
  const [text, setText] = useState(value);
  const settled = useDebouncedValue(text, delayMs);
  useEffect(() => {
    if (settled.trim() !== value) onSearch(settled.trim());
    // Only a settled change of the text starts a search; `value` catching up must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() !== value) onSearch(text.trim());
  };
  return (
    <form role="search" className="field search-field" onSubmit={submit}>
      <label htmlFor="student-search">{t('filters.search')}</label>
      <input
        id="student-search"
        type="search"
        value={text}
        autoComplete="off"
        spellCheck={false}
        translate="no"
        onChange={(e) => setText(e.target.value)}
      />
    </form>
  );
}
