import { ESCALATION_LADDER } from '@parley/shared/scenario/vocabulary.ts';
import { useTranslation } from 'react-i18next';

const band = (rung: number) => (rung <= 2 ? 'low' : rung <= 5 ? 'mid' : 'high');

/** The delegation's rung on the escalation ladder (0 monitor … 9 self-defence) and the highest it has reached. */
export function EscalationLadder({
  ladder,
}: {
  readonly ladder: { readonly current: number; readonly highest: number } | null;
}) {
  const { t } = useTranslation();
  const current = ladder?.current ?? 0;
  const highest = ladder?.highest ?? 0;
  const name = (rung: number) => t(`actions.rung.${ESCALATION_LADDER[rung] ?? 'monitor'}`);

  return (
    <div className="situation__block" data-testid="situation.ladder" data-current={current} data-highest={highest}>
      <h3 className="situation__label">{t('actions.ladder.title')}</h3>
      <p className="situation__value">
        <span className="ladder__number">{t('actions.ladder.rung', { value: current })}</span> {name(current)}
      </p>
      <ol className="ladder" aria-label={t('actions.ladder.title')}>
        {ESCALATION_LADDER.map((key, rung) => {
          const classes = [
            'ladder__step',
            `ladder__step--${band(rung)}`,
            rung <= current ? 'ladder__step--on' : '',
            rung === highest && highest > current ? 'ladder__step--highest' : '',
          ];
          return (
            <li
              key={key}
              className={classes.filter(Boolean).join(' ')}
              aria-current={rung === current ? 'step' : undefined}
            >
              <span aria-hidden="true">{rung}</span>
              <span className="visually-hidden">
                {rung} {name(rung)}
              </span>
            </li>
          );
        })}
      </ol>
      <div className="ladder__ends" aria-hidden="true">
        <span>{name(0)}</span>
        <span>{name(ESCALATION_LADDER.length - 1)}</span>
      </div>
      {highest > current && (
        <p className="situation__meta">{t('actions.ladder.highest', { value: highest, name: name(highest) })}</p>
      )}
    </div>
  );
}
