import type { MselEntry } from '@parley/shared/engine/viewTypes.ts';
import { useTranslation } from 'react-i18next';
import { formatGameTime } from '../../state/clock.ts';
import { useText } from '../shell/useText.ts';

/** The MSEL in order of its due time, each entry with its status. */
export function MselList({ msel }: { readonly msel: readonly MselEntry[] }) {
  const { t, i18n } = useTranslation();
  const text = useText();
  const ordered = [...msel].sort((a, b) => (a.dueAt ?? Number.MAX_SAFE_INTEGER) - (b.dueAt ?? Number.MAX_SAFE_INTEGER));
  return (
    <section className="panel" aria-labelledby="msel-title" data-testid="panel.msel">
      <h2 id="msel-title" className="panel__title">
        {t('facilitator.msel')}
      </h2>
      {ordered.length === 0 ? (
        <p className="empty">{t('facilitator.mselEmpty')}</p>
      ) : (
        <ol className="rows">
          {ordered.map((entry) => (
            <li key={entry.id} className="row" data-testid="msel.entry" data-status={entry.status}>
              <span className="row__time" dir="ltr">
                {entry.dueAt !== null ? formatGameTime(entry.dueAt, i18n.language) : '—'}
              </span>
              <span className="row__title">{text(entry.title)}</span>
              <span className={`badge badge--${entry.status}`}>{t(`facilitator.inject.${entry.status}`)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
