import type { DelegationView } from '@parley/shared/engine/viewTypes.ts';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../state/store.ts';
import { Markdown } from '../../ui/Markdown.tsx';
import { IncidentFeed } from '../feed/IncidentFeed.tsx';
import { useText } from '../shell/useText.ts';

const asDelegation = (v: unknown) => v as DelegationView;

/** A delegation's first screen: where it stands, its private briefing, the incident feed. */
export function DelegationHome() {
  const { t } = useTranslation();
  const text = useText();
  const view = useSession((s) => (s.view?.role === 'delegation' ? asDelegation(s.view) : null));
  if (!view) return null;
  const own = view.assessments.filter((a) => a.by === view.delegation).at(-1);

  return (
    <div className="layout layout--delegation">
      <div className="layout__side">
        <section className="panel" aria-labelledby="situation-title" data-testid="panel.situation">
          <h2 id="situation-title" className="panel__title">
            {t('delegation.situation')}
          </h2>
          <dl className="figures">
            <div>
              <dt>{t('delegation.severity')}</dt>
              <dd>{own ? t('delegation.severityValue', { value: own.severity }) : t('delegation.notAssessed')}</dd>
            </div>
            <div>
              <dt>{t('delegation.ladder')}</dt>
              <dd>{t('delegation.ladderValue', { value: view.ladder?.current ?? 0 })}</dd>
            </div>
          </dl>
        </section>
        <section className="panel panel--briefing" aria-labelledby="briefing-title" data-testid="panel.briefing">
          <h2 id="briefing-title" className="panel__title">
            {t('delegation.briefing')}
          </h2>
          <Markdown source={text(view.briefing)} />
        </section>
      </div>
      <div className="layout__main">
        <IncidentFeed injects={view.injects} />
      </div>
    </div>
  );
}
