import type { FacilitatorView } from '@parley/shared/engine/viewTypes.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGameTime } from '../../state/clock.ts';
import { useSession } from '../../state/store.ts';
import { usePartyName, useText } from '../shell/useText.ts';
import { ActorActionForm } from './ActorActionForm.tsx';
import { actionsOf } from './actors.ts';
import { Field } from './Field.tsx';

/** Play a party without a seat: pick it, pick one of its actions, aim and send; its recent moves below. */
export function ActorPanel({ view }: { readonly view: FacilitatorView }) {
  const { t, i18n } = useTranslation();
  const text = useText();
  const party = usePartyName();
  const actors = view.actors;
  const [actor, setActor] = useState(actors[0]?.id ?? '');
  const [actionId, setActionId] = useState('');
  const status = useSession((s) => s.info.status);
  const playing = status === 'running' || status === 'paused';
  const allowed = actionsOf(view, actor);
  const action = allowed.find((a) => a.id === actionId) ?? null;
  const recent = view.actions
    .filter((a) => a.simulated)
    .slice(-5)
    .reverse();

  return (
    <section className="panel" aria-labelledby="actor-title" data-testid="panel.actor">
      <h2 id="actor-title" className="panel__title">
        {t('control.comms.actor')}
      </h2>
      {actors.length === 0 ? (
        <p className="empty">{t('control.comms.noActors')}</p>
      ) : !playing ? (
        <p className="empty" data-testid="actor.notPlaying">
          {t(status === 'ended' ? 'control.comms.ended' : 'control.comms.notStarted')}
        </p>
      ) : (
        <div className="control-form">
          <Field label={t('control.comms.party')}>
            <select
              className="input"
              value={actor}
              data-testid="actor.party"
              onChange={(e) => {
                setActor(e.target.value);
                setActionId('');
              }}
            >
              {actors.map((a) => (
                <option key={a.id} value={a.id}>
                  {party(a.id)}
                </option>
              ))}
            </select>
          </Field>
          {allowed.length === 0 ? (
            <p className="muted" data-testid="actor.none">
              {t('control.comms.noActions', { party: party(actor) })}
            </p>
          ) : (
            <Field label={t('control.comms.action')}>
              <select
                className="input"
                value={actionId}
                data-testid="actor.action"
                onChange={(e) => setActionId(e.target.value)}
              >
                <option value="">{t('control.comms.pickAction')}</option>
                {allowed.map((a) => (
                  <option key={a.id} value={a.id}>
                    {text(a.label)}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {action && (
            <ActorActionForm
              key={`${actor}/${action.id}`}
              actor={actor}
              action={action}
              parties={view.parties}
              onDone={() => setActionId('')}
            />
          )}
        </div>
      )}
      {recent.length > 0 && (
        <div className="actor-recent">
          <h3 className="glance-card__label">{t('control.comms.recent')}</h3>
          <ul className="glance-list" data-testid="actor.recent">
            {recent.map((a) => (
              <li key={a.seq} data-testid="actor.move">
                <time dir="ltr">{formatGameTime(a.at, i18n.language)}</time> <strong>{party(a.by)}</strong>{' '}
                <span dir="auto">{text(a.label)}</span>
                {a.targets.length > 0 && (
                  <span className="muted">
                    {' '}
                    {t('control.glance.aimedAt', { parties: a.targets.map((id) => party(id)).join(', ') })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
