import type { LocalizedText } from '@parley/shared/scenario/schema.ts';
import { useTranslation } from 'react-i18next';
import { formatGameTime } from '../../state/clock.ts';
import { usePartyName, useText } from '../shell/useText.ts';
import { BreachRow } from './BreachRow.tsx';
import type { DelegationGlance } from './glance.ts';

function Occupants({ card }: { readonly card: DelegationGlance }) {
  const { t } = useTranslation();
  if (card.occupancy === 'bot')
    return (
      <span className="occupancy occupancy--bot" data-testid="control.occupancy" data-occupancy="bot">
        {t('control.glance.bot', { policy: t(`control.seats.policy.${card.bot}`, { defaultValue: card.bot }) })}
      </span>
    );
  if (card.occupancy === 'empty')
    return (
      <span className="occupancy occupancy--empty" data-testid="control.occupancy" data-occupancy="empty">
        {t('control.glance.empty')}
      </span>
    );
  const names = card.people.map((p) => p.name ?? t('control.seats.anonymous')).join(', ');
  return (
    <span className="occupancy" data-testid="control.occupancy" data-occupancy="people">
      <span className="presence-dot" aria-hidden="true" />
      <span dir="auto">{names}</span>
    </span>
  );
}

/** One delegation's card on the overview. */
export function DelegationCard({
  card,
  color,
  ruleTitles,
}: {
  readonly card: DelegationGlance;
  readonly color: string | null;
  readonly ruleTitles: ReadonlyMap<string, LocalizedText>;
}) {
  const { t, i18n } = useTranslation();
  const text = useText();
  const party = usePartyName();
  const time = (ms: number) => formatGameTime(ms, i18n.language);
  const a = card.assessment;
  const titleId = `glance-${card.id}`;
  return (
    <li
      className={card.breaches.length > 0 ? 'glance-card glance-card--breach' : 'glance-card'}
      aria-labelledby={titleId}
      data-testid="control.delegation"
      data-delegation={card.id}
    >
      <header className="glance-card__head">
        <div className="glance-card__title">
          <span className="swatch" style={{ background: color ?? 'var(--ink-3)' }} aria-hidden="true" />
          <h3 id={titleId} className="glance-card__name">
            {party(card.id)}
          </h3>
        </div>
        <Occupants card={card} />
      </header>
      <dl className="glance-card__facts">
        <div>
          <dt>{t('control.glance.assessment')}</dt>
          <dd data-testid="control.assessment">
            {a
              ? t('control.glance.assessmentValue', {
                  severity: a.severity,
                  suspect: a.suspect ? party(a.suspect) : t('control.glance.noSuspect'),
                  confidence: t(`feed.level.${a.confidence}`),
                })
              : t('control.glance.notAssessed')}
          </dd>
        </div>
        <div>
          <dt>{t('control.glance.rung')}</dt>
          <dd data-testid="control.rung">
            {t('control.glance.rungValue', { current: card.ladder.current, highest: card.ladder.highest })}
          </dd>
        </div>
      </dl>
      <div className="glance-card__block">
        <h4 className="glance-card__label">{t('control.glance.actions', { number: card.actionCount })}</h4>
        {card.actions.length === 0 ? (
          <p className="muted glance-card__none">{t('control.glance.noActions')}</p>
        ) : (
          <ul className="glance-list" data-testid="control.actions">
            {card.actions.map((x) => (
              <li key={x.seq}>
                <time dir="ltr">{time(x.at)}</time> <span dir="auto">{text(x.label)}</span>
                {x.targets.length > 0 && (
                  <span className="muted">
                    {' '}
                    {t('control.glance.aimedAt', { parties: x.targets.map((id) => party(id)).join(', ') })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      {card.openDeadlines.length > 0 && (
        <div className="glance-card__block">
          <h4 className="glance-card__label">{t('control.glance.deadlines')}</h4>
          <ul className="glance-list" data-testid="control.deadlines">
            {card.openDeadlines.map((d) => (
              <li key={d.id} data-testid="control.deadline">
                <span dir="auto">{text(d.title)}</span>{' '}
                <span className="muted">
                  {t('control.glance.towards', { party: party(d.counterpart) })} ·{' '}
                  <time dir="ltr">{t('control.glance.due', { time: time(d.dueAt) })}</time>
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {card.breaches.length > 0 && (
        <div className="glance-card__block">
          <h4 className="glance-card__label glance-card__label--breach">
            {t('control.glance.breaches', { number: card.breaches.length })}
          </h4>
          <ul className="breaches">
            {card.breaches.map((e) => (
              <BreachRow key={e.seq} entry={e} title={ruleTitles.get(e.rule) ?? e.rule} />
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}
