/**
 * The MSEL (master scenario events list) as a table: one row per inject, every field edited in place (text in the
 * scenario's fallback language, the other languages kept), rows added, copied, removed and moved; shown in file order
 * or by game minute. On a phone each row becomes a card.
 */

import type { Condition, Inject } from '@parley/shared/scenario/schema.ts';
import { CONFIDENCE_LEVELS, INJECT_CHANNELS } from '@parley/shared/scenario/vocabulary.ts';
import {
  duplicateItem,
  type FieldEdit,
  flowText,
  insertItem,
  moveItem,
  readFlowText,
  removeItem,
} from '@parley/shared/studio/yamlEdit.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditing } from './context.ts';
import {
  byTime,
  flatPhases,
  freshId,
  otherLanguages,
  TRIGGER_KINDS,
  type TriggerKind,
  textEdit,
  textIn,
  tidyMarkdown,
  triggerEdits,
  triggerOf,
} from './edits.ts';
import {
  Checklist,
  Errors,
  IconButton,
  NumberField,
  type Option,
  SelectField,
  TextArea,
  TextField,
} from './fields.tsx';

function useScenarioText() {
  const { scenario } = useEditing();
  const lang = scenario.fallbackLanguage;
  return (text: Parameters<typeof textIn>[0]) =>
    textIn(text, lang, lang) || (typeof text === 'object' ? (Object.values(text)[0] ?? '') : '');
}

function AlsoIn({ text }: { readonly text: Parameters<typeof otherLanguages>[0] }) {
  const { t } = useTranslation();
  const { scenario } = useEditing();
  const others = otherLanguages(text, scenario.fallbackLanguage);
  if (others.length === 0) return null;
  return <>{t('studio.structured.alsoIn', { languages: others.join(', ') })}</>;
}

function Trigger({ inject }: { readonly inject: Inject }) {
  const { t } = useTranslation();
  const { scenario, update } = useEditing();
  const text = useScenarioText();
  const kind = triggerOf(inject);
  const set = (edits: FieldEdit[]) => update('injects', inject.id, edits);
  const phases: Option[] = flatPhases(scenario.phases).map(({ phase, depth }) => ({
    value: phase.id,
    label: `${'· '.repeat(depth)}${text(phase.title)}`,
  }));
  const firstPhase = scenario.phases[0]?.id ?? '';
  const defaults: Record<TriggerKind, number | string | Condition | true> = {
    at: 0,
    onEnter: firstPhase,
    when: { elapsed: { gte: 10 } },
    manual: true,
  };
  const tid = `msel.${inject.id}`;
  return (
    <div className="sx-stack">
      <SelectField
        label={t('studio.structured.msel.trigger')}
        value={kind}
        options={TRIGGER_KINDS.map((k) => ({ value: k, label: t(`studio.structured.msel.triggers.${k}`) }))}
        onCommit={(k) => set(triggerEdits(k as TriggerKind, defaults[k as TriggerKind]))}
        testid={`${tid}.trigger`}
      />
      {kind === 'at' && (
        <NumberField
          label={t('studio.structured.msel.minute')}
          value={inject.at}
          min={0}
          max={1440}
          onCommit={(n) => set([{ path: ['at'], value: n }])}
          testid={`${tid}.at`}
        />
      )}
      {kind === 'onEnter' && (
        <SelectField
          label={t('studio.structured.msel.entered')}
          value={inject.onEnter ?? ''}
          options={phases}
          onCommit={(p) => set([{ path: ['onEnter'], value: p }])}
          testid={`${tid}.onEnter`}
        />
      )}
      {kind === 'when' && (
        <TextField
          label={t('studio.structured.msel.condition')}
          hint={t('studio.structured.conditionHint')}
          mono
          dir="ltr"
          value={inject.when === undefined ? '' : flowText(inject.when)}
          onCommit={(v) => {
            const read = readFlowText(v);
            return read.ok ? set([{ path: ['when'], value: read.value }]) : [t('studio.structured.badCondition')];
          }}
          testid={`${tid}.when`}
        />
      )}
      {(kind === 'onEnter' || kind === 'when') && (
        <NumberField
          label={t('studio.structured.msel.delay')}
          value={inject.delay === 0 ? undefined : inject.delay}
          optional
          min={0}
          max={1440}
          onCommit={(n) => set([{ path: ['delay'], value: n === 0 ? undefined : n }])}
          testid={`${tid}.delay`}
        />
      )}
      {kind === 'manual' && <p className="sx-hint">{t('studio.structured.msel.manualHint')}</p>}
      <SelectField
        label={t('studio.structured.msel.phase')}
        value={inject.phase ?? ''}
        options={[{ value: '', label: t('studio.structured.msel.anyPhase') }, ...phases]}
        onCommit={(p) => set([{ path: ['phase'], value: p === '' ? undefined : p }])}
        testid={`${tid}.phase`}
      />
    </div>
  );
}

function Audience({ inject }: { readonly inject: Inject }) {
  const { t } = useTranslation();
  const { scenario, update } = useEditing();
  const text = useScenarioText();
  const set = (edits: FieldEdit[]) => update('injects', inject.id, edits);
  const parties: Option[] = [
    ...scenario.delegations.map((d) => ({ value: d.id, label: text(d.name) })),
    ...scenario.actors.map((a) => ({ value: a.id, label: text(a.name) })),
  ];
  const tid = `msel.${inject.id}`;
  return (
    <div className="sx-stack">
      <SelectField
        label={t('studio.structured.msel.audience')}
        value={inject.to === 'all' ? 'all' : 'some'}
        options={[
          { value: 'all', label: t('studio.structured.msel.everyone') },
          { value: 'some', label: t('studio.structured.msel.chosen') },
        ]}
        onCommit={(v) =>
          set([{ path: ['to'], value: v === 'all' ? 'all' : scenario.delegations.slice(0, 1).map((d) => d.id) }])
        }
        testid={`${tid}.audience`}
      />
      {inject.to !== 'all' && (
        <Checklist
          label={t('studio.structured.msel.recipients')}
          value={inject.to}
          options={scenario.delegations.map((d) => ({ value: d.id, label: text(d.name) }))}
          onCommit={(to) => set([{ path: ['to'], value: to }])}
          testid={`${tid}.to`}
        />
      )}
      <SelectField
        label={t('studio.structured.msel.channel')}
        value={inject.channel}
        options={INJECT_CHANNELS.map((c) => ({ value: c, label: t(`feed.channel.${c}`) }))}
        onCommit={(c) =>
          set([
            { path: ['channel'], value: c },
            ...(c === 'intel' && inject.confidence === undefined ? [{ path: ['confidence'], value: 'medium' }] : []),
          ])
        }
        testid={`${tid}.channel`}
      />
      <SelectField
        label={t('studio.structured.msel.from')}
        value={inject.from ?? ''}
        options={[{ value: '', label: t('studio.structured.msel.control') }, ...parties]}
        onCommit={(f) => set([{ path: ['from'], value: f === '' ? undefined : f }])}
        testid={`${tid}.from`}
      />
      <SelectField
        label={t('studio.structured.msel.confidence')}
        value={inject.confidence ?? ''}
        options={[
          { value: '', label: t('studio.structured.none') },
          ...CONFIDENCE_LEVELS.map((c) => ({ value: c, label: t(`feed.level.${c}`) })),
        ]}
        onCommit={(c) => set([{ path: ['confidence'], value: c === '' ? undefined : c }])}
        testid={`${tid}.confidence`}
      />
    </div>
  );
}

function Row({
  inject,
  index,
  position,
  count,
  sorted,
  onProblems,
}: {
  readonly inject: Inject;
  readonly index: number;
  readonly position: number;
  readonly count: number;
  readonly sorted: boolean;
  readonly onProblems: (p: readonly string[]) => void;
}) {
  const { t } = useTranslation();
  const { scenario, update, change } = useEditing();
  const text = useScenarioText();
  const set = (edits: FieldEdit[]) => update('injects', inject.id, edits);
  const title = text(inject.title);
  const tid = `msel.${inject.id}`;
  const ids = scenario.injects.map((i) => i.id);
  return (
    <tr className="msel__row" data-testid={`msel.row.${inject.id}`} aria-label={title}>
      <td className="msel__order">
        <span className="msel__number">{position + 1}</span>
        <code className="msel__id">{inject.id}</code>
      </td>
      <td className="msel__cell" data-label={t('studio.structured.msel.when')}>
        <Trigger inject={inject} />
      </td>
      <td className="msel__cell" data-label={t('studio.structured.msel.to')}>
        <Audience inject={inject} />
      </td>
      <td className="msel__cell msel__cell--wide" data-label={t('studio.structured.msel.inject')}>
        <div className="sx-stack">
          <TextField
            label={t('studio.structured.msel.title')}
            value={textIn(inject.title, scenario.fallbackLanguage, scenario.fallbackLanguage)}
            required
            hint={<AlsoIn text={inject.title} />}
            onCommit={(v) => set([textEdit(scenario, ['title'], v)])}
            testid={`${tid}.title`}
          />
          <TextArea
            label={t('studio.structured.msel.body')}
            markdown
            required
            rows={4}
            value={textIn(inject.body, scenario.fallbackLanguage, scenario.fallbackLanguage)}
            hint={<AlsoIn text={inject.body} />}
            onCommit={(v) => set([textEdit(scenario, ['body'], tidyMarkdown(v))])}
            testid={`${tid}.body`}
          />
        </div>
      </td>
      <td className="msel__cell msel__cell--wide" data-label={t('studio.structured.msel.expected')}>
        <div className="sx-stack">
          <TextArea
            label={t('studio.structured.msel.expects')}
            rows={2}
            value={textIn(inject.expects?.text, scenario.fallbackLanguage, scenario.fallbackLanguage)}
            hint={<AlsoIn text={inject.expects?.text} />}
            onCommit={(v) => {
              const tidy = tidyMarkdown(v);
              if (inject.expects === undefined || tidy === '') {
                return set([{ path: ['expects'], value: tidy === '' ? undefined : { text: tidy } }]);
              }
              return set([textEdit(scenario, ['expects', 'text'], tidy)]);
            }}
            testid={`${tid}.expects`}
          />
          <SelectField
            label={t('studio.structured.msel.objective')}
            value={inject.objective ?? ''}
            options={[
              { value: '', label: t('studio.structured.none') },
              ...scenario.objectives.map((o) => ({ value: o.id, label: text(o.title) })),
            ]}
            onCommit={(o) => set([{ path: ['objective'], value: o === '' ? undefined : o }])}
            testid={`${tid}.objective`}
          />
          <TextArea
            label={t('studio.structured.msel.notes')}
            rows={2}
            value={textIn(inject.notes, scenario.fallbackLanguage, scenario.fallbackLanguage)}
            hint={<AlsoIn text={inject.notes} />}
            onCommit={(v) => set([textEdit(scenario, ['notes'], tidyMarkdown(v))])}
            testid={`${tid}.notes`}
          />
        </div>
      </td>
      <td className="msel__tools">
        <div className="sx-tools">
          <IconButton
            glyph="↑"
            label={t('studio.structured.moveUp', { name: title })}
            disabled={sorted || index === 0}
            onClick={() =>
              onProblems(
                change('injects', (s) => moveItem(s, 'injects', inject.id, index - 1), t('studio.structured.moved')),
              )
            }
            testid={`${tid}.up`}
          />
          <IconButton
            glyph="↓"
            label={t('studio.structured.moveDown', { name: title })}
            disabled={sorted || index === count - 1}
            onClick={() =>
              onProblems(
                change('injects', (s) => moveItem(s, 'injects', inject.id, index + 1), t('studio.structured.moved')),
              )
            }
            testid={`${tid}.down`}
          />
          <IconButton
            glyph="copy"
            label={t('studio.structured.duplicate', { name: title })}
            onClick={() =>
              onProblems(
                change(
                  'injects',
                  (s) => duplicateItem(s, 'injects', inject.id, freshId(`${inject.id}-2`, ids)),
                  t('studio.structured.copied'),
                ),
              )
            }
            testid={`${tid}.duplicate`}
          />
          <IconButton
            glyph="✕"
            danger
            label={t('studio.structured.remove', { name: title })}
            onClick={() =>
              onProblems(change('injects', (s) => removeItem(s, 'injects', inject.id), t('studio.structured.removed')))
            }
            testid={`${tid}.remove`}
          />
        </div>
      </td>
    </tr>
  );
}

export function MselTable() {
  const { t } = useTranslation();
  const { scenario, change } = useEditing();
  const [sorted, setSorted] = useState(false);
  const [problems, setProblems] = useState<readonly string[]>([]);
  const injects = scenario.injects;
  const rows = sorted ? byTime(injects) : injects;
  const add = () => {
    const id = freshId(
      `inject-${injects.length + 1}`,
      injects.map((i) => i.id),
    );
    const minutes = injects.map((i) => i.at ?? 0);
    const value = {
      id,
      title: t('studio.structured.msel.newTitle'),
      at: minutes.length === 0 ? 0 : Math.max(...minutes),
      to: 'all',
      channel: 'news',
      body: t('studio.structured.msel.newBody'),
    };
    setProblems(
      change('injects', (s) => insertItem(s, 'injects', injects.length, value), t('studio.structured.added')),
    );
  };
  return (
    <section className="sx-section" aria-labelledby="msel-title" data-testid="studio.msel">
      <div className="sx-toolbar">
        <div>
          <h2 id="msel-title" className="sx-title">
            {t('studio.structured.msel.heading')}
          </h2>
          <p className="sx-hint">{t('studio.structured.msel.count', { count: injects.length })}</p>
        </div>
        <div className="sx-toolbar__actions">
          <button
            type="button"
            className="button"
            aria-pressed={sorted}
            onClick={() => setSorted(!sorted)}
            data-testid="msel.sort"
          >
            {sorted ? t('studio.structured.msel.fileOrder') : t('studio.structured.msel.byTime')}
          </button>
          <button type="button" className="button button--primary" onClick={add} data-testid="msel.add">
            {t('studio.structured.msel.add')}
          </button>
        </div>
      </div>
      <Errors id="msel-problems" errors={problems} />
      {injects.length === 0 ? (
        <p className="empty">{t('studio.structured.msel.empty')}</p>
      ) : (
        <div className="msel__scroll">
          <table className="msel">
            <caption className="visually-hidden">{t('studio.structured.msel.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('studio.structured.msel.number')}</span>#
                </th>
                <th scope="col" aria-sort={sorted ? 'ascending' : 'none'}>
                  {t('studio.structured.msel.when')}
                </th>
                <th scope="col">{t('studio.structured.msel.to')}</th>
                <th scope="col">{t('studio.structured.msel.inject')}</th>
                <th scope="col">{t('studio.structured.msel.expected')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('studio.structured.tools')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((inject, position) => (
                <Row
                  key={inject.id}
                  inject={inject}
                  index={injects.indexOf(inject)}
                  position={position}
                  count={injects.length}
                  sorted={sorted}
                  onProblems={setProblems}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
