import type { DelegationView } from '@parley/shared/engine/viewTypes.ts';
import { type FormEvent, type RefObject, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../facilitator/useCommand.ts';
import { useText } from '../shell/useText.ts';
import { type DraftClause, DraftClauses } from './DraftClauses.tsx';
import { asParagraph } from './proposals.ts';
import { useNames } from './useNames.ts';

type Template = DelegationView['templates'][number];

/** A new proposal: pick a template, the parties (this delegation always one), review the clauses, send. */
export function DraftForm({
  view,
  heading,
  onSent,
  onCancel,
}: {
  readonly view: DelegationView;
  readonly heading: RefObject<HTMLHeadingElement | null>;
  readonly onSent: () => void;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  const text = useText();
  const names = useNames(view.delegation, view.templates);
  const { busy, error, run } = useCommand();
  const ids = useId();
  const fromTemplate = (tpl: Template | undefined): DraftClause[] =>
    (tpl?.clauses ?? []).map((c) => ({ id: c.id, text: asParagraph(text(c.text)) }));
  const [templateId, setTemplateId] = useState(view.templates[0]?.id ?? '');
  const template = view.templates.find((x) => x.id === templateId);
  const [clauses, setClauses] = useState<DraftClause[]>(() => fromTemplate(template));
  const [others, setOthers] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const counterparts = view.parties.filter((p) => p.seated && p.id !== view.delegation);
  const minParties = template?.minParties ?? 2;

  const choose = (tpl: Template) => {
    setTemplateId(tpl.id);
    setClauses(fromTemplate(tpl));
    setProblem(null);
  };
  const toggle = (party: string) => {
    setProblem(null);
    setOthers((s) => {
      const next = new Set(s);
      if (!next.delete(party)) next.add(party);
      return next;
    });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!template) return;
    const parties = [view.delegation, ...counterparts.map((p) => p.id).filter((id) => others.has(id))];
    if (parties.length < minParties) return setProblem(t('negotiation.draft.tooFew', { count: minParties }));
    const empty = clauses.findIndex((c) => c.text.trim() === '');
    if (empty >= 0) return setProblem(t('negotiation.draft.emptyClause', { number: empty + 1 }));
    setProblem(null);
    // Untouched template clauses keep their translations: send clause texts only when they were edited.
    const original = fromTemplate(template);
    const edited =
      clauses.length !== original.length ||
      clauses.some((c, i) => c.id !== original[i]?.id || c.text.trim() !== original[i]?.text);
    const sent = await run({
      type: 'proposal.create',
      template: template.id,
      parties,
      ...(edited ? { clauses: clauses.map((c) => ({ id: c.id, text: c.text.trim() })) } : {}),
    });
    if (sent) onSent();
  };

  if (view.templates.length === 0) return <p className="empty">{t('negotiation.draft.noTemplates')}</p>;

  return (
    <form className="draft" onSubmit={submit} data-testid="negotiation.draft" noValidate>
      <h3 className="negotiation__heading" ref={heading} tabIndex={-1}>
        {t('negotiation.draft.title')}
      </h3>
      <fieldset className="fieldset">
        <legend className="form__label">{t('negotiation.draft.template')}</legend>
        <div className="scenarios">
          {view.templates.map((tpl) => (
            <label key={tpl.id} className={`option${tpl.id === templateId ? ' option--checked' : ''}`}>
              <input
                type="radio"
                name={`${ids}-template`}
                checked={tpl.id === templateId}
                onChange={() => choose(tpl)}
                data-testid={`negotiation.template.${tpl.id}`}
              />
              <span className="option__body">
                <span className="option__title" dir="auto">
                  {text(tpl.title)}
                </span>
                <span className="option__meta">
                  {t(`negotiation.kind.${tpl.kind}`)} ·{' '}
                  {t('negotiation.draft.clauseCount', { count: tpl.clauses.length })}
                </span>
                {tpl.description && (
                  <span className="option__text" dir="auto">
                    {text(tpl.description)}
                  </span>
                )}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="fieldset" aria-describedby={`${ids}-parties`}>
        <legend className="form__label">{t('negotiation.draft.parties')}</legend>
        <p className="form__hint" id={`${ids}-parties`}>
          {t('negotiation.draft.partiesHint', { count: minParties })}
        </p>
        <div className="party-picks">
          <label className="party-pick party-pick--fixed">
            <input type="checkbox" checked disabled />
            <span>{names.one(view.delegation)}</span>
          </label>
          {counterparts.map((p) => (
            <label key={p.id} className={`party-pick${others.has(p.id) ? ' party-pick--on' : ''}`}>
              <input
                type="checkbox"
                checked={others.has(p.id)}
                onChange={() => toggle(p.id)}
                data-testid={`negotiation.party.${p.id}`}
              />
              <span>{names.one(p.id)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <DraftClauses
        clauses={clauses}
        onChange={(next) => {
          setProblem(null);
          setClauses(next);
        }}
      />
      {(problem ?? error) && (
        <p className="form__error" role="alert" data-testid="negotiation.draftError">
          {problem ?? error}
        </p>
      )}
      <div className="form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={busy !== null}
          aria-busy={busy !== null}
          data-testid="negotiation.send"
        >
          {t('negotiation.draft.send')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('negotiation.draft.cancel')}
        </button>
      </div>
    </form>
  );
}
