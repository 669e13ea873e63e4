/** localStorage key of the chosen theme: 'light' | 'dark'; absent means "follow the system". */
export const THEME_STORAGE_KEY = 'console-theme'

/**
 * Runs in <head> before first paint (so there is no light flash in dark mode): applies the stored choice or the
 * system preference, and keeps following the system while no choice is stored.
 */
export const themeScript = `(() => {
  const key = ${JSON.stringify(THEME_STORAGE_KEY)};
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => {
    let stored = null;
    try { stored = localStorage.getItem(key); } catch {}
    const dark = stored === 'dark' || (stored !== 'light' && media.matches);
    document.documentElement.classList.toggle('dark', dark);
  };
  apply();
  media.addEventListener('change', apply);
  window.addEventListener('console-theme-change', apply);
})();`
