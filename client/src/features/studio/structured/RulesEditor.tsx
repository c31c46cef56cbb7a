/**
 * Confidence-building rules: "before" rules (precondition: what must have happened before an action) and deadline
 * rules (an answer due within some minutes), what happens on a breach in plain words, its cost, norms and CBMs.
 */
import type { Rule } from '@parley/shared/scenario/schema.ts';
import { type FieldEdit, flowText, insertItem, readFlowText } from '@parley/shared/studio/yamlEdit.ts';
import { useTranslation } from 'react-i18next';
import { useEditing } from './context.ts';
import { EffectsField } from './EffectsField.tsx';
import { freshId, textEdit, textIn, tidyMarkdown } from './edits.ts';
import { Checklist, NumberField, TextArea, TextField } from './fields.tsx';
import { ItemList } from './ItemList.tsx';
import { TagFields } from './TagFields.tsx';
import { builtinOptions } from './tags.ts';

function RuleForm({ rule }: { readonly rule: Rule }) {
  const { t } = useTranslation();
  const { scenario, update } = useEditing();
  const lang = scenario.fallbackLanguage;
  const set = (edits: FieldEdit[]) => update('rules', rule.id, edits);
  const tid = `rules.${rule.id}`;
  const actionOptions = [
    ...scenario.actions.map((a) => ({ value: a.id, label: textIn(a.label, lang, lang) || a.id })),
    ...builtinOptions(t),
  ];
  const modes = rule.type === 'precondition' ? (['block', 'warn', 'record'] as const) : (['warn', 'record'] as const);
  return (
    <div className="sx-form">
      <p className="sx-kind" data-testid={`${tid}.type`}>
        {t(`studio.structured.rules.types.${rule.type}`)}
      </p>
      <TextField
        label={t('studio.structured.rules.ruleTitle')}
        value={textIn(rule.title, lang, lang)}
        required
        onCommit={(v) => set([textEdit(scenario, ['title'], v)])}
        testid={`${tid}.title`}
      />
      <TextArea
        label={t('studio.structured.rules.description')}
        rows={2}
        value={textIn(rule.description, lang, lang)}
        onCommit={(v) => set([textEdit(scenario, ['description'], tidyMarkdown(v))])}
        testid={`${tid}.description`}
      />
      <Checklist
        label={t(
          rule.type === 'precondition' ? 'studio.structured.rules.onBefore' : 'studio.structured.rules.onDeadline',
        )}
        columns
        value={rule.on}
        options={actionOptions}
        onCommit={(on) => set([{ path: ['on'], value: on }])}
        testid={`${tid}.on`}
      />
      {rule.type === 'precondition' ? (
        <TextField
          label={t('studio.structured.rules.requires')}
          hint={t('studio.structured.conditionHint')}
          mono
          dir="ltr"
          value={flowText(rule.requires)}
          onCommit={(v) => {
            const read = readFlowText(v);
            return read.ok ? set([{ path: ['requires'], value: read.value }]) : [t('studio.structured.badCondition')];
          }}
          testid={`${tid}.requires`}
        />
      ) : (
        <>
          <Checklist
            label={t('studio.structured.rules.satisfiedBy')}
            columns
            value={rule.satisfiedBy}
            options={actionOptions}
            onCommit={(by) => set([{ path: ['satisfiedBy'], value: by }])}
            testid={`${tid}.satisfiedBy`}
          />
          <NumberField
            label={t('studio.structured.rules.within')}
            value={rule.within}
            min={0.5}
            max={1440}
            onCommit={(n) => set([{ path: ['within'], value: n }])}
            testid={`${tid}.within`}
          />
        </>
      )}
      <fieldset className="sx-field">
        <legend className="sx-label">{t('studio.structured.rules.mode')}</legend>
        <div className="sx-choices">
          {modes.map((mode) => (
            <label key={mode} className="sx-choice">
              <input
                type="radio"
                name={`${tid}.mode`}
                checked={rule.mode === mode}
                onChange={() => set([{ path: ['mode'], value: mode }])}
                data-testid={`${tid}.mode.${mode}`}
              />
              <span>
                <strong>{t(`studio.structured.rules.modes.${mode}`)}</strong>
                <span className="sx-check__detail">{t(`studio.structured.rules.modeHints.${rule.type}.${mode}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <EffectsField
        label={t('studio.structured.rules.cost')}
        value={rule.cost}
        bindings={['$actor', '$target']}
        onCommit={(cost) => set([{ path: ['cost'], value: cost.length === 0 ? undefined : cost }])}
        testid={`${tid}.cost`}
      />
      <TagFields norms={rule.norms} cbms={rule.cbms} set={set} testid={tid} />
    </div>
  );
}

export function RulesEditor() {
  const { t } = useTranslation();
  const { scenario, change, readOnly } = useEditing();
  const lang = scenario.fallbackLanguage;
  const items = scenario.rules.map((r) => ({
    id: r.id,
    label: textIn(r.title, lang, lang) || r.id,
    meta: `${t(`studio.structured.rules.short.${r.type}`)} · ${t(`studio.structured.rules.modes.${r.mode}`)}`,
  }));
  const add = (done: (p: readonly string[], id: string) => void, type: Rule['type']) => {
    const id = freshId(
      `rule-${scenario.rules.length + 1}`,
      scenario.rules.map((r) => r.id),
    );
    const value =
      type === 'precondition'
        ? {
            id,
            type,
            title: t('studio.structured.rules.newBefore'),
            on: ['poc.ping'],
            requires: { elapsed: { gte: 5 } },
            mode: 'warn',
          }
        : {
            id,
            type,
            title: t('studio.structured.rules.newDeadline'),
            on: ['poc.ping'],
            satisfiedBy: ['poc.ack'],
            within: 5,
          };
    done(
      change('rules', (s) => insertItem(s, 'rules', scenario.rules.length, value), t('studio.structured.added')),
      id,
    );
  };
  return (
    <ItemList
      section="rules"
      title={t('studio.structured.rules.title')}
      intro={t('studio.structured.rules.intro')}
      items={items}
      addButtons={(done) => (
        <>
          <button
            type="button"
            className="button"
            disabled={readOnly}
            onClick={() => add(done, 'precondition')}
            data-testid="rules.addBefore"
          >
            {t('studio.structured.rules.addBefore')}
          </button>
          <button
            type="button"
            className="button"
            disabled={readOnly}
            onClick={() => add(done, 'deadline')}
            data-testid="rules.addDeadline"
          >
            {t('studio.structured.rules.addDeadline')}
          </button>
        </>
      )}
    >
      {(id) => {
        const rule = scenario.rules.find((r) => r.id === id);
        return rule === undefined ? null : <RuleForm key={id} rule={rule} />;
      }}
    </ItemList>
  );
}
