/** What each bot policy does, as a facilitator watching the run would notice it. */
import { describe, expect, it } from 'vitest';
import { toArray } from '../engine/persist.ts';
import type { ExerciseEvent } from '../engine/types.ts';
import { MINUTE } from '../engine/types.ts';
import { POLICIES, POLICY_NAMES, type PolicyName } from './policies.ts';
import { simulate } from './simulate.ts';
import { compiledFixture } from './testing.ts';
import type { Policy } from './types.ts';

const c = compiledFixture();
const SEEDS = [1, 2, 3, 4, 5, 6];

const byDelegation = (events: readonly ExerciseEvent[], id: string) =>
  events.filter((e) => e.role.kind === 'delegation' && e.role.delegation === id);

describe('every policy plays within the rules of the engine', () => {
  it.each(POLICY_NAMES)('%s: most commands are accepted', (name) => {
    let sent = 0;
    let refused = 0;
    for (const seed of SEEDS) {
      const run = simulate(c, { seed, policies: name });
      sent += run.sent;
      refused += run.refusals.length;
    }
    expect(sent).toBeGreaterThan(10);
    expect(refused / sent).toBeLessThan(name === 'random' ? 0.1 : 0.02);
  });

  it('the random policy exercises many kinds of command', () => {
    const types = new Set<string>();
    for (const seed of SEEDS) for (const e of simulate(c, { seed, policies: 'random' }).events) types.add(e.type);
    for (const type of ['assess', 'action.take', 'signal.send', 'poc.ping', 'message.send', 'proposal.create'])
      expect(types).toContain(type);
  });

  it('a bot never sends more than four commands in a turn', () => {
    const greedy: Policy = (view) =>
      Array.from({ length: 10 }, () => ({ type: 'message.send', channel: { kind: 'public' }, text: view.delegation }));
    const run = simulate(c, { seed: 1, policies: greedy, maxMinutes: 6 });
    const perTurn = new Map<string, number>();
    for (const e of run.events) {
      if (e.role.kind !== 'delegation') continue;
      const key = `${e.role.delegation}@${e.at}`;
      perTurn.set(key, (perTurn.get(key) ?? 0) + 1);
    }
    expect(Math.max(...perTurn.values())).toBe(4);
  });
});

describe('bots decide only from what their seat may see', () => {
  it('the views and catalogue handed to a policy hold no other delegation’s private briefing', () => {
    const secrets = c.scenario.delegations.map((d) => ({ id: d.id, text: String(d.briefing.private) }));
    const leaks: string[] = [];
    const spy =
      (name: PolicyName): Policy =>
      (view, ctx) => {
        const seen = JSON.stringify({ view, catalogue: { ...ctx.catalogue, actions: [...ctx.catalogue.actions] } });
        for (const s of secrets)
          if (s.id !== view.delegation && seen.includes(s.text)) leaks.push(`${view.delegation}←${s.id}`);
        return POLICIES[name](view, ctx);
      };
    for (const name of POLICY_NAMES) simulate(c, { seed: 1, policies: spy(name), maxMinutes: 30 });
    expect(leaks).toEqual([]);
  });

  it('a hawk’s suspect does not follow another delegation’s private briefing or private assessment', () => {
    const accuse = (suspect: string): Policy => {
      return (view) =>
        view.assessments.length === 0 ? [{ type: 'assess', severity: 5, suspect, confidence: 'high' }] : [];
    };
    const hawkOf = (run: ReturnType<typeof simulate>) => byDelegation(run.events, 'sudmark');
    for (const seed of SEEDS) {
      const base = simulate(c, {
        seed,
        policies: { norland: accuse('gridco'), sudmark: 'hawkish', gridco: 'passive' },
      });
      const other = simulate(
        compiledFixture((s) => {
          const norland = s.delegations.find((d) => d.id === 'norland');
          if (norland) norland.briefing.private = 'Sudmark must blame GridCo: it planted the malware.';
        }),
        { seed, policies: { norland: accuse('press'), sudmark: 'hawkish', gridco: 'passive' } },
      );
      expect(hawkOf(other)).toEqual(hawkOf(base));
    }
  });
});

describe('the cooperative policy', () => {
  it('acknowledges every ping within the deadline and misses no deadline', () => {
    for (const seed of SEEDS) {
      const run = simulate(c, { seed, policies: { norland: 'cooperative', sudmark: 'cooperative', gridco: 'random' } });
      const toCoop = toArray(run.state.journal).filter((j) => j.kind === 'ping.sent' && j.to[0] !== 'gridco');
      expect(toCoop.length).toBeGreaterThan(0);
      for (const entry of toArray(run.state.ledger).filter((l) => l.party !== 'gridco'))
        expect(entry.kind, `seed ${seed}: ${entry.party} ${entry.rule}`).not.toBe('missed');
      const pings = [...run.events].filter((e) => e.type === 'poc.ping' && e.to !== 'gridco');
      for (const p of pings) {
        const ack = run.events.find((e) => e.type === 'poc.ack' && e.ping === p.id);
        expect(ack, `seed ${seed}: ping ${p.id} unanswered`).toBeDefined();
        expect((ack?.at ?? 0) - p.at).toBeLessThanOrEqual(5 * MINUTE);
      }
    }
  });

  it('never attributes; shares indicators, proposes a text and signs it', () => {
    const run = simulate(c, { seed: 1, policies: 'cooperative' });
    const types = run.events.map((e) => ('action' in e ? e.action : e.type));
    expect(types).toContain('share-iocs');
    expect(types).toContain('proposal.create');
    expect(types).toContain('proposal.sign');
    expect(types).not.toContain('attribute');
    expect(run.ending?.id).toBe('cooperation');
  });

  it('answers a request for assistance with an offer', () => {
    const asker: Policy = (view) =>
      view.assistance.length === 0 ? [{ type: 'assistance.request', to: 'norland', text: 'Please help.' }] : [];
    const run = simulate(c, { seed: 2, policies: { norland: 'cooperative', sudmark: asker, gridco: 'passive' } });
    const request = run.events.find((e) => e.type === 'assistance.request');
    const offer = run.events.find((e) => e.type === 'assistance.offer');
    expect(offer).toMatchObject({ to: 'sudmark', request: request?.id });
  });
});

describe('the hawkish policy', () => {
  it('names a suspect at once and climbs to coercive rungs against it', () => {
    for (const seed of SEEDS) {
      const run = simulate(c, { seed, policies: { norland: 'passive', sudmark: 'hawkish', gridco: 'passive' } });
      const [assessment] = byDelegation(run.events, 'sudmark').filter((e) => e.type === 'assess');
      expect(assessment).toMatchObject({ severity: expect.any(Number), confidence: 'high' });
      expect(assessment && 'suspect' in assessment ? assessment.suspect : null).toBe('norland');
      expect(run.state.ladder.sudmark?.highest).toBeGreaterThanOrEqual(5);
    }
  });

  it('attributes publicly without consulting first (a recorded breach) and rejects texts', () => {
    const proposer: Policy = (view) =>
      view.proposals.length === 0
        ? [{ type: 'proposal.create', template: 'info-sharing', parties: ['norland', 'sudmark'] }]
        : [];
    const run = simulate(c, { seed: 3, policies: { norland: proposer, sudmark: 'hawkish', gridco: 'cooperative' } });
    const breaches = toArray(run.state.ledger).filter((l) => l.kind === 'breach' && l.party === 'sudmark');
    expect(breaches.map((b) => b.rule)).toContain('consult-first');
    const types = byDelegation(run.events, 'sudmark').map((e) => e.type);
    expect(types).toContain('proposal.reject');
    expect(types).not.toContain('proposal.accept');
  });

  it('gives the notice a blocking rule demands before a coercive step, and is never refused', () => {
    const blocked = compiledFixture((s) => {
      s.rules = [
        ...(s.rules ?? []),
        {
          id: 'notice-first',
          type: 'precondition',
          title: 'Démarche before sanctions',
          on: ['sanction'],
          requires: { action: 'demarche', by: '$actor', to: '$target' },
          mode: 'block',
        },
      ];
    });
    const run = simulate(blocked, { seed: 4, policies: { norland: 'hawkish', sudmark: 'passive', gridco: 'passive' } });
    const mine = byDelegation(run.events, 'norland').map((e) => ('action' in e ? e.action : e.type));
    expect(mine).toContain('sanction');
    expect(mine.indexOf('demarche')).toBeLessThan(mine.indexOf('sanction'));
    expect(run.refusals).toEqual([]);
  });
});

describe('the passive policy', () => {
  it('lets deadlines lapse, acknowledges nothing and signs nothing', () => {
    const run = simulate(c, { seed: 1, policies: { norland: 'cooperative', sudmark: 'passive', gridco: 'passive' } });
    const missed = toArray(run.state.ledger)
      .filter((l) => l.kind === 'missed')
      .map((l) => l.party);
    expect(missed).toContain('sudmark');
    expect(missed).toContain('gridco');
    const passiveTypes = [...byDelegation(run.events, 'sudmark'), ...byDelegation(run.events, 'gridco')].map(
      (e) => e.type,
    );
    expect(passiveTypes).not.toContain('poc.ack');
    expect(passiveTypes).not.toContain('proposal.sign');
    expect(passiveTypes.length).toBeLessThan(8);
  });
});
