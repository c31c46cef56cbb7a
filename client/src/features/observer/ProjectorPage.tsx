import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadSeat } from '../../net/seats.ts';
import { Loading } from '../../ui/Loading.tsx';
import { ProjectorAccessForm } from './ProjectorAccessForm.tsx';
import { ProjectorScreen } from './ProjectorScreen.tsx';
import {
  accessFromFragment,
  accessFromSeat,
  forgetAccess,
  keepAccess,
  type ProjectorAccess,
  storedAccess,
} from './projectorAccess.ts';
import { useProjectorFeed } from './useProjectorFeed.ts';
import './observer.css';
import './projector.css';

/** The link's fragment (kept for this tab, then taken out of the address bar), else what this tab kept, else its seat. */
function initialAccess(exerciseId: string): ProjectorAccess | null {
  const fromLink = accessFromFragment(location.hash);
  if (fromLink) {
    keepAccess(exerciseId, fromLink);
    history.replaceState(history.state, '', location.pathname + location.search);
    return fromLink;
  }
  return storedAccess(exerciseId) ?? accessFromSeat(loadSeat(exerciseId));
}

/** `/x/:exerciseId/projector`: the public picture for the room's screen, live from the feed. */
export function ProjectorPage({ exerciseId }: { readonly exerciseId: string }) {
  const { t } = useTranslation();
  const [access, setAccess] = useState(() => initialAccess(exerciseId));
  const feed = useProjectorFeed(exerciseId, access);
  const retry = useCallback(
    (next: ProjectorAccess) => {
      keepAccess(exerciseId, next);
      setAccess(next);
    },
    [exerciseId],
  );

  // A refused code or token is not kept: the next visit asks again.
  useEffect(() => {
    if (feed.status === 'refused') forgetAccess(exerciseId);
  }, [feed.status, exerciseId]);

  if (!access) return <ProjectorAccessForm refused={null} onAccess={retry} />;
  if (feed.status === 'refused') return <ProjectorAccessForm refused={feed.problem ?? ''} onAccess={retry} />;
  if (!feed.picture)
    return (
      <main id="main" data-testid="projector.page" data-exercise={exerciseId}>
        <Loading text={t('projector.connecting')} />
      </main>
    );
  return <ProjectorScreen exerciseId={exerciseId} access={access} feed={feed} picture={feed.picture} />;
}
