import type { FacilitatorView } from '@parley/shared/engine/viewTypes.ts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useText } from '../shell/useText.ts';
import { ChangeFields } from './ChangeFields.tsx';
import { Field } from './Field.tsx';
import { useCommand } from './useCommand.ts';
import { type AdjudicateField, buildAdjudicate, type ChangeRow, emptyChange } from './worldForms.ts';

/** Indentation for a phase at `depth` in a select (options take no padding): three no-break spaces a level. */
const indent = (depth: number) => '\u00a0\u00a0\u00a0'.repeat(depth);

/** Rule on what happened: a ruling read to everyone, optional changes to the world, an optional move of phase. */
export function AdjudicateForm({ view }: { readonly view: FacilitatorView }) {
  const { t } = useTranslation();
  const text = useText();
  const { busy, error, run } = useCommand();
  const [ruling, setRuling] = useState('');
  const [rows, setRows] = useState<(ChangeRow & { key: number })[]>([]);
  const nextKey = useRef(0);
  const [phase, setPhase] = useState('');
  const [problems, setProblems] = useState<Partial<Record<AdjudicateField, string>>>({});
  const [done, setDone] = useState(false);
  const active = new Set(view.phases.map((p) => p.id));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setDone(false);
    const built = buildAdjudicate(ruling, rows, phase, view.variables);
    if (!built.ok) return setProblems(built.problems);
    setProblems({});
    if (await run(built.command)) {
      setRuling('');
      setRows([]);
      setPhase('');
      setDone(true);
    }
  };

  return (
    <section className="panel" aria-labelledby="adjudicate-title" data-testid="panel.adjudicate">
      <h2 id="adjudicate-title" className="panel__title">
        {t('control.world.adjudicate')}
      </h2>
      <form className="control-form" onSubmit={submit} noValidate>
        <Field label={t('control.world.ruling')} hint={t('control.world.rulingHint')} problem={problems.ruling}>
          <textarea
            className="input"
            rows={3}
            value={ruling}
            data-testid="adjudicate.ruling"
            onChange={(e) => setRuling(e.target.value)}
          />
        </Field>
        {rows.map((row, i) => (
          <div className="change-row" key={row.key}>
            <ChangeFields
              row={row}
              onChange={(next) => setRows((rs) => rs.map((r, j) => (j === i ? { ...next, key: r.key } : r)))}
              variables={view.variables}
              fixed={false}
              problem={undefined}
              testId={`adjudicate.change.${i}`}
            />
            <button
              type="button"
              className="button button--small button--link"
              onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
            >
              {t('control.world.removeChange')}
            </button>
          </div>
        ))}
        {problems.effects && <p className="field__error">{t(`control.error.${problems.effects}`)}</p>}
        {view.variables.length > 0 && (
          <div>
            <button
              type="button"
              className="button button--small"
              data-testid="adjudicate.addChange"
              onClick={() => setRows((rs) => [...rs, { ...emptyChange(), key: nextKey.current++ }])}
            >
              {t('control.world.addChange')}
            </button>
          </div>
        )}
        {view.outline.length > 0 && (
          <Field label={t('control.world.phase')}>
            <select
              className="input"
              value={phase}
              data-testid="adjudicate.phase"
              onChange={(e) => setPhase(e.target.value)}
            >
              <option value="">{t('control.world.phaseNone')}</option>
              {view.outline.map((p) => (
                <option key={p.id} value={p.id}>
                  {`${indent(p.depth)}${active.has(p.id) ? t('control.world.phaseCurrent', { phase: text(p.title) }) : text(p.title)}`}
                </option>
              ))}
            </select>
          </Field>
        )}
        {error && (
          <p className="form__error" role="alert" data-testid="adjudicate.error">
            {error}
          </p>
        )}
        {done && (
          <p className="form__done" role="status">
            {t('control.world.recorded')}
          </p>
        )}
        <div className="form__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={busy !== null}
            data-testid="adjudicate.submit"
          >
            {t('control.world.record')}
          </button>
        </div>
      </form>
    </section>
  );
}
