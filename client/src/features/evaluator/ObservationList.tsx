import type { Observation } from '@parley/shared/engine/types.ts';
import type { EvaluatorView } from '@parley/shared/engine/viewTypes.ts';
import { OBSERVATION_RATINGS } from '@parley/shared/protocol/limits.ts';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGameTime } from '../../state/clock.ts';
import { usePartyName, useText } from '../shell/useText.ts';
import {
  filterObservations,
  GENERAL,
  injectChoices,
  isFiltered,
  NO_FILTER,
  type ObservationFilter,
  objectivesOf,
} from './observations.ts';

function ObservationItem({
  observation: o,
  objective,
  inject,
}: {
  readonly observation: Observation;
  readonly objective: string | null;
  readonly inject: string | null;
}) {
  const { t, i18n } = useTranslation();
  const party = usePartyName();
  return (
    <li className="obs" data-testid="observation" data-rating={o.rating ?? 'none'}>
      <div className="obs__head">
        <time className="row__time" dir="ltr" data-testid="observation.time">
          {formatGameTime(o.at, i18n.language)}
        </time>
        <span className="obs__who">{o.delegation ? party(o.delegation) : t('evaluation.list.general')}</span>
        {o.by === 'facilitator' && <span className="muted">{t('evaluation.list.byFacilitator')}</span>}
        {o.rating && (
          <span className={`badge obs-rating obs-rating--${o.rating}`} data-testid="observation.rating">
            {t(`evaluation.rating.${o.rating}`)}
          </span>
        )}
      </div>
      <p className="obs__text" dir="auto" data-testid="observation.text">
        {o.text}
      </p>
      {(objective || inject) && (
        <p className="obs__meta">
          {objective && (
            <span data-testid="observation.objective">
              {t('evaluation.list.objective')} <bdi>{objective}</bdi>
            </span>
          )}
          {inject && (
            <span data-testid="observation.inject">
              {t('evaluation.list.inject')} <bdi>{inject}</bdi>
            </span>
          )}
        </p>
      )}
    </li>
  );
}

/** The observations recorded so far, newest first, filterable by delegation, rating and objective. */
export function ObservationList({ view }: { readonly view: EvaluatorView }) {
  const { t } = useTranslation();
  const text = useText();
  const party = usePartyName();
  const id = useId();
  const [filter, setFilter] = useState<ObservationFilter>(NO_FILTER);
  const objectives = objectivesOf(view);
  const shown = useMemo(() => filterObservations(view.observations, filter), [view.observations, filter]);
  const injectTitle = useMemo(() => new Map(injectChoices(view).map((d) => [d.id, d.title])), [view]);
  const objectiveTitle = new Map(objectives.map((o) => [o.id, o.title]));
  const set = (patch: Partial<ObservationFilter>) => setFilter({ ...filter, ...patch });
  const total = view.observations.length;

  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="observations.panel">
      <header className="panel__head">
        <h2 id={`${id}-title`} className="panel__title">
          {t('evaluation.list.title')}
        </h2>
        {total > 0 && (
          <span className="muted obs__count" data-testid="observations.count">
            {t('evaluation.list.count', { shown: shown.length, total })}
          </span>
        )}
      </header>
      {total > 0 && (
        <fieldset className="obs-filters">
          <legend className="visually-hidden">{t('evaluation.list.filters')}</legend>
          <label className="observe__field">
            <span className="observe__legend">{t('evaluation.form.delegation')}</span>
            <select
              className="input"
              value={filter.delegation}
              data-testid="observations.filter.delegation"
              onChange={(e) => set({ delegation: e.target.value })}
            >
              <option value="">{t('evaluation.list.allDelegations')}</option>
              <option value={GENERAL}>{t('evaluation.list.general')}</option>
              {view.watching.map((d) => (
                <option key={d} value={d}>
                  {party(d)}
                </option>
              ))}
            </select>
          </label>
          <label className="observe__field">
            <span className="observe__legend">{t('evaluation.form.rating')}</span>
            <select
              className="input"
              value={filter.rating}
              data-testid="observations.filter.rating"
              onChange={(e) => set({ rating: e.target.value as ObservationFilter['rating'] })}
            >
              <option value="">{t('evaluation.list.allRatings')}</option>
              {OBSERVATION_RATINGS.map((r) => (
                <option key={r} value={r}>
                  {t(`evaluation.rating.${r}`)}
                </option>
              ))}
              <option value="none">{t('evaluation.list.unrated')}</option>
            </select>
          </label>
          {objectives.length > 0 && (
            <label className="observe__field">
              <span className="observe__legend">{t('evaluation.form.objective')}</span>
              <select
                className="input"
                value={filter.objective}
                data-testid="observations.filter.objective"
                onChange={(e) => set({ objective: e.target.value })}
              >
                <option value="">{t('evaluation.list.allObjectives')}</option>
                {objectives.map((o) => (
                  <option key={o.id} value={o.id}>
                    {text(o.title)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {isFiltered(filter) && (
            <button
              type="button"
              className="button button--link obs-filters__clear"
              onClick={() => setFilter(NO_FILTER)}
            >
              {t('evaluation.list.clear')}
            </button>
          )}
        </fieldset>
      )}
      {total === 0 ? (
        <p className="empty">{t('evaluation.list.empty')}</p>
      ) : shown.length === 0 ? (
        <p className="empty">{t('evaluation.list.none')}</p>
      ) : (
        <ol className="rows obs-list" data-testid="observations.list">
          {shown.map((o) => (
            <ObservationItem
              key={o.id}
              observation={o}
              objective={o.objective ? text(objectiveTitle.get(o.objective)) || o.objective : null}
              inject={o.inject ? text(injectTitle.get(o.inject)) || o.inject : null}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
