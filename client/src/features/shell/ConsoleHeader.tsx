import { useTranslation } from 'react-i18next';
import { loadSeat } from '../../net/seats.ts';
import { useSession } from '../../state/store.ts';
import { LanguageSelect } from '../../ui/LanguageSelect.tsx';
import { ConnectionStatus } from './ConnectionStatus.tsx';
import { GameClock } from './GameClock.tsx';
import { usePartyName, useText } from './useText.ts';

/** The console's header: exercise, role, phase and status, clock, connection, language. */
export function ConsoleHeader({ exerciseId }: { readonly exerciseId: string }) {
  const { t } = useTranslation();
  const text = useText();
  const partyName = usePartyName();
  const title = useSession((s) => s.view?.scenario.title);
  const role = useSession((s) => s.welcome?.role);
  const info = useSession((s) => s.info);
  // The view lists the active phases outermost first: "Phase 3 › Crunch time" says where play is within its phase.
  const phases = useSession((s) => s.view?.phases);
  const phaseText =
    phases && phases.length > 0
      ? phases.map((p) => text(p.title)).join(' › ')
      : info.phaseTitle
        ? text(info.phaseTitle)
        : t('shell.noPhase');
  const name = loadSeat(exerciseId)?.name;
  const roleText = !role
    ? ''
    : role.kind === 'delegation'
      ? `${partyName(role.delegation)} · ${t('roles.delegation')}`
      : t(`roles.${role.kind}`);
  const status = t(`shell.status.${info.status}`, { defaultValue: info.status });

  return (
    <header className="console-header">
      <div className="console-header__top">
        <div className="console-header__title">
          <span className="brand__mark" aria-hidden="true" />
          <div>
            <p className="console-header__exercise" data-testid="shell.title">
              {text(title)}
            </p>
            <p className="console-header__role" data-testid="shell.role">
              {roleText}
              {name && role?.kind !== 'facilitator' && <span className="muted"> · {name}</span>}
            </p>
          </div>
        </div>
        <div className="console-header__tools">
          <ConnectionStatus />
          <LanguageSelect />
        </div>
      </div>
      <div className="console-header__stats">
        <div className="stat">
          <span className="stat__label">{t('shell.phase')}</span>
          <span className="stat__value" data-testid="shell.phase">
            {phaseText}
          </span>
        </div>
        <div className="stat">
          <span className="stat__label">{t('shell.exercise')}</span>
          <span className={`stat__value status status--${info.status}`} data-testid="shell.status">
            {status}
          </span>
        </div>
        <GameClock />
      </div>
    </header>
  );
}
