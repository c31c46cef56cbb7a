import type { DelegationView } from '@parley/shared/engine/viewTypes.ts';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../ui/Markdown.tsx';
import { useText } from '../shell/useText.ts';

/** The delegation's private briefing, and what every other delegation was told about it. */
export function BriefingPanel({ view }: { readonly view: DelegationView }) {
  const { t } = useTranslation();
  const text = useText();
  const publicBriefing = view.parties.find((p) => p.id === view.delegation)?.briefing ?? null;

  return (
    <section className="panel panel--briefing" aria-labelledby="briefing-title" data-testid="panel.briefing">
      <h2 id="briefing-title" className="panel__title">
        {t('delegation.briefing')}
      </h2>
      <p className="briefing__restricted">{t('actions.briefing.restricted')}</p>
      <Markdown source={text(view.briefing)} />
      {publicBriefing && (
        <details className="briefing__public">
          <summary>{t('actions.briefing.public')}</summary>
          <Markdown source={text(publicBriefing)} />
        </details>
      )}
    </section>
  );
}
