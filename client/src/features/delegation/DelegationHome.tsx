import type { DelegationView } from '@parley/shared/engine/viewTypes.ts';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../state/store.ts';
import { ChannelsPanel, HotlinePanel, TeamNotesPanel } from '../comms/CommsPanels.tsx';
import { IncidentFeed } from '../feed/IncidentFeed.tsx';
import { readingKey } from '../feed/reading.ts';
import { usePageVisible, useReading } from '../feed/useReading.ts';
import { NegotiationWorkspace } from '../negotiation/NegotiationWorkspace.tsx';
import { ActionsPanel } from './ActionsPanel.tsx';
import { BriefingPanel } from './BriefingPanel.tsx';
import { ConsoleTabs, panelId, tabId } from './ConsoleTabs.tsx';
import { EndingNotice } from './EndingNotice.tsx';
import { SectionBoundary } from './SectionBoundary.tsx';
import { SituationPanel } from './SituationPanel.tsx';
import { channelMessages, pendingProposals, type Tab, teamNotesFromOthers } from './tabs.ts';
import { WorldIndicators } from './WorldIndicators.tsx';
import './delegation.css';

const asDelegation = (v: unknown) => v as DelegationView;

function TabPanel({
  tab,
  active,
  children,
}: {
  readonly tab: Tab;
  readonly active: Tab;
  readonly children: ReactNode;
}) {
  return (
    <div
      role="tabpanel"
      id={panelId(tab)}
      aria-labelledby={tabId(tab)}
      hidden={tab !== active}
      className="tabpanel"
      data-testid={`tabpanel.${tab}`}
    >
      {children}
    </div>
  );
}

/** Unseen ids among `items`, marked seen while `showing` (their section is in front of the reader). */
function useSection(key: string | null, items: readonly { readonly id: string }[], showing: boolean): number {
  const { seen, markSeen } = useReading(key);
  useEffect(() => {
    if (showing) markSeen(items.map((i) => i.id));
  }, [showing, items, markSeen]);
  return key ? items.filter((i) => !seen.has(i.id)).length : 0;
}

/**
 * The delegation's console, an operations room: at the side where it stands (situation, hotline, world indicators,
 * briefing); in the main area its sections (incident feed, actions, channels, negotiations, team notes) as tabs,
 * each saying what waits there. All sections stay mounted, so a half-filled form survives a look at the feed.
 */
export function DelegationHome() {
  const { t } = useTranslation();
  const view = useSession((s) => (s.view?.role === 'delegation' ? asDelegation(s.view) : null));
  const exerciseId = useSession((s) => s.welcome?.exerciseId ?? null);
  // The seats of a delegation share one synced view: the welcome says which seat this console sits in.
  const seat = useSession((s) => (s.welcome?.role.kind === 'delegation' ? s.welcome.role.seat : null));
  const [tab, setTab] = useState<Tab>('feed');
  const visible = usePageVisible();
  const me = view?.delegation ?? '';
  const key = (what: string) => (view && exerciseId ? readingKey(exerciseId, me, seat, what) : null);
  const feedKey = key('feed');
  const feedSeen = useReading(feedKey);
  const messages = view?.messages ?? [];
  const channels = useSection(key('channels'), channelMessages(messages, me), visible && tab === 'channels');
  const notes = useSection(key('notes'), teamNotesFromOthers(messages, me, seat), visible && tab === 'notes');
  if (!view) return null;

  const unreadFeed = feedKey ? view.injects.filter((i) => !feedSeen.seen.has(i.id)).length : 0;
  const pending = pendingProposals(view.proposals, me);
  const labels: Record<Tab, string> = {
    feed: t('feed.title'),
    actions: t('actions.tabs.actions'),
    channels: t('actions.tabs.channels'),
    negotiations: t('actions.tabs.negotiations'),
    notes: t('actions.tabs.notes'),
  };
  const fresh = (value: number) => ({ value, words: t('actions.tabs.new', { count: value }) });
  const counts = {
    feed: fresh(unreadFeed),
    actions: { value: 0, words: '' },
    channels: fresh(channels),
    negotiations: { value: pending, words: t('actions.tabs.pending', { count: pending }) },
    notes: fresh(notes),
  };

  return (
    <div className="layout layout--delegation delegation" data-testid="delegation.home">
      <div className="layout__side delegation__side">
        <div className="slot slot--situation">
          <SituationPanel view={view} />
        </div>
        <div className="slot slot--hotline">
          <SectionBoundary>
            <HotlinePanel view={view} />
          </SectionBoundary>
        </div>
        <div className="slot slot--indicators">
          <WorldIndicators view={view} />
        </div>
        <div className="slot slot--briefing">
          <BriefingPanel view={view} />
        </div>
      </div>
      <div className="layout__main delegation__main slot slot--main">
        <EndingNotice view={view} />
        <ConsoleTabs active={tab} onChange={setTab} labels={labels} counts={counts} />
        <TabPanel tab="feed" active={tab}>
          <IncidentFeed
            injects={view.injects}
            {...(feedKey ? { reading: { key: feedKey, active: tab === 'feed' } } : {})}
          />
        </TabPanel>
        <TabPanel tab="actions" active={tab}>
          <ActionsPanel view={view} />
        </TabPanel>
        <TabPanel tab="channels" active={tab}>
          <SectionBoundary>
            <ChannelsPanel view={view} />
          </SectionBoundary>
        </TabPanel>
        <TabPanel tab="negotiations" active={tab}>
          <SectionBoundary>
            <NegotiationWorkspace view={view} />
          </SectionBoundary>
        </TabPanel>
        <TabPanel tab="notes" active={tab}>
          <SectionBoundary>
            <TeamNotesPanel view={view} />
          </SectionBoundary>
        </TabPanel>
      </div>
    </div>
  );
}
