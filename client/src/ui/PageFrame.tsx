import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../app/navigation.ts';
import { LanguageSelect } from './LanguageSelect.tsx';

/** The frame of the pages before a console: the name, the language selector, one column of content. */
export function PageFrame({ children, wide = false }: { readonly children: ReactNode; readonly wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <header className="page__bar">
        <a
          className="brand"
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate({ name: 'home' });
          }}
        >
          <span className="brand__mark" aria-hidden="true" />
          {t('app.name')}
        </a>
        <LanguageSelect />
      </header>
      <main className={wide ? 'page__main page__main--wide' : 'page__main'}>{children}</main>
    </div>
  );
}
