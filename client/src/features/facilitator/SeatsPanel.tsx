import type { FacilitatorView } from '@parley/shared/engine/viewTypes.ts';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../state/store.ts';
import { usePartyName } from '../shell/useText.ts';
import { BotControl } from './BotControl.tsx';
import { CodeRowItem } from './CodeRowItem.tsx';
import { seatGroups } from './seats.ts';
import { type JoinCode, listCodes } from './seatsApi.ts';

/** The seats: every join code with its QR code and who is connected through it; withdraw codes; bots in empty seats. */
export function SeatsPanel({ view }: { readonly view: FacilitatorView }) {
  const { t } = useTranslation();
  const party = usePartyName();
  const exerciseId = useSession((s) => s.welcome?.exerciseId ?? '');
  const presence = useSession((s) => s.presence);
  const [codes, setCodes] = useState<readonly JoinCode[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  const load = useCallback(async () => {
    setFailed(null);
    const answer = await listCodes(exerciseId);
    if (answer.ok) setCodes(answer.value.codes);
    else setFailed(answer.message ?? t('control.seats.failed'));
  }, [exerciseId, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const groups = codes
    ? seatGroups(
        codes,
        view.delegations.map((d) => d.delegation),
        presence,
      )
    : [];
  const seatTitle = (code: JoinCode) => {
    if (code.role.kind !== 'delegation') return t(`roles.${code.role.kind}`);
    const { delegation, seat } = code.role;
    return view.delegations.find((d) => d.delegation === delegation)?.seats.find((s) => s.id === seat)?.title ?? seat;
  };

  return (
    <section className="panel" aria-labelledby="seats-title" data-testid="panel.seats">
      <header className="panel__head">
        <h2 id="seats-title" className="panel__title">
          {t('control.seats.title')}
        </h2>
      </header>
      <p className="muted seats__intro">{t('control.seats.intro')}</p>
      {failed && (
        <div className="form__error" role="alert">
          <p>{failed}</p>
          <button type="button" className="button button--small" onClick={() => void load()}>
            {t('control.seats.retry')}
          </button>
        </div>
      )}
      {codes === null && !failed && <p className="muted">{t('control.seats.loading')}</p>}
      <div className="seat-groups">
        {groups.map((g) => (
          <section
            key={g.key}
            className="seat-group"
            aria-labelledby={`seat-group-${g.key}`}
            data-testid="seats.group"
            data-group={g.key}
          >
            <header className="seat-group__head">
              <h3 id={`seat-group-${g.key}`} className="seat-group__name">
                {g.delegation ? party(g.key) : t(`control.seats.${g.key}`)}
              </h3>
              {g.delegation && <BotControl delegation={g.key} />}
            </header>
            <ul className="code-rows">
              {g.rows.map((row) => (
                <CodeRowItem
                  key={row.code.code}
                  row={row}
                  seat={seatTitle(row.code)}
                  exerciseId={exerciseId}
                  onChanged={() => void load()}
                />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
