import type { Proposal } from '@parley/shared/engine/types.ts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useText } from '../shell/useText.ts';
import { AddClause } from './AddClause.tsx';
import { ClauseItem } from './ClauseItem.tsx';
import { asParagraph, changesSince, defaultBaseline, directionOf, textAt, type Why } from './proposals.ts';
import type { Names } from './useNames.ts';
import type { VersionMemory } from './versions.ts';

/**
 * The text as a document: numbered clauses, each marked when it changed since the version compared with (by
 * default the one this delegation last accepted), with its struck and inserted words when the earlier wording is
 * known; clauses removed since; and adding a clause.
 */
export function ClauseDocument({
  proposal: p,
  clauses,
  latest,
  accepted,
  memory,
  amend,
  names,
}: {
  readonly proposal: Proposal;
  /** The clauses of the version being read. */
  readonly clauses: Proposal['clauses'];
  /** Whether the version being read is the current one (changes and amendments apply to it only). */
  readonly latest: boolean;
  readonly accepted: number | null;
  readonly memory: VersionMemory;
  readonly amend: Why | null;
  readonly names: Names;
}) {
  const { t } = useTranslation();
  const text = useText();
  const ids = useId();
  /** The version chosen to compare with: undefined for the default, null for none. */
  const [compare, setCompare] = useState<number | null | undefined>(undefined);
  const [words, setWords] = useState(true);
  // A signed text reads clean unless a comparison is asked for.
  const fallback = p.status === 'signed' ? null : defaultBaseline(p, accepted);
  const baseline = !latest ? null : compare !== undefined && (compare ?? 0) < p.version ? compare : fallback;
  const changes = baseline !== null ? changesSince(p, baseline) : null;
  const remembered = baseline !== null ? memory.clausesAt(p.id, baseline) : undefined;
  const editable = latest && amend === null;
  const earlier = (clause: string) => {
    if (baseline === null) return undefined;
    const before = textAt(p, clause, baseline, remembered);
    return before == null ? before : asParagraph(text(before));
  };

  return (
    <section className="document" aria-labelledby={`${ids}-title`}>
      <div className="document__head">
        <h4 className="document__title" id={`${ids}-title`}>
          {t('negotiation.text.title')}
        </h4>
        {latest && p.version > 1 && (
          <div className="document__compare">
            <label htmlFor={`${ids}-compare`}>{t('negotiation.changes.compare')}</label>
            <select
              id={`${ids}-compare`}
              className="select"
              value={baseline ?? ''}
              onChange={(e) => setCompare(e.target.value === '' ? null : Number(e.target.value))}
              data-testid="negotiation.compare"
            >
              <option value="">{t('negotiation.changes.noCompare')}</option>
              {Array.from({ length: p.version - 1 }, (_, i) => i + 1).map((v) => (
                <option key={v} value={v}>
                  {t(v === accepted ? 'negotiation.changes.optionAccepted' : 'negotiation.changes.option', {
                    version: v,
                  })}
                </option>
              ))}
            </select>
            {baseline !== null && (
              <label className="document__words">
                <input type="checkbox" checked={words} onChange={(e) => setWords(e.target.checked)} />
                {t('negotiation.changes.words')}
              </label>
            )}
          </div>
        )}
      </div>
      {changes && changes.clauses.size === 0 && changes.removed.length === 0 && (
        <p className="muted document__none">{t('negotiation.changes.none', { version: baseline })}</p>
      )}
      <ol className="clauses">
        {clauses.map((c, i) => (
          <ClauseItem
            key={c.id}
            proposal={p.id}
            number={i + 1}
            clause={c}
            change={changes?.clauses.get(c.id) ?? null}
            before={earlier(c.id)}
            words={words}
            editable={editable}
            removable={editable && clauses.length > 1}
            names={names}
          />
        ))}
      </ol>
      {changes && changes.removed.length > 0 && (
        <div className="removed" data-testid="negotiation.removed">
          <h5 className="removed__title">{t('negotiation.changes.removedTitle')}</h5>
          <ul className="removed__list">
            {changes.removed.map((r) => {
              const before = earlier(r.id);
              return (
                <li key={r.id} className="removed__item">
                  <span className="clause__mark clause__mark--removed">
                    {t('negotiation.changes.removed', { party: names.one(r.by), version: r.version })}
                  </span>
                  {before ? (
                    <del className="removed__text" dir={directionOf(before) ?? 'auto'}>
                      {before}
                    </del>
                  ) : (
                    <span className="muted">{t('negotiation.changes.unknown')}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {editable && <AddClause proposal={p.id} />}
      {latest && amend === 'signingBegun' && (
        <p className="muted document__note">{t('negotiation.decide.why.signingBegun')}</p>
      )}
    </section>
  );
}
