import { useEffect, useState } from 'react';
import { t } from '../i18n';
import { Select } from '../ui/Fields';

type Theme = 'system' | 'light' | 'dark';
const KEY = 'keyward-theme';

/** Light, dark or the system's choice; kept in localStorage (a preference, nothing secret). */
export function applyStoredTheme(): void {
  const theme = (localStorage.getItem(KEY) as Theme | null) ?? 'system';
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

export function ThemeSwitch() {
  const [theme, setTheme] = useState<Theme>(() => (localStorage.getItem(KEY) as Theme | null) ?? 'system');
  useEffect(() => {
    localStorage.setItem(KEY, theme);
    applyStoredTheme();
  }, [theme]);
  return (
    <div className="theme-switch">
      <Select
        label={t('shell.theme')}
        value={theme}
        onChange={(v) => setTheme(v as Theme)}
        options={[
          { id: 'system', label: t('shell.themeSystem') },
          { id: 'light', label: t('shell.themeLight') },
          { id: 'dark', label: t('shell.themeDark') },
        ]}
      />
    </div>
  );
}
