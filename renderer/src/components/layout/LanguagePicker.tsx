import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGE_NAMES, LANGUAGES, setLanguage } from '../../i18n';

/**
 * A new language redraws the whole app (main.tsx keys it on the language), this picker too; the
 * picker that replaces the one just used takes focus back, so the keyboard does not lose its place.
 */
let focusAfterSwitch = false;

/** English or Español, each named in its own language; remembered on this computer. */
export function LanguagePicker() {
  const { t } = useTranslation('layout');
  const select = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (!focusAfterSwitch) return;
    focusAfterSwitch = false;
    select.current?.focus();
  }, []);
  return (
    <div className="status-pref">
      <label htmlFor="language-picker">{t('statusBar.language')}</label>
      <select
        id="language-picker"
        ref={select}
        value={currentLanguage()}
        onChange={(event) => {
          const language = LANGUAGES.find((l) => l === event.target.value);
          if (!language || language === currentLanguage()) return;
          focusAfterSwitch = true;
          setLanguage(language);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language} translate="no">
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
