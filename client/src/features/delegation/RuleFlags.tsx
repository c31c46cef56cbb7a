import type { Change, RuleFlag } from '@parley/shared/engine/types.ts';
import type { DelegationView } from '@parley/shared/engine/viewTypes.ts';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.ts';
import { usePartyName, useText } from '../shell/useText.ts';
import { costLine } from './cost.ts';

/** A rule's title as the catalogue names it (any action's entry), else its id. */
export function useRuleTitle(view: DelegationView): (rule: string) => string {
  const text = useText();
  return (rule) => {
    for (const entry of view.catalogue) {
      const found = entry.rules.find((r) => r.id === rule);
      if (found) return text(found.title);
    }
    const deadline = view.deadlines.find((d) => d.rule === rule);
    return deadline ? text(deadline.title) : rule;
  };
}

/** UN norm and OSCE CBM tags ("UN norm b", "OSCE CBM 3"). */
export function Tags({ norms, cbms }: { readonly norms: readonly string[]; readonly cbms: readonly number[] }) {
  const { t } = useTranslation();
  if (norms.length === 0 && cbms.length === 0) return null;
  return (
    <span className="norm-tags">
      {norms.map((n) => (
        <span key={`n${n}`} className="norm-tag">
          {t('actions.rules.norm', { key: n })}
        </span>
      ))}
      {cbms.map((c) => (
        <span key={`c${c}`} className="norm-tag">
          {t('actions.rules.cbm', { key: c })}
        </span>
      ))}
    </span>
  );
}

/** What a breach costs, change by change: indicator, pair, amount. */
export function CostList({ view, cost }: { readonly view: DelegationView; readonly cost: readonly Change[] }) {
  const { t, i18n } = useTranslation();
  const text = useText();
  const party = usePartyName();
  if (cost.length === 0) return null;
  const names = {
    me: view.delegation,
    variable: (id: string) => {
      const v = view.variables.find((x) => x.id === id);
      return v ? text(v.label) : id;
    },
    party,
    number: (n: number) => formatNumber(n, i18n.language),
  };
  return (
    <div className="cost">
      <span className="cost__label">{t('actions.rules.cost')}</span>
      <ul className="cost__list" data-testid="rule.cost">
        {cost.map((change) => {
          const line = costLine(change, names);
          return (
            <li key={`${change.var}:${change.pair?.join('|') ?? ''}`} className="cost__item">
              <span dir="auto">{line.variable}</span>
              {line.pair && (
                <span className="cost__pair" dir="auto">
                  {line.pair}
                </span>
              )}
              <span className={`cost__amount cost__amount--${line.direction}`} dir="ltr">
                {line.amount}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The rules a command would breach: each rule's title, what it requires, its norm/CBM tags and its cost. */
export function RuleFlags({ view, flags }: { readonly view: DelegationView; readonly flags: readonly RuleFlag[] }) {
  const title = useRuleTitle(view);
  return (
    <ul className="flags">
      {flags.map((f) => (
        <li
          key={`${f.rule}:${f.target ?? ''}`}
          className={`flag flag--${f.mode}`}
          data-testid="rule.flag"
          data-rule={f.rule}
        >
          <strong className="flag__title" data-testid="rule.title">
            {title(f.rule)}
          </strong>
          <span className="flag__message" dir="auto">
            {f.message}
          </span>
          <Tags norms={f.norms} cbms={f.cbms} />
          <CostList view={view} cost={f.cost} />
        </li>
      ))}
    </ul>
  );
}
