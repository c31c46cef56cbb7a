/**
 * The console's store: the latest view the server synced for this seat (rebuilt after every patch by the shared
 * assembler, so parts that did not change keep their identity and components selecting them do not re-render), the
 * public fields every client receives (status, phase, clock anchor), the connection status, and local UI state.
 * The view is replaced, never edited.
 */
import type { View } from '@parley/shared/engine/viewTypes.ts';
import type { PresenceMessage, Welcome } from '@parley/shared/protocol/room.ts';
import type { LocalizedText } from '@parley/shared/scenario/schema.ts';
import { createViewAssembler, type DocLike } from '@parley/shared/sync/assemble.ts';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { type ClockAnchor, STOPPED } from './clock.ts';

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

/** What the room state holds, as decoded by the Colyseus SDK (only the fields read here). */
export type RoomSnapshot = {
  readonly status: string;
  readonly phase: string;
  readonly phaseTitle: string;
  readonly clock: ClockAnchor;
  readonly docs: { get(key: string): unknown };
};

export type PublicInfo = {
  readonly status: string;
  readonly phases: readonly string[];
  readonly phaseTitle: LocalizedText | null;
};

export type SessionState = {
  readonly connection: ConnectionStatus;
  /** Why the console cannot connect (a message from the server a person can read), or null. */
  readonly problem: string | null;
  readonly welcome: Welcome | null;
  readonly view: View | null;
  readonly info: PublicInfo;
  readonly clock: ClockAnchor;
  /** Facilitator only: who is connected to which seat, which delegations bots play (null until the server says). */
  readonly presence: PresenceMessage | null;
  /** Local UI state. */
  readonly ui: { readonly feedChannel: string };
};

export type SessionActions = {
  setConnection(status: ConnectionStatus, problem?: string | null): void;
  welcomed(welcome: Welcome): void;
  /** A patch arrived: rebuild the view from this seat's doc and take the public fields. */
  synced(room: RoomSnapshot): void;
  setFeedChannel(channel: string): void;
  presenceChanged(presence: PresenceMessage): void;
  reset(): void;
};

export type SessionStore = StoreApi<SessionState & SessionActions>;

const initial: SessionState = {
  connection: 'connecting',
  problem: null,
  welcome: null,
  view: null,
  info: { status: 'setup', phases: [], phaseTitle: null },
  clock: STOPPED,
  presence: null,
  ui: { feedChannel: 'all' },
};

function parseTitle(json: string): LocalizedText | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as LocalizedText;
  } catch {
    return null;
  }
}

const sameClock = (a: ClockAnchor, b: ClockAnchor) =>
  a.gameMs === b.gameMs && a.wallMs === b.wallMs && a.speed === b.speed && a.running === b.running;

export function createSessionStore(): SessionStore {
  let assemble = createViewAssembler();
  return createStore<SessionState & SessionActions>()((set, get) => ({
    ...initial,
    setConnection: (connection, problem = null) => set({ connection, problem }),
    welcomed: (welcome) => {
      const previous = get().welcome;
      if (previous?.doc !== welcome.doc) assemble = createViewAssembler();
      set({ welcome });
    },
    synced: (room) => {
      const { welcome, info, clock } = get();
      const doc = welcome ? room.docs.get(welcome.doc) : undefined;
      const view = doc === undefined ? get().view : assemble(doc as DocLike);
      const phases = room.phase ? room.phase.split(',') : [];
      const nextInfo =
        info.status === room.status &&
        info.phases.join(',') === room.phase &&
        JSON.stringify(info.phaseTitle) === (room.phaseTitle || 'null')
          ? info
          : { status: room.status, phases, phaseTitle: parseTitle(room.phaseTitle) };
      const anchor = {
        gameMs: room.clock.gameMs,
        wallMs: room.clock.wallMs,
        speed: room.clock.speed,
        running: room.clock.running,
      };
      set({ view, info: nextInfo, clock: sameClock(clock, anchor) ? clock : anchor });
    },
    presenceChanged: (presence) => set({ presence }),
    setFeedChannel: (feedChannel) => set({ ui: { ...get().ui, feedChannel } }),
    reset: () => {
      assemble = createViewAssembler();
      set(initial);
    },
  }));
}

/** The console's store (one per page). */
export const session = createSessionStore();

export function useSession<T>(select: (state: SessionState & SessionActions) => T): T {
  return useStore(session, select);
}
