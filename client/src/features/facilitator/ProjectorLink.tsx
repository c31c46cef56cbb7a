import { useTranslation } from 'react-i18next';
import { pathOf } from '../../app/routes.ts';
import { useSession } from '../../state/store.ts';
import { facilitatorToken } from './seatsApi.ts';

/**
 * The room's projector (the public picture) in a new tab. A new tab does not share this tab's seat record, so the
 * facilitator token travels in the link's fragment (never sent to the server; the projector takes it out of the
 * address bar once kept).
 */
export function projectorHref(exerciseId: string, token: string | null): string {
  const path = pathOf({ name: 'projector', exerciseId });
  return token ? `${path}#token=${encodeURIComponent(token)}` : path;
}

export function ProjectorLink() {
  const { t } = useTranslation();
  const exerciseId = useSession((s) => s.welcome?.exerciseId ?? '');
  if (!exerciseId) return null;
  return (
    <a
      className="control-projector"
      href={projectorHref(exerciseId, facilitatorToken(exerciseId))}
      target="_blank"
      rel="noopener noreferrer"
      title={t('control.tabs.projectorHint')}
      data-testid="control.projectorLink"
    >
      <span className="control-projector__icon" aria-hidden="true" />
      <span className="control-projector__label">{t('control.tabs.projector')}</span>
      <span className="visually-hidden"> {t('control.tabs.newTab')}</span>
    </a>
  );
}
