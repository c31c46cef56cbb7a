import type { EvaluatorView } from '@parley/shared/engine/viewTypes.ts';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.ts';
import { usePartyName } from '../shell/useText.ts';
import { ActivityRow } from './ActivityRow.tsx';
import { ACTIVITY_KINDS, type ActivityKind, activityCounts, activityOf, ruleTitles } from './activity.ts';

const FIRST = 25;

type Props = {
  readonly view: EvaluatorView;
  /** "Observe this delegation": preselect it in the observation form and go there. */
  readonly onObserve: (delegation: string) => void;
};

/** Beside the observations: what each watched delegation did, one delegation at a time. */
export function DelegationActivity({ view, onObserve }: Props) {
  const { t, i18n } = useTranslation();
  const party = usePartyName();
  const id = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const [kind, setKind] = useState<ActivityKind | ''>('');
  const [all, setAll] = useState(false);
  const delegation = chosen && view.watching.includes(chosen) ? chosen : (view.watching[0] ?? null);
  const rules = useMemo(() => ruleTitles(view), [view]);
  const items = useMemo(() => (delegation ? activityOf(view, delegation) : []), [view, delegation]);
  const filtered = kind ? items.filter((i) => i.kind === kind) : items;
  const shown = all ? filtered : filtered.slice(0, FIRST);
  if (!delegation) return null;
  const counts = activityCounts(view, delegation);
  const figure = (n: number) => formatNumber(n, i18n.language);

  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="activity.panel">
      <h2 id={`${id}-title`} className="panel__title">
        {t('evaluation.activity.title')}
      </h2>
      {view.watching.length > 1 && (
        <fieldset className="filters eval-activity__delegations">
          <legend className="visually-hidden">{t('evaluation.form.delegation')}</legend>
          {view.watching.map((d) => (
            <button
              key={d}
              type="button"
              className="chip"
              aria-pressed={d === delegation}
              data-testid="activity.delegation"
              data-delegation={d}
              onClick={() => setChosen(d)}
            >
              {party(d)}
            </button>
          ))}
        </fieldset>
      )}
      <div className="eval-activity__summary">
        <h3 className="eval-activity__name" data-testid="activity.name">
          {party(delegation)}
        </h3>
        <button
          type="button"
          className="button eval-observe"
          data-testid="activity.observe"
          onClick={() => onObserve(delegation)}
        >
          {t('evaluation.activity.observe', { party: party(delegation) })}
        </button>
      </div>
      <dl className="figures eval-figures">
        <div>
          <dt>{t('evaluation.activity.actions')}</dt>
          <dd>{figure(counts.actions)}</dd>
        </div>
        <div>
          <dt>{t('evaluation.activity.breaches')}</dt>
          <dd className={counts.breaches > 0 ? 'eval-figure--danger' : undefined} data-testid="activity.breaches">
            {figure(counts.breaches)}
          </dd>
        </div>
        <div>
          <dt>{t('evaluation.activity.met')}</dt>
          <dd>{figure(counts.met)}</dd>
        </div>
        <div>
          <dt>{t('evaluation.activity.missed')}</dt>
          <dd className={counts.missed > 0 ? 'eval-figure--danger' : undefined}>{figure(counts.missed)}</dd>
        </div>
      </dl>
      <fieldset className="filters eval-activity__kinds">
        <legend className="visually-hidden">{t('evaluation.activity.show')}</legend>
        {(['', ...ACTIVITY_KINDS] as const).map((k) => (
          <button key={k || 'all'} type="button" className="chip" aria-pressed={kind === k} onClick={() => setKind(k)}>
            {t(`evaluation.activity.filter.${k || 'all'}`)}
          </button>
        ))}
      </fieldset>
      {filtered.length === 0 ? (
        <p className="empty">{t('evaluation.activity.empty')}</p>
      ) : (
        <ol className="rows eval-activity-list" data-testid="activity.list">
          {shown.map((item) => (
            <ActivityRow key={item.key} item={item} rules={rules} />
          ))}
        </ol>
      )}
      {filtered.length > FIRST && (
        <button type="button" className="button button--link" onClick={() => setAll(!all)}>
          {all ? t('evaluation.activity.fewer') : t('evaluation.activity.more', { count: filtered.length })}
        </button>
      )}
    </section>
  );
}
