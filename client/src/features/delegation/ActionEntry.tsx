import type { CatalogueEntry, DelegationView } from '@parley/shared/engine/viewTypes.ts';
import { ESCALATION_LADDER } from '@parley/shared/scenario/vocabulary.ts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useText } from '../shell/useText.ts';
import { ActionForm } from './ActionForm.tsx';

/** One catalogue entry: its label, rung, visibility and rules; opened, its description and form. */
export function ActionEntry({
  view,
  action,
  open,
  onToggle,
}: {
  readonly view: DelegationView;
  readonly action: CatalogueEntry;
  readonly open: boolean;
  readonly onToggle: () => void;
}) {
  const { t } = useTranslation();
  const text = useText();
  const bodyId = useId();
  const rung = ESCALATION_LADDER[action.rung] ?? 'monitor';

  return (
    <li className={open ? 'action action--open' : 'action'} data-testid="action.entry" data-action={action.id}>
      <button
        type="button"
        className="action__toggle"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={onToggle}
        data-testid="action.toggle"
      >
        <span className="action__chevron" aria-hidden="true" />
        <span className="action__label" dir="auto">
          {text(action.label)}
        </span>
        <span className="action__meta">
          <span className={`rung-chip rung-chip--${action.rung <= 2 ? 'low' : action.rung <= 5 ? 'mid' : 'high'}`}>
            {t('actions.ladder.rung', { value: action.rung })}
          </span>
          <span className="action__visibility">{t(`actions.visibility.${action.visibility}`)}</span>
          {action.rules.length > 0 && (
            <span className="action__rules">{t('actions.rules.count', { count: action.rules.length })}</span>
          )}
        </span>
      </button>
      {open && (
        <div id={bodyId} className="action__body">
          {action.description && (
            <p className="action__description" dir="auto">
              {text(action.description)}
            </p>
          )}
          <p className="action__facts">
            {t('actions.entry.facts', {
              rung: t(`actions.rung.${rung}`),
              visibility: t(`actions.visibility.${action.visibility}`),
            })}
            {action.deniable && <> {t('actions.entry.deniable')}</>}
          </p>
          {action.rules.length > 0 && (
            <div className="action__applies" data-testid="action.rules">
              <p className="action__applies-title">{t('actions.rules.apply')}</p>
              <ul>
                {action.rules.map((r) => (
                  <li key={r.id} data-rule={r.id}>
                    <span dir="auto">{text(r.title)}</span>{' '}
                    <span className={`mode mode--${r.mode}`}>{t(`actions.rules.mode.${r.mode}`)}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <ActionForm view={view} action={action} />
        </div>
      )}
    </li>
  );
}
