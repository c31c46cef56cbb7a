import type { DelegationView } from '@parley/shared/engine/viewTypes.ts';
import { useTranslation } from 'react-i18next';
import { useRefusalText } from '../shell/refusal.ts';
import { RuleFlags } from './RuleFlags.tsx';
import type { PreviewState } from './usePreview.ts';

/** What the server says the action would do now: nothing to report, a warning with its cost, or why it is blocked. */
export function PreviewNotice({
  view,
  preview,
  complete,
}: {
  readonly view: DelegationView;
  readonly preview: PreviewState;
  readonly complete: boolean;
}) {
  const { t } = useTranslation();
  const describe = useRefusalText();
  if (!complete || preview.status === 'idle') return null;
  if (preview.status === 'checking')
    return (
      <p className="notice notice--quiet" role="status" data-testid="action.preview" data-preview="checking">
        {t('actions.preview.checking')}
      </p>
    );
  if (preview.status === 'unavailable')
    return (
      <p className="notice notice--quiet" role="status" data-testid="action.preview" data-preview="unavailable">
        {t('actions.preview.unavailable')}
      </p>
    );
  const { answer } = preview;
  if (!answer.ok)
    return (
      <div className="notice notice--blocked" role="alert" data-testid="action.preview" data-preview="blocked">
        <p className="notice__title">{t('actions.preview.blocked')}</p>
        {answer.flags.length > 0 ? <RuleFlags view={view} flags={answer.flags} /> : <p>{describe(answer)}</p>}
      </div>
    );
  if (answer.flags.length === 0)
    return (
      <p className="notice notice--ok" role="status" data-testid="action.preview" data-preview="clear">
        {t('actions.preview.clear')}
      </p>
    );
  return (
    <div className="notice notice--warn" role="status" data-testid="action.preview" data-preview="warn">
      <p className="notice__title">{t('actions.preview.warn', { count: answer.flags.length })}</p>
      <RuleFlags view={view} flags={answer.flags} />
      <p className="notice__foot">{t('actions.preview.warnFoot')}</p>
    </div>
  );
}
