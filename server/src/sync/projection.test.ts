/** ProjectionSync as the host drives it: docs opened and closed with their readers, clients moved between roles. */
import { C, compiled, ok, R, session } from '@parley/shared/engine/testKit.ts';
import { MARKERS } from '@parley/shared/engine/testScenario.ts';
import { docView } from '@parley/shared/sync/flatten.ts';
import { describe, expect, it } from 'vitest';
import { grantDoc, revokeDoc } from './grant.ts';
import { ProjectionSync } from './projection.ts';
import { createRoomState } from './schema.ts';
import { clientView, decodedState, received, Wire } from './testWire.ts';

function setup() {
  const s = session();
  const state = createRoomState({ exerciseId: 'ex-9', scenarioId: compiled.scenario.id });
  const sync = new ProjectionSync(state);
  const wire = new Wire(state);
  const project = (role: Parameters<typeof s.view>[0]) => s.view(role);
  return { s, state, sync, wire, project };
}

describe('ProjectionSync', () => {
  it('keeps one doc per role key while someone reads it, and drops it with its last reader', () => {
    const { sync, state, project } = setup();
    const first = sync.open(R.norland, project);
    const second = sync.open(R.norlandCert, project);
    expect(second).toEqual(first);
    expect(first.key).toBe('delegation:norland');
    sync.open(R.observer, project);
    expect(sync.keys().sort()).toEqual(['delegation:norland', 'observer']);
    expect(sync.close(R.norland)).toBe(false);
    expect(state.docs.get('delegation:norland')).toBe(first.doc);
    expect(sync.close(R.norlandCert)).toBe(true);
    expect(state.docs.has('delegation:norland')).toBe(false);
    expect(sync.keys()).toEqual(['observer']);
    expect(sync.close(R.norland)).toBe(false);
  });

  it('sends nothing when a step changes nothing a role sees, and the change when it does', () => {
    const { s, sync, wire, project } = setup();
    const kestrel = wire.join('delegation:kestrel', sync.open(R.kestrel, project).doc);
    const norland = wire.join('delegation:norland', sync.open(R.norland, project).doc);
    wire.patch();
    ok(s.submit(R.norland, C.say({ kind: 'bilateral', with: 'vesteria' }, 'ONLY-NORLAND-AND-VESTERIA')));
    const changes = sync.refresh(project);
    expect(changes.get('delegation:kestrel')).toEqual({ sections: 0, lists: 0, added: 0, removed: 0, rewritten: 0 });
    expect(changes.get('delegation:norland')?.added).toBeGreaterThanOrEqual(2); // the message and its timeline line
    const [toKestrel, toNorland] = wire.patch();
    expect(toKestrel?.length).toBe(0);
    expect(toNorland?.length).toBeGreaterThan(0);
    expect(clientView(norland)).toEqual(docView(s.view(R.norland)));
    expect(clientView(kestrel)).toEqual(docView(s.view(R.kestrel)));
  });

  it('moves a client to another role: it holds the new doc only and receives nothing more of the old one', () => {
    const { s, sync, wire, project } = setup();
    const norland = sync.open(R.norland, project);
    const client = wire.join(norland.key, norland.doc);
    expect(received(client).includes(MARKERS.norlandBriefing)).toBe(true);
    const before = received(client).length;
    revokeDoc(client.view, norland.doc);
    sync.close(R.norland);
    const kestrel = sync.open(R.kestrel, project);
    grantDoc(client.view, kestrel.doc);
    wire.patch();
    ok(s.submit(R.norland, C.say({ kind: 'bilateral', with: 'vesteria' }, 'AFTER-THE-MOVE')));
    sync.refresh(project);
    wire.patch();
    expect([...decodedState(client).docs.keys()]).toEqual([kestrel.key]);
    const since = received(client).subarray(before);
    expect(since.includes('AFTER-THE-MOVE')).toBe(false);
    expect(since.includes(MARKERS.kestrelBriefing)).toBe(true);
    const rebuilt = clientView(client, kestrel.key);
    expect(rebuilt).toEqual(docView(s.view(R.kestrel)));
  });

  it('tells every client the status, the phase and the clock anchor, sending nothing when they stay the same', () => {
    const { s, sync, wire, project } = setup();
    const observer = wire.join('observer', sync.open(R.observer, project).doc);
    sync.setPublic(s.view(R.observer));
    sync.setClock({ gameMs: s.now, wallMs: 1_700_000_000_000, speed: 2, running: true });
    wire.patch();
    const state = decodedState(observer);
    expect(state.status).toBe('running');
    expect(state.phase).toBe(
      s
        .view(R.observer)
        .phases.map((p) => p.id)
        .join(','),
    );
    expect(state.clock).toMatchObject({ gameMs: 0, wallMs: 1_700_000_000_000, speed: 2, running: true });
    sync.setPublic(s.view(R.observer));
    sync.setClock({ gameMs: s.now, wallMs: 1_700_000_000_000, speed: 2, running: true });
    expect(wire.patch()[0]?.length).toBe(0);
    ok(s.submit(R.facilitator, C.pause()));
    sync.setPublic(s.view(R.observer));
    wire.patch();
    expect(decodedState(observer).status).toBe('paused');
  });
});
