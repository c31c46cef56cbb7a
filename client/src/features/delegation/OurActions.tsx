import type { DelegationView } from '@parley/shared/engine/viewTypes.ts';
import { useTranslation } from 'react-i18next';
import { formatGameTime } from '../../state/clock.ts';
import { usePartyName, useText } from '../shell/useText.ts';
import { optionLabel } from './actionDraft.ts';
import { useRuleTitle } from './RuleFlags.tsx';

/** What this delegation has done, newest first, with any breach of a confidence-building rule it recorded. */
export function OurActions({ view }: { readonly view: DelegationView }) {
  const { t, i18n } = useTranslation();
  const text = useText();
  const party = usePartyName();
  const ruleTitle = useRuleTitle(view);
  const ours = view.actions.filter((a) => a.by === view.delegation).sort((a, b) => b.seq - a.seq);
  const paramText = (value: string | number) => (typeof value === 'number' ? String(value) : optionLabel(value));

  return (
    <section className="panel" aria-labelledby="our-actions-title" data-testid="panel.ourActions">
      <h2 id="our-actions-title" className="panel__title">
        {t('actions.ours.title')}
      </h2>
      {ours.length === 0 ? (
        <p className="empty">{t('actions.ours.empty')}</p>
      ) : (
        <ol className="rows">
          {ours.map((a) => {
            const breaches = view.breaches.filter((b) => b.seq === a.seq && b.kind === 'breach');
            return (
              <li key={a.seq} className="row our-action" data-testid="ours.item" data-action={a.action}>
                <time className="row__time" dir="ltr">
                  {formatGameTime(a.at, i18n.language)}
                </time>
                <div className="our-action__body">
                  <p className="our-action__title" dir="auto">
                    {text(a.label)}
                    {a.targets.length > 0 && (
                      <span className="our-action__targets">
                        {' '}
                        {t('actions.ours.towards', { targets: a.targets.map((id) => party(id)).join(', ') })}
                      </span>
                    )}
                  </p>
                  {Object.keys(a.params).length > 0 && (
                    <p className="our-action__params" dir="auto">
                      {Object.values(a.params).map(paramText).join(' · ')}
                    </p>
                  )}
                  {breaches.map((b) => (
                    <p key={b.rule} className="our-action__breach" data-testid="ours.breach">
                      {t('actions.ours.breach', { rule: ruleTitle(b.rule) })}
                    </p>
                  ))}
                </div>
                <span className="badge">{t(`actions.visibility.${a.visibility}`)}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
