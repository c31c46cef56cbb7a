/** A list of world-variable changes (an action's effects, a rule's cost): variable, pair, add or set, amount. */
import type { Effect } from '@parley/shared/scenario/schema.ts';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditing } from './context.ts';
import { textIn } from './edits.ts';
import { Errors, IconButton } from './fields.tsx';

/** The amount of one effect, applied when leaving the field or on Enter. */
function AmountInput({
  label,
  value,
  onCommit,
  onBad,
}: {
  readonly label: string;
  readonly value: number;
  readonly onCommit: (n: number) => void;
  readonly onBad: () => void;
}) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const save = () => {
    const n = Number(text.trim().replace(',', '.').replace('−', '-'));
    if (text.trim() === '' || !Number.isFinite(n)) onBad();
    else if (n !== value) onCommit(n);
  };
  return (
    <input
      className="sx-input sx-input--number"
      inputMode="decimal"
      aria-label={label}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === 'Enter') save();
      }}
    />
  );
}

export function EffectsField({
  label,
  value,
  onCommit,
  bindings,
  testid,
}: {
  readonly label: string;
  readonly value: readonly Effect[];
  readonly onCommit: (effects: Effect[]) => readonly string[];
  /** `$actor`, `$target`: the parties a pair may name besides the scenario's. */
  readonly bindings: readonly string[];
  readonly testid?: string;
}) {
  const { t } = useTranslation();
  const { scenario } = useEditing();
  const id = useId();
  const [errors, setErrors] = useState<readonly string[]>([]);
  const lang = scenario.fallbackLanguage;
  const parties = [...bindings, ...scenario.delegations.map((d) => d.id), ...scenario.actors.map((a) => a.id)];
  const variables = scenario.variables;
  const commit = (next: Effect[]) => setErrors(onCommit(next));
  const replace = (i: number, effect: Effect) => commit(value.map((e, j) => (j === i ? effect : e)));
  const withVar = (effect: Effect, varId: string): Effect => {
    const scope = variables.find((v) => v.id === varId)?.scope;
    const { pair: _, ...rest } = effect;
    const pair = effect.pair ?? [bindings[0] ?? parties[0] ?? '', bindings[1] ?? parties[1] ?? ''];
    return scope === 'pair' ? { ...rest, var: varId, pair } : { ...rest, var: varId };
  };
  const amountOf = (e: Effect) => e.add ?? e.set ?? 0;
  const opOf = (e: Effect) => (e.set !== undefined ? 'set' : 'add');
  const build = (e: Effect, op: string, amount: number): Effect => {
    const { add: _a, set: _s, ...rest } = e;
    return op === 'set' ? { ...rest, set: amount } : { ...rest, add: amount };
  };
  return (
    <fieldset className="sx-field sx-effects" data-testid={testid} aria-describedby={`${id}-e`}>
      <legend className="sx-label">{label}</legend>
      {variables.length === 0 && <p className="sx-hint">{t('studio.structured.effects.noVariables')}</p>}
      {value.length === 0 && variables.length > 0 && <p className="sx-hint">{t('studio.structured.effects.none')}</p>}
      {value.map((effect, i) => {
        const variable = variables.find((v) => v.id === effect.var);
        const rowLabel = t('studio.structured.effects.row', { n: i + 1 });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: effects have no id; a row is its position
          <fieldset key={i} className="sx-effect">
            <legend className="visually-hidden">{rowLabel}</legend>
            <select
              className="sx-input sx-select"
              aria-label={`${rowLabel}: ${t('studio.structured.effects.variable')}`}
              value={effect.var}
              onChange={(e) => replace(i, withVar(effect, e.target.value))}
            >
              {variables.map((v) => (
                <option key={v.id} value={v.id}>
                  {textIn(v.label, lang, lang) || v.id}
                </option>
              ))}
              {variable === undefined && <option value={effect.var}>{effect.var}</option>}
            </select>
            {effect.pair !== undefined &&
              ([0, 1] as const).map((side) => (
                <select
                  key={side}
                  className="sx-input sx-select"
                  aria-label={`${rowLabel}: ${t(side === 0 ? 'studio.structured.effects.pairA' : 'studio.structured.effects.pairB')}`}
                  value={effect.pair?.[side]}
                  onChange={(e) => {
                    const pair: [string, string] = [effect.pair?.[0] ?? '', effect.pair?.[1] ?? ''];
                    pair[side] = e.target.value;
                    replace(i, { ...effect, pair });
                  }}
                >
                  {[...new Set([...parties, effect.pair?.[side] ?? ''])].map((p) => (
                    <option key={p} value={p}>
                      {p.startsWith('$') ? t(`studio.structured.effects.binding.${p.slice(1)}`) : p}
                    </option>
                  ))}
                </select>
              ))}
            <select
              className="sx-input sx-select"
              aria-label={`${rowLabel}: ${t('studio.structured.effects.how')}`}
              value={opOf(effect)}
              onChange={(e) => replace(i, build(effect, e.target.value, amountOf(effect)))}
            >
              <option value="add">{t('studio.structured.effects.add')}</option>
              <option value="set">{t('studio.structured.effects.set')}</option>
            </select>
            <AmountInput
              label={`${rowLabel}: ${t('studio.structured.effects.amount')}`}
              value={amountOf(effect)}
              onCommit={(n) => replace(i, build(effect, opOf(effect), n))}
              onBad={() => setErrors([t('studio.structured.effects.bad')])}
            />
            <IconButton
              glyph="✕"
              danger
              label={t('studio.structured.effects.remove', { n: i + 1 })}
              onClick={() => commit(value.filter((_, j) => j !== i))}
            />
          </fieldset>
        );
      })}
      {variables.length > 0 && (
        <div>
          <button
            type="button"
            className="sx-link"
            onClick={() => {
              const first = variables[0];
              if (first !== undefined) commit([...value, withVar({ var: first.id, add: 1 }, first.id)]);
            }}
          >
            {t('studio.structured.effects.addOne')}
          </button>
        </div>
      )}
      <Errors id={`${id}-e`} errors={errors} />
    </fieldset>
  );
}
