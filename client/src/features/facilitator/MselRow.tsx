import type { MselEntry } from '@parley/shared/engine/viewTypes.ts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGameTime } from '../../state/clock.ts';
import { useText } from '../shell/useText.ts';
import { InjectEditForm } from './InjectEditForm.tsx';
import { MselDetails } from './MselDetails.tsx';
import { isOpen } from './msel.ts';
import { useCommand } from './useCommand.ts';

/**
 * One MSEL entry: due time, title, status; "Release now", "Skip" and "Edit" while it is open; opens to the MSEL
 * notes.
 */
export function MselRow({ entry }: { readonly entry: MselEntry }) {
  const { t, i18n } = useTranslation();
  const text = useText();
  const { busy, error, run } = useCommand();
  const [expanded, setExpanded] = useState(false);
  const [editing, setEditing] = useState(false);
  const detailsId = useId();
  const title = text(entry.title);
  const open = isOpen(entry);

  return (
    <li
      className="row msel-row"
      data-testid="msel.entry"
      data-inject={entry.id}
      data-status={entry.status}
      data-trigger={entry.trigger}
      data-to={entry.to === 'all' ? 'all' : entry.to.join(' ')}
    >
      <span className="row__time" dir="ltr">
        {entry.dueAt !== null
          ? formatGameTime(entry.dueAt, i18n.language)
          : t(`facilitator.entry.trigger.${entry.trigger}`)}
      </span>
      <span className="row__title">
        <button
          type="button"
          className="msel-row__toggle"
          aria-expanded={expanded}
          aria-controls={detailsId}
          data-testid="msel.toggle"
          onClick={() => setExpanded((x) => !x)}
        >
          <span className="msel-row__chevron" aria-hidden="true" />
          <span dir="auto">{title}</span>
        </button>
      </span>
      <span className={`badge badge--${entry.status}`} data-testid="msel.status">
        {t(`facilitator.inject.${entry.status}`)}
      </span>
      {open && (
        <span className="msel-row__actions">
          <button
            type="button"
            className="button button--small button--primary"
            disabled={busy !== null}
            aria-busy={busy === 'inject.release'}
            data-testid="msel.release"
            aria-label={t('facilitator.entry.releaseLabel', { title })}
            onClick={() => run({ type: 'inject.release', inject: entry.id })}
          >
            {t('facilitator.entry.release')}
          </button>
          <button
            type="button"
            className="button button--small"
            disabled={busy !== null}
            aria-busy={busy === 'inject.skip'}
            data-testid="msel.skip"
            aria-label={t('facilitator.entry.skipLabel', { title })}
            onClick={() => run({ type: 'inject.skip', inject: entry.id })}
          >
            {t('facilitator.entry.skip')}
          </button>
          <button
            type="button"
            className="button button--small"
            aria-expanded={editing}
            data-testid="msel.edit"
            aria-label={t('control.msel.editLabel', { title })}
            onClick={() => setEditing((x) => !x)}
          >
            {t('control.msel.edit')}
          </button>
        </span>
      )}
      {error && (
        <p className="form__error msel-row__error" role="alert" data-testid="msel.error">
          {error}
        </p>
      )}
      {expanded && <MselDetails entry={entry} id={detailsId} />}
      {editing && open && <InjectEditForm entry={entry} title={title} onClose={() => setEditing(false)} />}
    </li>
  );
}
