import type { LedgerEntry, Message } from '@parley/shared/engine/types.ts';
import type { LocalizedText } from '@parley/shared/scenario/schema.ts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatGameTime } from '../../state/clock.ts';
import { usePartyName, useText } from '../shell/useText.ts';
import type { ActivityItem } from './activity.ts';

/** The norm and CBM tags of a ledger entry. */
export function RuleTags({ norms, cbms }: { readonly norms: readonly string[]; readonly cbms: readonly number[] }) {
  const { t } = useTranslation();
  if (norms.length + cbms.length === 0) return null;
  return (
    <span className="eval-tags">
      {norms.map((n) => (
        <span key={`n${n}`} className="tag eval-norm">
          {t('evaluation.activity.norm', { norm: n })}
        </span>
      ))}
      {cbms.map((c) => (
        <span key={`c${c}`} className="tag eval-cbm">
          {t('evaluation.activity.cbm', { cbm: c })}
        </span>
      ))}
    </span>
  );
}

function channelOf(m: Message, t: TFunction, party: (id: string | null) => string): string {
  const c = m.channel;
  switch (c.kind) {
    case 'bilateral':
      return t('evaluation.activity.channel.bilateral', { parties: c.between.map(party).join(' – ') });
    case 'group':
      return t('evaluation.activity.channel.group');
    default:
      return t(`evaluation.activity.channel.${c.kind}`);
  }
}

function ruleLine(e: LedgerEntry, t: TFunction, rule: string, party: (id: string | null) => string): string {
  const against = e.against ? ` · ${t('evaluation.activity.towards', { party: party(e.against) })}` : '';
  return `${rule}${against}`;
}

type Props = {
  readonly item: ActivityItem;
  readonly rules: ReadonlyMap<string, LocalizedText>;
};

/** One thing a watched delegation did or met: an action, an assessment, a message, a rule event. */
export function ActivityRow({ item, rules }: Props) {
  const { t, i18n } = useTranslation();
  const text = useText();
  const party = usePartyName();
  const variant = item.kind === 'rule' ? item.entry.kind : item.kind;
  const kindLabel = t(`evaluation.activity.kind.${variant}`);
  let title: string;
  let detail: string | null = null;
  let tags = null;
  switch (item.kind) {
    case 'action': {
      const a = item.action;
      title = text(a.label);
      detail = a.targets.length ? t('evaluation.activity.towards', { party: a.targets.map(party).join(', ') }) : null;
      break;
    }
    case 'assessment': {
      const a = item.assessment;
      title = t('evaluation.activity.assessed', {
        severity: a.severity,
        confidence: t(`feed.level.${a.confidence}`),
      });
      detail = [a.suspect ? t('evaluation.activity.suspect', { party: party(a.suspect) }) : null, a.note]
        .filter(Boolean)
        .join(' · ');
      break;
    }
    case 'message': {
      const m = item.message;
      title = m.text;
      detail = `${m.from ? party(m.from) : t('evaluation.activity.control')} · ${channelOf(m, t, party)}`;
      break;
    }
    case 'rule': {
      const e = item.entry;
      title = ruleLine(e, t, text(rules.get(e.rule)) || e.rule, party);
      detail = t(`evaluation.activity.mode.${e.mode}`);
      tags = <RuleTags norms={e.norms} cbms={e.cbms} />;
      break;
    }
  }
  return (
    <li className={`eval-activity eval-activity--${item.kind}`} data-testid="activity.item" data-kind={item.kind}>
      <time className="row__time" dir="ltr">
        {formatGameTime(item.at, i18n.language)}
      </time>
      <div className="eval-activity__body">
        <p className="eval-activity__title" dir="auto">
          <span className={`eval-activity__kind eval-activity__kind--${variant}`}>{kindLabel}</span> {title}
        </p>
        {detail && <p className="eval-activity__detail">{detail}</p>}
        {tags}
      </div>
    </li>
  );
}
