/**
 * Every command path through the room, one test per command type: the command is acknowledged (after its events
 * are saved) and the synced state shows it to the roles that may see it, and only to them. Each test plays its own
 * exercise of Grey Tide with the facilitator, three delegations and an observer connected. The app listens through
 * @colyseus/testing's `boot()`, which also gives server-side access to each room.
 */
import type { DelegationView, EvaluatorView, FacilitatorView, ObserverView } from '@parley/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GREY_TIDE_ROLES as R } from './helpers/commands.ts';
import type { Seat } from './helpers/seat.ts';
import { startServer, type TestExercise, type TestServer } from './helpers/server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startServer({ colyseusTesting: true });
});

it('hosts each exercise in a room whose id is the exercise id, with every joined client in it', async () => {
  const t = await table(false);
  const room = server.testing?.getRoomById(t.exercise.id);
  expect(room?.roomId).toBe(t.exercise.id);
  expect(room?.clients.length).toBe(5);
});

afterAll(async () => {
  await server?.close();
});

type Table = {
  exercise: TestExercise;
  control: Seat;
  norland: Seat;
  vesteria: Seat;
  kestrel: Seat;
  observer: Seat;
};

async function table(start = true): Promise<Table> {
  const exercise = await server.createExercise();
  const t: Table = {
    exercise,
    control: await exercise.join(R.facilitator),
    norland: await exercise.join(R.norland),
    vesteria: await exercise.join(R.vesteria),
    kestrel: await exercise.join(R.kestrel),
    observer: await exercise.join(R.observer),
  };
  if (start) await t.control.ok({ type: 'exercise.start' });
  return t;
}

const asDelegation = (s: Seat) => s.view<DelegationView>();
const text = (v: unknown) => JSON.stringify(v);

/** The saved log holds events with exactly these seqs, of this type. */
async function saved(t: Table, seqs: readonly number[], type: string) {
  const log = await t.exercise.log();
  const events = log.filter((e) => seqs.includes(e.seq));
  expect(events.map((e) => e.seq)).toEqual([...seqs]);
  expect(events[0]?.type).toBe(type);
}

describe('participant commands', () => {
  it('assess: the delegation and control see the assessment; other delegations do not', async () => {
    const t = await table();
    const ack = await t.norland.ok({
      type: 'assess',
      severity: 4,
      suspect: 'vesteria',
      confidence: 'high',
      note: 'ASSESS-N1',
    });
    await saved(t, ack.seqs, 'assess');
    await t.norland.until<DelegationView>((v) => v.assessments.some((a) => a.note === 'ASSESS-N1'));
    await t.control.until<FacilitatorView>((v) => v.assessments.some((a) => a.by === 'norland' && a.severity === 4));
    expect(text(asDelegation(t.vesteria).assessments)).not.toContain('ASSESS-N1');
    expect(text(t.observer.view())).not.toContain('ASSESS-N1');
  });

  it('action.take: a bilateral action is seen by both parties, not by a third', async () => {
    const t = await table();
    const ack = await t.norland.ok({ type: 'action.take', action: 'share_iocs', targets: ['vesteria'], params: {} });
    await saved(t, ack.seqs, 'action.take');
    const seen = (v: { actions: readonly { action: string }[] }) => v.actions.some((a) => a.action === 'share_iocs');
    await t.vesteria.until(seen);
    await t.norland.until(seen);
    expect(seen(asDelegation(t.kestrel))).toBe(false);
    expect(seen(t.observer.view<ObserverView>())).toBe(false);
  });

  it('signal.send: a démarche reaches its target', async () => {
    const t = await table();
    const ack = await t.norland.ok({
      type: 'signal.send',
      action: 'demarche',
      targets: ['vesteria'],
      params: { tone: 'firm', note: 'DEMARCHE-1' },
    });
    await saved(t, ack.seqs, 'signal.send');
    await t.vesteria.until((v) => text(v.actions).includes('DEMARCHE-1'));
    expect(text(t.kestrel.view().actions)).not.toContain('DEMARCHE-1');
  });

  it('poc.ping: the contact point pinged sees the ping and its deadline', async () => {
    const t = await table();
    const ack = await t.norland.ok({ type: 'poc.ping', to: 'vesteria', text: 'PING-TEXT-1' });
    await saved(t, ack.seqs, 'poc.ping');
    const v = await t.vesteria.until<DelegationView>((x) => x.pings.some((p) => p.text === 'PING-TEXT-1'));
    expect(v.pings[0]).toMatchObject({ from: 'norland', to: 'vesteria', ackedAt: null });
    expect(v.deadlines.some((d) => d.rule === 'ack-ping' && d.status === 'open')).toBe(true);
    expect(text(asDelegation(t.kestrel).pings)).not.toContain('PING-TEXT-1');
  });

  it('poc.ack: the sender sees its ping acknowledged and the deadline met', async () => {
    const t = await table();
    const ping = await t.norland.ok({ type: 'poc.ping', to: 'vesteria', text: 'Are you there?' });
    const id = `ping-${ping.seqs[0]}`;
    const ack = await t.vesteria.ok({ type: 'poc.ack', ping: id, text: 'ACK-TEXT-1' });
    await saved(t, ack.seqs, 'poc.ack');
    const v = await t.norland.until<DelegationView>((x) => x.pings.some((p) => p.id === id && p.ackedAt !== null));
    expect(v.pings.find((p) => p.id === id)?.ackText).toBe('ACK-TEXT-1');
    expect(v.deadlines.find((d) => d.rule === 'ack-ping')?.status).toBe('met');
  });

  it('assistance.request: the party asked sees the request', async () => {
    const t = await table();
    const ack = await t.norland.ok({ type: 'assistance.request', to: 'kestrel', text: 'REQ-TEXT-1' });
    await saved(t, ack.seqs, 'assistance.request');
    await t.kestrel.until<DelegationView>((v) =>
      v.assistance.some((a) => a.text === 'REQ-TEXT-1' && a.kind === 'request'),
    );
    expect(text(asDelegation(t.vesteria).assistance)).not.toContain('REQ-TEXT-1');
  });

  it('assistance.offer: an offer answers the request', async () => {
    const t = await table();
    const req = await t.norland.ok({ type: 'assistance.request', to: 'kestrel', text: 'Help with forensics' });
    const request = `request-${req.seqs[0]}`;
    const ack = await t.kestrel.ok({ type: 'assistance.offer', to: 'norland', request, text: 'OFFER-TEXT-1' });
    await saved(t, ack.seqs, 'assistance.offer');
    const v = await t.norland.until<DelegationView>((x) =>
      x.assistance.some((a) => a.id === request && a.answer?.kind === 'offer'),
    );
    expect(text(v.assistance)).toContain('OFFER-TEXT-1');
  });

  it('assistance.decline: the requester sees the refusal', async () => {
    const t = await table();
    const req = await t.norland.ok({ type: 'assistance.request', to: 'kestrel', text: 'Help with forensics' });
    const request = `request-${req.seqs[0]}`;
    const ack = await t.kestrel.ok({ type: 'assistance.decline', request, text: 'No capacity' });
    await saved(t, ack.seqs, 'assistance.decline');
    await t.norland.until<DelegationView>((x) =>
      x.assistance.some((a) => a.id === request && a.answer?.kind === 'decline'),
    );
  });

  it('message.send: a bilateral message reaches both parties only; a public one everyone', async () => {
    const t = await table();
    const ack = await t.norland.ok({
      type: 'message.send',
      channel: { kind: 'bilateral', with: 'vesteria' },
      text: 'MSG-PRIVATE-1',
    });
    await saved(t, ack.seqs, 'message.send');
    await t.vesteria.until((v) => v.messages.some((m) => m.text === 'MSG-PRIVATE-1'));
    await t.norland.ok({ type: 'message.send', channel: { kind: 'public' }, text: 'MSG-PUBLIC-1' });
    await t.observer.until((v) => v.messages.some((m) => m.text === 'MSG-PUBLIC-1'));
    await t.kestrel.until((v) => v.messages.some((m) => m.text === 'MSG-PUBLIC-1'));
    expect(text(t.kestrel.view().messages)).not.toContain('MSG-PRIVATE-1');
    expect(text(t.observer.view().messages)).not.toContain('MSG-PRIVATE-1');
  });

  it('proposal.create: the parties see the draft; others do not', async () => {
    const t = await table();
    const ack = await t.norland.ok({
      type: 'proposal.create',
      template: 'restraint',
      parties: ['norland', 'vesteria'],
      clauses: [{ id: 'no-ci', text: 'DRAFT-CLAUSE-1' }],
    });
    await saved(t, ack.seqs, 'proposal.create');
    await t.vesteria.until<DelegationView>((v) => text(v.proposals).includes('DRAFT-CLAUSE-1'));
    expect(text(asDelegation(t.kestrel).proposals)).not.toContain('DRAFT-CLAUSE-1');
    expect(text(t.observer.view())).not.toContain('DRAFT-CLAUSE-1');
  });

  describe('negotiating a proposal', () => {
    async function proposal(t: Table) {
      const ack = await t.norland.ok({
        type: 'proposal.create',
        template: 'restraint',
        parties: ['norland', 'vesteria'],
      });
      return `proposal-${ack.seqs[0]}`;
    }

    it('proposal.amend: the new version reaches the other party', async () => {
      const t = await table();
      const id = await proposal(t);
      const ack = await t.vesteria.ok({ type: 'proposal.amend', proposal: id, clause: 'no-ci', text: 'AMENDED-1' });
      await saved(t, ack.seqs, 'proposal.amend');
      const v = await t.norland.until<DelegationView>((x) => x.proposals.some((p) => p.id === id && p.version === 2));
      expect(text(v.proposals)).toContain('AMENDED-1');
    });

    it('proposal.accept: the acceptance is shown to both parties', async () => {
      const t = await table();
      const id = await proposal(t);
      const ack = await t.vesteria.ok({ type: 'proposal.accept', proposal: id, version: 1 });
      await saved(t, ack.seqs, 'proposal.accept');
      await t.norland.until<DelegationView>((x) =>
        x.proposals.some((p) => p.id === id && p.accepted.includes('vesteria')),
      );
    });

    it('proposal.reject: the rejection and its reason are shown', async () => {
      const t = await table();
      const id = await proposal(t);
      const ack = await t.vesteria.ok({ type: 'proposal.reject', proposal: id, reason: 'REJECT-REASON-1' });
      await saved(t, ack.seqs, 'proposal.reject');
      await t.norland.until<DelegationView>((x) =>
        x.proposals.some((p) => p.id === id && text(p.rejected).includes('REJECT-REASON-1')),
      );
    });

    it('proposal.sign: once agreed and signed by both, everyone sees the signed text', async () => {
      const t = await table();
      const id = await proposal(t);
      await t.norland.ok({ type: 'proposal.accept', proposal: id, version: 1 });
      await t.vesteria.ok({ type: 'proposal.accept', proposal: id, version: 1 });
      const first = await t.norland.ok({ type: 'proposal.sign', proposal: id });
      await saved(t, first.seqs, 'proposal.sign');
      await t.vesteria.ok({ type: 'proposal.sign', proposal: id });
      await t.norland.until<DelegationView>((x) => x.proposals.some((p) => p.id === id && p.status === 'signed'));
      await t.control.until<FacilitatorView>((x) => x.proposals.some((p) => p.id === id && p.signed.length === 2));
    });
  });
});

describe('facilitator commands', () => {
  it('exercise.start: every role sees play running', async () => {
    const t = await table(false);
    const ack = await t.control.ok({ type: 'exercise.start' });
    await saved(t, ack.seqs, 'exercise.start');
    for (const s of [t.norland, t.vesteria, t.kestrel, t.observer, t.control])
      await s.until((v) => v.clock.status === 'running');
    // The alert inject (due at minute 0) is delivered to Norland only.
    await t.norland.until((v) => v.injects.some((i) => i.id === 'alert'));
    expect(t.vesteria.view().injects.some((i) => i.id === 'alert')).toBe(false);
  });

  it('exercise.pause and exercise.resume: everyone sees the status change', async () => {
    const t = await table();
    const pause = await t.control.ok({ type: 'exercise.pause' });
    await saved(t, pause.seqs, 'exercise.pause');
    await t.observer.until((v) => v.clock.status === 'paused');
    expect(await t.norland.send({ type: 'assess', severity: 1, confidence: 'low' })).toMatchObject({
      type: 'refused',
      code: 'status',
      message: 'The exercise is paused',
      key: 'status.paused',
    });
    const resume = await t.control.ok({ type: 'exercise.resume' });
    await saved(t, resume.seqs, 'exercise.resume');
    await t.norland.until((v) => v.clock.status === 'running');
  });

  it('clock.speed: the recorded speed is synced', async () => {
    const t = await table();
    const ack = await t.control.ok({ type: 'clock.speed', speed: 4 });
    await saved(t, ack.seqs, 'clock.speed');
    await t.kestrel.until((v) => v.clock.speed === 4);
    const state = t.kestrel.room.state as { clock: { speed: number; running: boolean } };
    expect(state.clock).toMatchObject({ speed: 4, running: true });
  });

  it('clock.jump: the clock moves on and what fell due fires, for those it concerns', async () => {
    const t = await table();
    const ack = await t.control.ok({ type: 'clock.jump', minutes: 6 });
    await saved(t, ack.seqs, 'clock.jump');
    await t.observer.until((v) => v.clock.now >= 6 * 60_000 && v.injects.some((i) => i.id === 'blackout'));
    expect((await t.exercise.log()).some((e) => e.type === 'timer.fire')).toBe(true);
  });

  it('inject.release: a manual inject reaches its recipients only', async () => {
    const t = await table();
    const ack = await t.control.ok({ type: 'inject.release', inject: 'call' });
    await saved(t, ack.seqs, 'inject.release');
    await t.vesteria.until((v) => v.injects.some((i) => i.id === 'call'));
    expect(text(t.norland.view())).not.toContain('CALL-VESTERIA-c07');
    expect(text(t.observer.view())).not.toContain('CALL-VESTERIA-c07');
  });

  it('inject.skip: the MSEL shows the inject skipped', async () => {
    const t = await table();
    const ack = await t.control.ok({ type: 'inject.skip', inject: 'customer' });
    await saved(t, ack.seqs, 'inject.skip');
    await t.control.until<FacilitatorView>((v) => v.msel.some((m) => m.id === 'customer' && m.status === 'skipped'));
  });

  it('inject.edit: the MSEL shows the edit', async () => {
    const t = await table();
    const ack = await t.control.ok({ type: 'inject.edit', inject: 'customer', changes: { title: 'EDITED-TITLE-1' } });
    await saved(t, ack.seqs, 'inject.edit');
    await t.control.until<FacilitatorView>((v) =>
      v.msel.some((m) => m.id === 'customer' && m.edits.title === 'EDITED-TITLE-1'),
    );
  });

  it('inject.write: an ad hoc inject reaches its recipients only', async () => {
    const t = await table();
    const ack = await t.control.ok({
      type: 'inject.write',
      title: 'Ad hoc',
      body: 'ADHOC-BODY-1',
      channel: 'email',
      to: ['kestrel'],
    });
    await saved(t, ack.seqs, 'inject.write');
    await t.kestrel.until((v) => text(v.injects).includes('ADHOC-BODY-1'));
    expect(text(t.norland.view())).not.toContain('ADHOC-BODY-1');
  });

  it('variable.adjust: a public variable changes for everyone', async () => {
    const t = await table();
    const before = t.observer.view().variables.find((v) => v.id === 'escalation')?.value ?? 0;
    const ack = await t.control.ok({ type: 'variable.adjust', var: 'escalation', add: 3, reason: 'Adjudicated' });
    await saved(t, ack.seqs, 'variable.adjust');
    await t.observer.until((v) => v.variables.find((x) => x.id === 'escalation')?.value === before + 3);
  });

  it('adjudicate: the ruling is shown to everyone', async () => {
    const t = await table();
    const ack = await t.control.ok({ type: 'adjudicate', ruling: 'RULING-TEXT-1', effects: [] });
    await saved(t, ack.seqs, 'adjudicate');
    await t.observer.until((v) => v.rulings.some((r) => r.text === 'RULING-TEXT-1'));
    await t.kestrel.until((v) => v.rulings.some((r) => r.text === 'RULING-TEXT-1'));
  });

  it('broadcast: to all reaches everyone; to one delegation, only it', async () => {
    const t = await table();
    const all = await t.control.ok({ type: 'broadcast', to: 'all', text: 'BROADCAST-ALL-1' });
    await saved(t, all.seqs, 'broadcast');
    await t.observer.until((v) => v.messages.some((m) => m.text === 'BROADCAST-ALL-1'));
    await t.control.ok({ type: 'broadcast', to: ['vesteria'], text: 'BROADCAST-ONE-1' });
    await t.vesteria.until((v) => v.messages.some((m) => m.text === 'BROADCAST-ONE-1'));
    expect(text(t.norland.view().messages)).not.toContain('BROADCAST-ONE-1');
  });

  it('actor.act: a simulated party acts in public', async () => {
    const t = await table();
    const ack = await t.control.ok({
      type: 'actor.act',
      actor: 'press',
      action: 'news_report',
      targets: [],
      params: {},
    });
    await saved(t, ack.seqs, 'actor.act');
    await t.observer.until((v) => v.actions.some((a) => a.action === 'news_report' && a.by === 'press'));
  });

  it('observation.record: an evaluator records, control and evaluators see it, delegations and observers do not', async () => {
    const t = await table();
    const evaluator = await t.exercise.join(R.evaluator);
    const ack = await evaluator.ok({
      type: 'observation.record',
      text: 'OBSERVATION-TEXT-1',
      delegation: 'norland',
      objective: 'poc',
      rating: 'partially',
    });
    await saved(t, ack.seqs, 'observation.record');
    await t.control.until<FacilitatorView>((v) => v.observations.some((o) => o.text === 'OBSERVATION-TEXT-1'));
    await evaluator.until<EvaluatorView>((v) => v.observations.some((o) => o.rating === 'partially'));
    for (const s of [t.norland, t.vesteria, t.observer]) expect(text(s.view())).not.toContain('OBSERVATION-TEXT-1');
    expect(await t.observer.send({ type: 'observation.record', text: 'No' })).toMatchObject({
      type: 'refused',
      code: 'role',
    });
  });

  it('exercise.end: everyone sees the ending and the exercise is marked ended', async () => {
    const t = await table();
    const ack = await t.control.ok({ type: 'exercise.end', note: 'Time is up.' });
    await saved(t, ack.seqs, 'exercise.end');
    for (const s of [t.norland, t.observer]) await s.until((v) => v.clock.status === 'ended' && v.ending !== null);
    await expect.poll(async () => (await server.store.getExercise(t.exercise.id))?.status).toBe('ended');
  });
});

describe('preview', () => {
  type PreviewAnswer = import('@parley/shared/protocol/room.ts').PreviewAnswer;
  const ask = (seat: Seat, id: string, command: unknown) => {
    const answer = seat.next<PreviewAnswer>('preview', (p) => p.id === id);
    seat.raw('preview', { id, command });
    return answer;
  };

  it('tells a delegation which rule an action would breach and what it costs, applying nothing', async () => {
    const t = await table();
    const before = (await t.exercise.log()).length;
    const sanctions = { type: 'action.take', action: 'sanctions', targets: ['vesteria'], params: { severity: 2 } };
    const warned = await ask(t.norland, 'p1', sanctions);
    expect(warned.ok).toBe(true);
    expect(warned.flags.map((f) => [f.rule, f.mode, f.target])).toEqual([['signal-first', 'warn', 'vesteria']]);
    expect(warned.flags[0]?.cost).toEqual([{ var: 'escalation', add: 1 }]);
    const attribution = {
      type: 'signal.send',
      action: 'public_attribution',
      targets: ['vesteria'],
      params: { confidence: 'high' },
    };
    const blocked = await ask(t.norland, 'p2', attribution);
    expect(blocked).toMatchObject({ ok: false, code: 'rule', key: 'rule.blocked', params: { rule: 'consult-first' } });
    expect(blocked.message).toMatch(/Consult before attribution/);
    await t.norland.ok({ type: 'poc.ping', to: 'vesteria', text: 'Consulting you first' });
    expect((await ask(t.norland, 'p3', attribution)).ok).toBe(true);
    expect(await t.exercise.log()).toHaveLength(before + 1);
  });

  it('answers a malformed command with an error, and a refused one with the refusal', async () => {
    const t = await table();
    const error = t.norland.next<{ id: string; code: string }>('error', (p) => p.id === 'p4');
    t.norland.raw('preview', { id: 'p4', command: { type: 'assess', severity: 99 } });
    expect((await error).code).toBe('invalid');
    const refused = await ask(t.vesteria, 'p5', {
      type: 'action.take',
      action: 'sanctions',
      targets: ['norland'],
      params: { severity: 2 },
    });
    expect(refused).toMatchObject({
      ok: false,
      code: 'not-allowed',
      key: 'action.notAllowed',
      params: { party: 'vesteria', action: 'sanctions' },
    });
    const sanctions = { type: 'action.take', action: 'sanctions', targets: ['norland'], params: { severity: 2 } };
    expect(await t.vesteria.send(sanctions)).toMatchObject({
      type: 'refused',
      code: 'not-allowed',
      message: 'Vesteria cannot take “Restrictive measures” in this scenario',
      key: 'action.notAllowed',
      params: { party: 'vesteria', action: 'sanctions' },
    });
  });
});
