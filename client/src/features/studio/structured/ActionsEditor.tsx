/** The action catalogue: label, description, act or signal, channel, visibility, targets, rung, effects, tags. */
import type { Action } from '@parley/shared/scenario/schema.ts';
import { ACTION_CHANNELS, ACTOR_KINDS, ESCALATION_LADDER, VISIBILITIES } from '@parley/shared/scenario/vocabulary.ts';
import { type FieldEdit, insertItem } from '@parley/shared/studio/yamlEdit.ts';
import { useTranslation } from 'react-i18next';
import { useEditing } from './context.ts';
import { EffectsField } from './EffectsField.tsx';
import { freshId, textEdit, textIn, tidyMarkdown } from './edits.ts';
import { Checklist, NumberField, SelectField, TextArea, TextField } from './fields.tsx';
import { ItemList } from './ItemList.tsx';
import { TagFields } from './TagFields.tsx';

function ActionForm({ action }: { readonly action: Action }) {
  const { t } = useTranslation();
  const { scenario, update } = useEditing();
  const lang = scenario.fallbackLanguage;
  const set = (edits: FieldEdit[]) => update('actions', action.id, edits);
  const tid = `actions.${action.id}`;
  const targets = (min: number, max: number, kinds = action.targets.kinds) =>
    set([
      {
        path: ['targets'],
        value: min === 0 && max === 0 && kinds === undefined ? undefined : { min, max, ...(kinds ? { kinds } : {}) },
      },
    ]);
  return (
    <div className="sx-form">
      <div className="sx-row">
        <TextField
          label={t('studio.structured.actions.label')}
          value={textIn(action.label, lang, lang)}
          required
          onCommit={(v) => set([textEdit(scenario, ['label'], v)])}
          testid={`${tid}.label`}
        />
        <SelectField
          label={t('studio.structured.actions.command')}
          value={action.command}
          options={[
            { value: 'act', label: t('studio.structured.actions.act') },
            { value: 'signal', label: t('studio.structured.actions.signal') },
          ]}
          onCommit={(c) => set([{ path: ['command'], value: c }])}
          testid={`${tid}.command`}
        />
      </div>
      <TextArea
        label={t('studio.structured.actions.description')}
        rows={2}
        value={textIn(action.description, lang, lang)}
        onCommit={(v) => set([textEdit(scenario, ['description'], tidyMarkdown(v))])}
        testid={`${tid}.description`}
      />
      <div className="sx-row sx-row--3">
        <SelectField
          label={t('studio.structured.actions.channel')}
          value={action.channel}
          options={ACTION_CHANNELS.map((c) => ({ value: c, label: t(`studio.structured.actions.channels.${c}`) }))}
          onCommit={(c) => set([{ path: ['channel'], value: c }])}
          testid={`${tid}.channel`}
        />
        <SelectField
          label={t('studio.structured.actions.visibility')}
          value={action.visibility}
          options={VISIBILITIES.map((v) => ({ value: v, label: t(`studio.structured.actions.visibilities.${v}`) }))}
          onCommit={(v) => {
            const edits: FieldEdit[] = [{ path: ['visibility'], value: v }];
            if (v === 'bilateral' && action.targets.max !== 1) {
              edits.push({ path: ['targets'], value: { min: Math.min(action.targets.min, 1), max: 1 } });
            }
            return set(edits);
          }}
          testid={`${tid}.visibility`}
        />
        <SelectField
          label={t('studio.structured.actions.rung')}
          value={String(action.rung)}
          options={ESCALATION_LADDER.map((r, i) => ({ value: String(i), label: `${i} · ${t(`actions.rung.${r}`)}` }))}
          onCommit={(r) => set([{ path: ['rung'], value: Number(r) }])}
          testid={`${tid}.rung`}
        />
      </div>
      <div className="sx-row sx-row--3">
        <NumberField
          label={t('studio.structured.actions.minTargets')}
          value={action.targets.min}
          integer
          min={0}
          max={12}
          onCommit={(n) => targets(n ?? 0, Math.max(n ?? 0, action.targets.max))}
          testid={`${tid}.min`}
        />
        <NumberField
          label={t('studio.structured.actions.maxTargets')}
          value={action.targets.max}
          integer
          min={0}
          max={12}
          onCommit={(n) => targets(Math.min(action.targets.min, n ?? 0), n ?? 0)}
          testid={`${tid}.max`}
        />
        <SelectField
          label={t('studio.structured.actions.deniable')}
          value={action.deniable ? 'yes' : 'no'}
          options={[
            { value: 'no', label: t('studio.structured.no') },
            { value: 'yes', label: t('studio.structured.yes') },
          ]}
          onCommit={(d) => set([{ path: ['deniable'], value: d === 'yes' ? true : undefined }])}
          testid={`${tid}.deniable`}
        />
      </div>
      {action.targets.max > 0 && (
        <Checklist
          label={t('studio.structured.actions.kinds')}
          hint={t('studio.structured.actions.kindsHint')}
          columns
          value={action.targets.kinds ?? []}
          options={ACTOR_KINDS.map((k) => ({ value: k, label: t(`studio.structured.delegations.kinds.${k}`) }))}
          onCommit={(kinds) =>
            targets(
              action.targets.min,
              action.targets.max,
              kinds.length === 0 ? undefined : (kinds as Action['targets']['kinds']),
            )
          }
          testid={`${tid}.kinds`}
        />
      )}
      {action.params.length > 0 && (
        <p className="sx-hint">
          {t('studio.structured.actions.params', { list: action.params.map((p) => p.id).join(', ') })}
        </p>
      )}
      <EffectsField
        label={t('studio.structured.actions.effects')}
        value={action.effects}
        bindings={['$actor', '$target']}
        onCommit={(effects) => set([{ path: ['effects'], value: effects.length === 0 ? undefined : effects }])}
        testid={`${tid}.effects`}
      />
      <TagFields norms={action.norms} cbms={action.cbms} set={set} testid={tid} />
    </div>
  );
}

export function ActionsEditor() {
  const { t } = useTranslation();
  const { scenario, change, readOnly } = useEditing();
  const lang = scenario.fallbackLanguage;
  const items = scenario.actions.map((a) => ({
    id: a.id,
    label: textIn(a.label, lang, lang) || a.id,
    meta: `${a.id} · ${t('studio.structured.actions.rungShort', { n: a.rung })}`,
  }));
  return (
    <ItemList
      section="actions"
      title={t('studio.structured.actions.title')}
      intro={t('studio.structured.actions.intro')}
      items={items}
      addButtons={(done) => (
        <button
          type="button"
          className="button button--primary"
          disabled={readOnly}
          onClick={() => {
            const id = freshId(
              `action-${scenario.actions.length + 1}`,
              scenario.actions.map((a) => a.id),
            );
            const value = {
              id,
              label: t('studio.structured.actions.newLabel'),
              command: 'signal',
              channel: 'diplomatic',
              visibility: 'private',
              rung: 0,
            };
            done(
              change(
                'actions',
                (s) => insertItem(s, 'actions', scenario.actions.length, value),
                t('studio.structured.added'),
              ),
              id,
            );
          }}
          data-testid="actions.add"
        >
          {t('studio.structured.actions.add')}
        </button>
      )}
    >
      {(id) => {
        const action = scenario.actions.find((a) => a.id === id);
        return action === undefined ? null : <ActionForm key={id} action={action} />;
      }}
    </ItemList>
  );
}
