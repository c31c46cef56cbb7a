import type { Assessment } from '@parley/shared/engine/types.ts';
import type { DelegationView } from '@parley/shared/engine/viewTypes.ts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGameTime } from '../../state/clock.ts';
import { usePartyName } from '../shell/useText.ts';
import { AssessForm } from './AssessForm.tsx';

function AssessmentLine({ assessment }: { readonly assessment: Assessment }) {
  const { t } = useTranslation();
  const party = usePartyName();
  return (
    <>
      <span className="assessment__severity" data-severity={assessment.severity}>
        {t('actions.assess.severityShort', {
          value: assessment.severity,
          name: t(`actions.severity.${assessment.severity}`),
        })}
      </span>
      <span>
        {assessment.suspect
          ? t('actions.assess.suspected', {
              party: party(assessment.suspect),
              level: t(`feed.level.${assessment.confidence}`),
            })
          : t('actions.assess.undetermined', { level: t(`feed.level.${assessment.confidence}`) })}
      </span>
    </>
  );
}

/** The delegation's latest own assessment (severity, suspected party, confidence), its history, and the form. */
export function AssessmentBlock({ view }: { readonly view: DelegationView }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const formId = useId();
  const own = view.assessments.filter((a) => a.by === view.delegation);
  const latest = own.at(-1);
  const earlier = own.slice(0, -1).reverse();

  return (
    <div className="situation__block" data-testid="situation.assessment">
      <div className="situation__row">
        <h3 className="situation__label">{t('actions.assess.title')}</h3>
        <button
          type="button"
          className="button button--small"
          aria-expanded={open}
          aria-controls={formId}
          onClick={() => setOpen(!open)}
          data-testid="assess.toggle"
        >
          {open ? t('actions.assess.close') : latest ? t('actions.assess.update') : t('actions.assess.open')}
        </button>
      </div>
      {latest ? (
        <p className="assessment" data-testid="assess.latest">
          <AssessmentLine assessment={latest} />
          {latest.note && (
            <span className="assessment__note" dir="auto">
              “{latest.note}”
            </span>
          )}
          <span className="situation__meta">
            {t('actions.assess.at')} <time dir="ltr">{formatGameTime(latest.at, i18n.language)}</time>
          </span>
        </p>
      ) : (
        <p className="situation__value muted" data-testid="assess.latest">
          {t('delegation.notAssessed')}
        </p>
      )}
      {open && <AssessForm id={formId} view={view} latest={latest ?? null} onDone={() => setOpen(false)} />}
      {earlier.length > 0 && (
        <details className="assessment__history">
          <summary>{t('actions.assess.history', { count: earlier.length })}</summary>
          <ol className="rows">
            {earlier.map((a) => (
              <li key={a.seq} className="row assessment__row">
                <time className="row__time" dir="ltr">
                  {formatGameTime(a.at, i18n.language)}
                </time>
                <AssessmentLine assessment={a} />
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
