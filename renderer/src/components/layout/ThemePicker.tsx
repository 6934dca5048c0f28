import { useTranslation } from 'react-i18next';
import { isThemeChoice, setTheme, THEME_CHOICES, useTheme } from '../../preferences/theme';

/** System (follows the computer), Light or Dark; remembered on this computer. */
export function ThemePicker() {
  const { t } = useTranslation('layout');
  const { choice } = useTheme();
  return (
    <div className="status-pref">
      <label htmlFor="theme-picker">{t('statusBar.theme')}</label>
      <select
        id="theme-picker"
        value={choice}
        onChange={(event) => {
          if (isThemeChoice(event.target.value)) setTheme(event.target.value);
        }}
      >
        {THEME_CHOICES.map((option) => (
          <option key={option} value={option}>
            {t(`statusBar.themes.${option}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
