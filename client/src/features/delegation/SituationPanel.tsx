import type { DelegationView } from '@parley/shared/engine/viewTypes.ts';
import { useTranslation } from 'react-i18next';
import { formatGameTime } from '../../state/clock.ts';
import { useText } from '../shell/useText.ts';
import { AssessmentBlock } from './AssessmentBlock.tsx';
import { EscalationLadder } from './EscalationLadder.tsx';

/** Where the delegation stands: the phase, its own assessment of the incident, its rung on the escalation ladder. */
export function SituationPanel({ view }: { readonly view: DelegationView }) {
  const { t, i18n } = useTranslation();
  const text = useText();
  const current = view.phases.at(-1);
  const described = [...view.phases].reverse().find((p) => p.description !== null);
  const timebox = current?.timeboxEndsAt ?? null;

  return (
    <section className="panel situation" aria-labelledby="situation-title" data-testid="panel.situation">
      <h2 id="situation-title" className="panel__title">
        {t('delegation.situation')}
      </h2>
      <div className="situation__block" data-testid="situation.phase">
        <h3 className="situation__label">{t('shell.phase')}</h3>
        {view.phases.length === 0 ? (
          <p className="situation__value">{t('actions.situation.notStarted')}</p>
        ) : (
          <>
            <ol className="phase-path">
              {view.phases.map((p, i) => (
                <li key={p.id} aria-current={i === view.phases.length - 1 ? 'step' : undefined}>
                  <span dir="auto">{text(p.title)}</span>
                </li>
              ))}
            </ol>
            {described?.description && (
              <p className="situation__note" dir="auto">
                {text(described.description)}
              </p>
            )}
            {timebox !== null && view.clock.status !== 'ended' && (
              <p className="situation__meta">
                {t('actions.situation.timebox')} <time dir="ltr">{formatGameTime(timebox, i18n.language)}</time>
              </p>
            )}
          </>
        )}
      </div>
      <AssessmentBlock view={view} />
      <EscalationLadder ladder={view.ladder} />
    </section>
  );
}
