import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/navigation.ts';
import type { Route } from '../../../app/routes.ts';
import { LanguageSelect } from '../../../ui/LanguageSelect.tsx';
import { signOut, useStudioAuth } from '../studioApi.ts';
import '../studio.css';

/** The browser tab's title: what is open, then the studio and the app. */
export function useStudioTitle(what: string | null): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = [what, t('studio.title'), t('app.name')].filter(Boolean).join(' · ');
  }, [what, t]);
}

/**
 * The studio's frame: the name (home), "Studio" (the library), the language, signing out; one main column.
 * `mayLeave` is asked before any of these leaves the page (unsaved changes).
 */
export function StudioFrame({
  children,
  mayLeave = () => true,
  wide = false,
}: {
  readonly children: ReactNode;
  readonly mayLeave?: () => boolean;
  readonly wide?: boolean;
}) {
  const { t } = useTranslation();
  const signedIn = useStudioAuth((a) => a.passphrase !== '');
  const go = (route: Route) => {
    if (mayLeave()) navigate(route);
  };
  return (
    <div className="page studio">
      <header className="page__bar studio-bar">
        <nav className="studio-bar__nav" aria-label={t('studio.shell.nav')}>
          <a
            className="brand"
            href="/"
            onClick={(e) => {
              e.preventDefault();
              go({ name: 'home' });
            }}
          >
            <span className="brand__mark" aria-hidden="true" />
            {t('app.name')}
          </a>
          <a
            className="studio-bar__link"
            href="/studio"
            data-testid="studio.libraryLink"
            onClick={(e) => {
              e.preventDefault();
              go({ name: 'studio', documentId: null });
            }}
          >
            {t('studio.title')}
          </a>
        </nav>
        <div className="studio-bar__tools">
          <LanguageSelect />
          {signedIn && (
            <button
              type="button"
              className="studio-bar__signout"
              data-testid="studio.signOut"
              onClick={() => {
                if (mayLeave()) signOut();
              }}
            >
              {t('studio.shell.signOut')}
            </button>
          )}
        </div>
      </header>
      <main id="main" className={wide ? 'studio__main studio__main--wide' : 'studio__main'} data-testid="studio.page">
        {children}
      </main>
    </div>
  );
}
