import { describe, expect, it } from 'vitest';
import { C, compiled, idOf, ok, R, session } from '../engine/testKit.ts';
import { viewFor } from '../engine/view.ts';
import type { DelegationView, FacilitatorView, View } from '../engine/viewTypes.ts';
import type { Role } from '../protocol/roles.ts';
import { assembleView, createViewAssembler } from './assemble.ts';
import { docView, entryKeys, type FlatDoc, flattenView, SAME } from './flatten.ts';
import { docRole, roleKey } from './roleKey.ts';

/** A session where every kind of record exists: pings (one acked), messages, proposals, rulings, deadlines. */
function played() {
  const s = session();
  const ping = idOf(s.submit(R.norland, C.ping('vesteria', 'PING-1')));
  ok(s.submit(R.norland, { type: 'assess', severity: 3, suspect: 'vesteria', confidence: 'low', note: 'A-1' }));
  s.advanceBy(3);
  ok(s.submit(R.norland, C.say({ kind: 'bilateral', with: 'vesteria' }, 'DM-1')));
  ok(s.submit(R.kestrel, C.say({ kind: 'public' }, 'PUBLIC-1')));
  ok(s.submit(R.norland, C.propose(['norland', 'kestrel'], 'restraint', [{ id: 'logs', text: 'CLAUSE-1' }])));
  ok(s.submit(R.facilitator, C.write(['kestrel'], 'ADHOC-1')));
  ok(s.submit(R.vesteria, C.ack(ping, 'ACK-1')));
  ok(s.submit(R.norland, C.act('hack_back', ['vesteria'])));
  ok(s.submit(R.facilitator, C.adjudicate('RULING-1')));
  return Object.assign(s, { ping });
}

const ROLES: Record<string, Role> = R;

/** The doc as the web client holds it after decoding: Maps of sections and of `{ items }` lists. */
function asDecoded(doc: FlatDoc) {
  return {
    sections: new Map(Object.entries(doc.sections)),
    lists: new Map(Object.entries(doc.lists).map(([name, items]) => [name, { items: [...items] }] as const)),
  };
}

describe('assembleView', () => {
  const s = played();
  for (const [name, role] of Object.entries(ROLES)) {
    it(`rebuilds the ${name} view from its doc, as records and as decoded maps`, () => {
      const view = docView(viewFor(compiled, s.state, role));
      expect(assembleView(flattenView(view))).toEqual(view);
      expect(assembleView(asDecoded(flattenView(view)))).toEqual(view);
    });
  }

  it('puts the nested delegation views of the facilitator back in order', () => {
    const view = viewFor(compiled, s.state, R.facilitator) as FacilitatorView;
    const doc = flattenView(view);
    expect(JSON.parse(doc.sections.delegations ?? 'null')).toEqual(['norland', 'vesteria', 'kestrel']);
    expect(doc.sections['delegations/norland/briefing']).toContain('SECRET-NORLAND');
    expect(doc.lists['delegations/norland/pings']?.map((e) => e.key)).toEqual([s.ping]);
    const rebuilt = assembleView(doc) as FacilitatorView;
    expect(rebuilt.delegations.map((d) => d.delegation)).toEqual(['norland', 'vesteria', 'kestrel']);
  });
});

describe('createViewAssembler', () => {
  it('hands back the same objects for everything that did not change, and new ones for what did', () => {
    const s = played();
    const ping = idOf(s.submit(R.kestrel, C.ping('vesteria', 'PING-2')));
    const assemble = createViewAssembler();
    const first = assemble(asDecoded(flattenView(s.view(R.facilitator)))) as FacilitatorView;
    ok(s.submit(R.vesteria, C.ack(ping)));
    const view = s.view(R.facilitator) as FacilitatorView;
    const second = assemble(asDecoded(flattenView(view))) as FacilitatorView;
    expect(second).toEqual(view);
    expect(second.messages[0]).toBe(first.messages[0]);
    expect(second.scenario).toBe(first.scenario);
    expect(second.delegations[0]?.templates[0]).toBe(first.delegations[0]?.templates[0]);
    expect(second.pings[0]).toBe(first.pings[0]);
    expect(second.pings[1]).not.toBe(first.pings[1]);
    expect(first.pings[1]).toMatchObject({ id: ping, ackedAt: null });
    expect(second.pings[1]).toMatchObject({ id: ping, ackedAt: s.now });
  });
});

describe('nested views in a doc', () => {
  it('refer to the outer view or an earlier nested view instead of repeating them, and assemble back', () => {
    const s = played();
    const view = viewFor(compiled, s.state, R.facilitator) as FacilitatorView;
    const doc = flattenView(view);
    // The clock and the scenario card are the outer ones; a public message is the outer entry.
    expect(doc.sections['delegations/vesteria/clock']).toBe(SAME);
    const publicMessage = doc.lists['delegations/vesteria/messages']?.find((e) => e.json === SAME);
    expect(publicMessage).toBeDefined();
    // Vesteria's templates are Norland's.
    expect(doc.lists['delegations/vesteria/templates']?.every((e) => e.json === `${SAME}norland`)).toBe(true);
    const size = (d: typeof doc) =>
      [...Object.values(d.sections), ...Object.values(d.lists).flatMap((l) => l.map((e) => e.json))].join('').length;
    expect(size(doc)).toBeLessThan(JSON.stringify(view).length * 0.6);
    expect(assembleView(doc)).toEqual(view);
  });

  it('follow the value they refer to: a nested clock moves with the outer one, with no change of its own', () => {
    const s = played();
    const before = flattenView(s.view(R.facilitator));
    s.advanceBy(5);
    const view = s.view(R.facilitator) as FacilitatorView;
    const after = flattenView(view);
    expect(after.sections['delegations/vesteria/clock']).toBe(before.sections['delegations/vesteria/clock']);
    expect(after.sections.clock).not.toBe(before.sections.clock);
    const rebuilt = assembleView(after) as FacilitatorView;
    expect(rebuilt.delegations[1]?.clock.now).toBe(view.clock.now);
    expect(rebuilt).toEqual(view);
  });
});

describe('flattenView', () => {
  it('keeps arrays of objects as keyed lists and everything else as JSON sections', () => {
    const s = played();
    const doc = flattenView(viewFor(compiled, s.state, R.norland));
    expect(Object.keys(doc.lists)).toEqual(
      expect.arrayContaining(['injects', 'messages', 'timeline', 'pings', 'proposals', 'assessments', 'variables']),
    );
    expect(Object.keys(doc.sections)).toEqual(
      expect.arrayContaining(['role', 'delegation', 'clock', 'briefing', 'ladder', 'ending', 'scenario']),
    );
    expect(doc.lists.pings?.[0]).toMatchObject({ key: s.ping });
    expect(JSON.parse(doc.lists.pings?.[0]?.json ?? '{}')).toMatchObject({ text: 'PING-1', ackText: 'ACK-1' });
  });

  it('keys items by id, else seq, else position, numbering repeats', () => {
    expect(entryKeys([{ id: 'a' }, { seq: 4 }, { seq: 4 }, { seq: 4 }, { x: 1 }, { id: 'a' }])).toEqual([
      'a',
      '4',
      '4~1',
      '4~2',
      '@4',
      'a~1',
    ]);
  });

  it('gives every timeline line a unique key, and old lines keep theirs as play goes on', () => {
    const s = played();
    const before = flattenView(s.view(R.facilitator)).lists.timeline ?? [];
    expect(new Set(before.map((e) => e.key)).size).toBe(before.length);
    ok(s.submit(R.kestrel, C.say({ kind: 'public' }, 'PUBLIC-2')));
    s.advanceBy(10);
    const after = flattenView(s.view(R.facilitator)).lists.timeline ?? [];
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.slice(0, before.length)).toEqual(before);
  });

  it('changes only the entry of a record that changed (a ping acknowledged)', () => {
    const s = session();
    const ping = idOf(s.submit(R.norland, C.ping('vesteria', 'PING-1')));
    ok(s.submit(R.norland, C.say({ kind: 'public' }, 'HELLO')));
    const before = flattenView(s.view(R.norland));
    ok(s.submit(R.vesteria, C.ack(ping)));
    const after = flattenView(s.view(R.norland));
    expect(after.lists.pings?.[0]?.key).toBe(before.lists.pings?.[0]?.key);
    expect(after.lists.pings?.[0]?.json).not.toBe(before.lists.pings?.[0]?.json);
    expect(after.lists.messages).toEqual(before.lists.messages);
    expect(after.sections.briefing).toBe(before.sections.briefing);
  });
});

describe('docs shared by several roles', () => {
  it('gives every seat of a delegation the same doc, with no seat in it', () => {
    const s = played();
    const mfa = docView(s.view(R.norland)) as DelegationView;
    const cert = docView(s.view(R.norlandCert)) as DelegationView;
    expect(mfa.seat).toBeNull();
    expect(flattenView(cert)).toEqual(flattenView(mfa));
    expect(roleKey(R.norland)).toBe(roleKey(R.norlandCert));
    expect(roleKey(R.norland)).toBe('delegation:norland');
  });

  it('gives evaluators watching the same delegations one doc, whatever the order they were listed in', () => {
    const a: Role = { kind: 'evaluator', delegations: ['vesteria', 'norland', 'vesteria'] };
    const b: Role = { kind: 'evaluator', delegations: ['norland', 'vesteria'] };
    expect(roleKey(a)).toBe('evaluator:norland,vesteria');
    expect(roleKey(b)).toBe(roleKey(a));
    expect(docRole(a)).toEqual(b);
    expect(roleKey(R.evaluatorAll)).toBe('evaluator:all');
    expect(new Set(Object.values(ROLES).map(roleKey))).toEqual(
      new Set([
        'delegation:norland',
        'delegation:vesteria',
        'delegation:kestrel',
        'facilitator',
        'observer',
        'evaluator:norland',
        'evaluator:all',
      ]),
    );
  });

  it('leaves other views unchanged', () => {
    const view: View = viewFor(compiled, played().state, R.observer);
    expect(docView(view)).toBe(view);
  });
});
