import type { LedgerEntry } from '@parley/shared/engine/types.ts';
import type { LocalizedText } from '@parley/shared/scenario/schema.ts';
import { useTranslation } from 'react-i18next';
import { formatGameTime } from '../../state/clock.ts';
import { usePartyName, useText } from '../shell/useText.ts';

/** A rule breach (or a missed deadline): the rule, how it was enforced, the UN norms and OSCE CBMs at stake. */
export function BreachRow({ entry, title }: { readonly entry: LedgerEntry; readonly title: LocalizedText }) {
  const { t, i18n } = useTranslation();
  const text = useText();
  const party = usePartyName();
  return (
    <li
      className={`breach breach--${entry.mode}`}
      data-testid="control.breach"
      data-rule={entry.rule}
      data-mode={entry.mode}
      data-kind={entry.kind}
    >
      <span className="breach__head">
        <span className="breach__mode">
          {entry.kind === 'missed' ? t('control.glance.missed') : t(`control.glance.mode.${entry.mode}`)}
        </span>
        <time className="breach__time" dir="ltr">
          {formatGameTime(entry.at, i18n.language)}
        </time>
      </span>
      <span className="breach__rule" dir="auto">
        {text(title)}
        {entry.against !== null && (
          <span className="muted"> · {t('control.glance.against', { party: party(entry.against) })}</span>
        )}
      </span>
      {(entry.norms.length > 0 || entry.cbms.length > 0) && (
        <span className="breach__tags">
          {entry.norms.map((n) => (
            <span key={`n${n}`} className="breach__tag">
              {t('control.glance.norm', { key: n })}
            </span>
          ))}
          {entry.cbms.map((c) => (
            <span key={`c${c}`} className="breach__tag">
              {t('control.glance.cbm', { number: c })}
            </span>
          ))}
        </span>
      )}
    </li>
  );
}
