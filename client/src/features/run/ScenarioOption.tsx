import { localize } from '@parley/shared/scenario/localize.ts';
import { useTranslation } from 'react-i18next';
import type { LibraryScenario } from '../../net/api.ts';

type Props = { readonly scenario: LibraryScenario; readonly checked: boolean; readonly onChoose: () => void };

export function ScenarioOption({ scenario, checked, onChoose }: Props) {
  const { t, i18n } = useTranslation();
  const fallback = scenario.languages[0] ?? 'en';
  return (
    <label className={checked ? 'option option--checked' : 'option'} data-testid={`run.scenario.${scenario.id}`}>
      <input type="radio" name="scenario" value={scenario.id} checked={checked} onChange={onChoose} />
      <span className="option__body">
        <span className="option__title">{localize(scenario.title, i18n.language, fallback)}</span>
        <span className="option__meta">
          {t('run.minutes', { count: scenario.durationMinutes })} ·{' '}
          {t('run.delegations', { count: scenario.delegations.length })} · {scenario.level}
        </span>
        <span className="option__text">{localize(scenario.summary, i18n.language, fallback)}</span>
      </span>
    </label>
  );
}
