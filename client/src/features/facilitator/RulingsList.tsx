import type { RulingView, VariableView } from '@parley/shared/engine/viewTypes.ts';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.ts';
import { formatGameTime } from '../../state/clock.ts';
import { usePartyName, useText } from '../shell/useText.ts';

/** The rulings so far, newest first, each with the changes it made to the world. */
export function RulingsList({
  rulings,
  variables,
}: {
  readonly rulings: readonly RulingView[];
  readonly variables: readonly VariableView[];
}) {
  const { t, i18n } = useTranslation();
  const text = useText();
  const party = usePartyName();
  const n = (x: number) => formatNumber(x, i18n.language);
  const label = (id: string) => text(variables.find((v) => v.id === id)?.label ?? id);
  return (
    <section className="panel" aria-labelledby="rulings-title" data-testid="panel.rulings">
      <h2 id="rulings-title" className="panel__title">
        {t('control.world.rulings')}
      </h2>
      {rulings.length === 0 ? (
        <p className="empty">{t('control.world.noRulings')}</p>
      ) : (
        <ol className="rows">
          {[...rulings].reverse().map((r) => (
            <li key={r.seq} className="row ruling" data-testid="world.ruling">
              <time className="row__time" dir="ltr">
                {formatGameTime(r.at, i18n.language)}
              </time>
              <p className="row__title" dir="auto">
                {r.text}
              </p>
              {(r.changes ?? []).length > 0 && (
                <ul className="ruling__changes">
                  {(r.changes ?? []).map((c) => (
                    <li key={`${c.var}:${c.pair?.join('|') ?? ''}`}>
                      {label(c.var)}
                      {c.pair && ` (${party(c.pair[0])} – ${party(c.pair[1])})`}{' '}
                      <span dir="ltr">
                        {c.add !== undefined
                          ? `${c.add > 0 ? '+' : ''}${n(c.add)}`
                          : t('control.world.setTo', { value: n(c.set ?? 0) })}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
