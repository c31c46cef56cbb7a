import type { HeldPicture } from '@parley/shared/protocol/feed.ts';
import { useEffect, useState } from 'react';
import { type FeedStatus, openFeed } from '../../net/feed.ts';
import { type ClockAnchor, STOPPED } from '../../state/clock.ts';
import { feedAnchor } from './picture.ts';
import type { ProjectorAccess } from './projectorAccess.ts';

export type ProjectorFeed = {
  readonly status: FeedStatus;
  /** The server's words when it refused this access. */
  readonly problem: string | null;
  readonly picture: HeldPicture | null;
  readonly clock: ClockAnchor;
};

const INITIAL: ProjectorFeed = { status: 'connecting', problem: null, picture: null, clock: STOPPED };

/** The exercise's public picture from the live feed, kept up to date while the projector is open. */
export function useProjectorFeed(exerciseId: string, access: ProjectorAccess | null): ProjectorFeed {
  const [feed, setFeed] = useState<ProjectorFeed>(INITIAL);
  useEffect(() => {
    setFeed(INITIAL);
    if (!access) return;
    const handle = openFeed(exerciseId, access.token, {
      status: (status, problem) => setFeed((f) => ({ ...f, status, problem })),
      picture: (picture) =>
        setFeed((f) => ({
          ...f,
          picture,
          clock: feedAnchor(f.clock, picture.view.clock, picture.view.clock.status, Date.now()),
        })),
      metrics: (m) => {
        const clock = m.clock;
        if (clock && m.status)
          setFeed((f) => ({ ...f, clock: feedAnchor(f.clock, clock, m.status ?? '', Date.now()) }));
      },
    });
    return () => handle.close();
  }, [exerciseId, access]);
  return feed;
}
