import type { RuleFlag } from '@parley/shared/engine/types.ts';
import type { CatalogueEntry, DelegationView } from '@parley/shared/engine/viewTypes.ts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendCommand } from '../../net/connection.ts';
import { type RefusalLike, useRefusalText } from '../shell/refusal.ts';
import { useText } from '../shell/useText.ts';
import { type ActionDraft, type DraftGap, draftCommand, draftGaps, EMPTY_DRAFT, setParam } from './actionDraft.ts';
import { ParamField } from './ParamField.tsx';
import { PreviewNotice } from './PreviewNotice.tsx';
import { RuleFlags } from './RuleFlags.tsx';
import { TargetPicker } from './TargetPicker.tsx';
import { usePreview } from './usePreview.ts';

type Outcome =
  | { readonly ok: true; readonly flags: readonly RuleFlag[] }
  | { readonly ok: false; readonly refusal: RefusalLike };

/** Fill in a catalogue action (targets, parameters), see what the rules say before sending, send it, see the outcome. */
export function ActionForm({ view, action }: { readonly view: DelegationView; readonly action: CatalogueEntry }) {
  const { t } = useTranslation();
  const text = useText();
  const describe = useRefusalText();
  const id = useId();
  const [draft, setDraft] = useState<ActionDraft>(EMPTY_DRAFT);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const gaps = draftGaps(action, draft);
  const command = gaps.length === 0 ? draftCommand(action, draft) : null;
  const revision = `${view.clock.status}:${view.actions.length}:${view.pings.length}:${view.messages.length}`;
  const preview = usePreview(sending ? null : command, revision);
  const refused = preview.status === 'ready' && !preview.answer.ok;
  const warned = preview.status === 'ready' && preview.answer.ok && preview.answer.flags.length > 0;

  const change = (next: ActionDraft) => {
    setDraft(next);
    setOutcome(null);
  };
  const gapText = (gap: DraftGap) => {
    if (gap.kind === 'targets') return t('actions.form.gapTargets');
    const param = action.params.find((p) => p.id === gap.param);
    const name = text(param?.label);
    return gap.kind === 'required'
      ? t('actions.form.gapRequired', { name })
      : t('actions.form.gapNumber', { name, min: gap.min ?? '−∞', max: gap.max ?? '∞' });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!command || sending || refused) return;
    setSending(true);
    const answer = await sendCommand(command);
    setSending(false);
    if (answer.ok) {
      setDraft(EMPTY_DRAFT);
      setOutcome({ ok: true, flags: answer.flags });
    } else setOutcome({ ok: false, refusal: answer });
  };

  const reason = !command ? gaps.map(gapText).join(' ') : refused ? t('actions.form.refused') : null;

  return (
    <form className="action-form" onSubmit={submit} data-testid="action.form" data-action={action.id}>
      <TargetPicker view={view} action={action} draft={draft} onChange={change} name={`${id}-targets`} />
      {action.params.map((p) => (
        <ParamField
          key={p.id}
          param={p}
          name={`${id}-${p.id}`}
          value={draft.params[p.id] ?? ''}
          onChange={(value) => change(setParam(draft, p.id, value))}
        />
      ))}
      {!outcome && <PreviewNotice view={view} preview={preview} complete={command !== null} />}
      {outcome?.ok === false && (
        <div className="notice notice--blocked" role="alert" data-testid="action.outcome" data-outcome="refused">
          <p className="notice__title">{t('actions.outcome.refused')}</p>
          <p>{describe(outcome.refusal)}</p>
        </div>
      )}
      {outcome?.ok === true && (
        <div
          className={outcome.flags.length > 0 ? 'notice notice--warn' : 'notice notice--ok'}
          role="status"
          data-testid="action.outcome"
          data-outcome={outcome.flags.length > 0 ? 'breach' : 'sent'}
        >
          <p className="notice__title">
            {outcome.flags.length > 0 ? t('actions.outcome.breach') : t('actions.outcome.sent')}
          </p>
          {outcome.flags.length > 0 && <RuleFlags view={view} flags={outcome.flags} />}
        </div>
      )}
      <div className="form__actions action-form__send">
        <button
          type="submit"
          className={warned ? 'button button--warn' : 'button button--primary'}
          disabled={!command || sending || refused}
          aria-describedby={reason ? `${id}-reason` : undefined}
          data-testid="action.send"
        >
          {sending
            ? t('actions.form.sending')
            : warned
              ? t('actions.form.sendAnyway')
              : action.command === 'act'
                ? t('actions.form.take')
                : t('actions.form.send')}
        </button>
        {reason && (
          <p id={`${id}-reason`} className="action-form__reason" data-testid="action.reason">
            {reason}
          </p>
        )}
      </div>
    </form>
  );
}
