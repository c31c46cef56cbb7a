/** Delegations and their briefings: name, kind, seats, public and private briefing (with a preview), allowed actions. */
import type { Delegation } from '@parley/shared/scenario/schema.ts';
import { DELEGATION_KINDS } from '@parley/shared/scenario/vocabulary.ts';
import { insertItem } from '@parley/shared/studio/yamlEdit.ts';
import { useTranslation } from 'react-i18next';
import { useEditing } from './context.ts';
import { freshId, otherLanguages, textEdit, textIn, tidyMarkdown } from './edits.ts';
import { Checklist, IconButton, SelectField, TextArea, TextField } from './fields.tsx';
import { ItemList } from './ItemList.tsx';

function Seats({ delegation }: { readonly delegation: Delegation }) {
  const { t } = useTranslation();
  const { scenario, update } = useEditing();
  const lang = scenario.fallbackLanguage;
  const set = (seats: unknown) => update('delegations', delegation.id, [{ path: ['seats'], value: seats }]);
  return (
    <fieldset className="sx-field sx-seats">
      <legend className="sx-label">{t('studio.structured.delegations.seats')}</legend>
      <p className="sx-hint">{t('studio.structured.delegations.seatsHint')}</p>
      {delegation.seats.map((seat, i) => (
        <div key={seat.id} className="sx-seat">
          <TextField
            label={t('studio.structured.delegations.seatTitle', { n: i + 1 })}
            value={textIn(seat.title, lang, lang)}
            required
            onCommit={(v) => update('delegations', delegation.id, [textEdit(scenario, ['seats', i, 'title'], v)])}
            testid={`delegations.${delegation.id}.seat.${seat.id}`}
          />
          <IconButton
            glyph="✕"
            danger
            label={t('studio.structured.delegations.removeSeat', { n: i + 1 })}
            disabled={delegation.seats.length <= 1}
            onClick={() => set(delegation.seats.filter((_, j) => j !== i))}
          />
        </div>
      ))}
      <div>
        <button
          type="button"
          className="sx-link"
          disabled={delegation.seats.length >= 8}
          onClick={() =>
            set([
              ...delegation.seats,
              {
                id: freshId(
                  `seat-${delegation.seats.length + 1}`,
                  delegation.seats.map((s) => s.id),
                ),
                title: t('studio.structured.delegations.newSeat'),
              },
            ])
          }
          data-testid={`delegations.${delegation.id}.addSeat`}
        >
          {t('studio.structured.delegations.addSeat')}
        </button>
      </div>
    </fieldset>
  );
}

function DelegationForm({ delegation }: { readonly delegation: Delegation }) {
  const { t } = useTranslation();
  const { scenario, update } = useEditing();
  const lang = scenario.fallbackLanguage;
  const tid = `delegations.${delegation.id}`;
  const also = (text: Parameters<typeof otherLanguages>[0]) => {
    const others = otherLanguages(text, lang);
    return others.length === 0 ? undefined : t('studio.structured.alsoIn', { languages: others.join(', ') });
  };
  return (
    <div className="sx-form">
      <div className="sx-row">
        <TextField
          label={t('studio.structured.delegations.name')}
          value={textIn(delegation.name, lang, lang)}
          required
          hint={also(delegation.name)}
          onCommit={(v) => update('delegations', delegation.id, [textEdit(scenario, ['name'], v)])}
          testid={`${tid}.name`}
        />
        <SelectField
          label={t('studio.structured.delegations.kind')}
          value={delegation.kind}
          options={DELEGATION_KINDS.map((k) => ({ value: k, label: t(`studio.structured.delegations.kinds.${k}`) }))}
          onCommit={(k) => update('delegations', delegation.id, [{ path: ['kind'], value: k }])}
          testid={`${tid}.kind`}
        />
      </div>
      <Seats delegation={delegation} />
      <TextArea
        label={t('studio.structured.delegations.public')}
        hint={also(delegation.briefing.public) ?? t('studio.structured.delegations.publicHint')}
        markdown
        required
        rows={5}
        value={textIn(delegation.briefing.public, lang, lang)}
        onCommit={(v) =>
          update('delegations', delegation.id, [textEdit(scenario, ['briefing', 'public'], tidyMarkdown(v))])
        }
        testid={`${tid}.public`}
      />
      <TextArea
        label={t('studio.structured.delegations.private')}
        hint={also(delegation.briefing.private) ?? t('studio.structured.delegations.privateHint')}
        markdown
        required
        rows={7}
        value={textIn(delegation.briefing.private, lang, lang)}
        onCommit={(v) =>
          update('delegations', delegation.id, [textEdit(scenario, ['briefing', 'private'], tidyMarkdown(v))])
        }
        testid={`${tid}.private`}
      />
      <Checklist
        label={t('studio.structured.delegations.actions')}
        hint={t('studio.structured.delegations.actionsHint')}
        columns
        value={delegation.actions}
        options={scenario.actions.map((a) => ({ value: a.id, label: textIn(a.label, lang, lang) || a.id }))}
        onCommit={(actions) => update('delegations', delegation.id, [{ path: ['actions'], value: actions }])}
        testid={`${tid}.actions`}
      />
    </div>
  );
}

export function DelegationsEditor() {
  const { t } = useTranslation();
  const { scenario, change, readOnly } = useEditing();
  const lang = scenario.fallbackLanguage;
  const items = scenario.delegations.map((d) => ({
    id: d.id,
    label: textIn(d.name, lang, lang) || d.id,
    meta: t(`studio.structured.delegations.kinds.${d.kind}`),
  }));
  return (
    <ItemList
      section="delegations"
      title={t('studio.structured.delegations.title')}
      intro={t('studio.structured.delegations.intro')}
      items={items}
      addButtons={(done) => (
        <button
          type="button"
          className="button button--primary"
          disabled={readOnly || scenario.delegations.length >= 12}
          onClick={() => {
            const taken = [...scenario.delegations.map((d) => d.id), ...scenario.actors.map((a) => a.id)];
            const id = freshId(`delegation-${scenario.delegations.length + 1}`, taken);
            const value = {
              id,
              name: t('studio.structured.delegations.newName'),
              kind: 'state',
              seats: [{ id: 'mfa', title: t('studio.structured.delegations.newSeat') }],
              briefing: {
                public: t('studio.structured.delegations.newPublic'),
                private: t('studio.structured.delegations.newPrivate'),
              },
              actions: [],
            };
            done(
              change(
                'delegations',
                (s) => insertItem(s, 'delegations', scenario.delegations.length, value),
                t('studio.structured.added'),
              ),
              id,
            );
          }}
          data-testid="delegations.add"
        >
          {t('studio.structured.delegations.add')}
        </button>
      )}
    >
      {(id) => {
        const delegation = scenario.delegations.find((d) => d.id === id);
        return delegation === undefined ? null : <DelegationForm key={id} delegation={delegation} />;
      }}
    </ItemList>
  );
}
