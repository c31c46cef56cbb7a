import { C, session as engineSession, ok, R } from '@parley/shared/engine/testKit.ts';
import type { DelegationView } from '@parley/shared/engine/viewTypes.ts';
import { docView, flattenView } from '@parley/shared/sync/flatten.ts';
import { describe, expect, it } from 'vitest';
import { createSessionStore, type RoomSnapshot } from './store.ts';

/** The room state as the SDK decodes it: Maps of sections and of `{ items }` lists. */
function roomOf(view: Parameters<typeof flattenView>[0], extra: Partial<RoomSnapshot> = {}): RoomSnapshot {
  const doc = flattenView(docView(view));
  const decoded = {
    sections: new Map(Object.entries(doc.sections)),
    lists: new Map(Object.entries(doc.lists).map(([k, items]) => [k, { items: [...items] }] as const)),
  };
  return {
    status: 'running',
    phase: 'detection',
    phaseTitle: '{"en":"Detection"}',
    clock: { gameMs: 1000, wallMs: 5000, speed: 1, running: true },
    docs: new Map([['delegation:norland', decoded]]),
    ...extra,
  };
}

const WELCOME = { exerciseId: 'x1', role: R.norland, doc: 'delegation:norland' } as const;

describe('session store', () => {
  it('holds the view of its own doc, rebuilt after each patch', () => {
    const s = engineSession();
    const store = createSessionStore();
    store.getState().welcomed(WELCOME);
    store.getState().synced(roomOf(s.view(R.norland)));
    const view = store.getState().view as DelegationView;
    expect(view.role).toBe('delegation');
    expect(view.delegation).toBe('norland');
    expect(store.getState().info).toEqual({
      status: 'running',
      phases: ['detection'],
      phaseTitle: { en: 'Detection' },
    });
    expect(store.getState().clock).toEqual({ gameMs: 1000, wallMs: 5000, speed: 1, running: true });
  });

  it('replaces the view on a patch but keeps the parts that did not change', () => {
    const s = engineSession();
    const store = createSessionStore();
    store.getState().welcomed(WELCOME);
    store.getState().synced(roomOf(s.view(R.norland)));
    const before = store.getState().view as DelegationView;
    const infoBefore = store.getState().info;
    ok(s.submit(R.norland, C.say({ kind: 'public' }, 'HELLO')));
    store.getState().synced(roomOf(s.view(R.norland)));
    const after = store.getState().view as DelegationView;
    expect(after).not.toBe(before);
    expect(after.messages.length).toBe(before.messages.length + 1);
    expect(after.briefing).toBe(before.briefing);
    expect(after.scenario).toBe(before.scenario);
    expect(store.getState().info).toBe(infoBefore);
  });

  it('tracks the connection and forgets everything on reset', () => {
    const store = createSessionStore();
    store.getState().setConnection('offline', 'Your join code was withdrawn by the facilitator.');
    expect(store.getState()).toMatchObject({
      connection: 'offline',
      problem: 'Your join code was withdrawn by the facilitator.',
    });
    store.getState().setFeedChannel('news');
    store.getState().reset();
    expect(store.getState()).toMatchObject({
      connection: 'connecting',
      problem: null,
      view: null,
      ui: { feedChannel: 'all' },
    });
  });
});
