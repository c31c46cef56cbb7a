import { describe, expect, it } from 'vitest';
import {
  type Command,
  EVALUATOR_COMMAND_TYPES,
  FACILITATOR_COMMAND_TYPES,
  PARTICIPANT_COMMAND_TYPES,
} from '../protocol/commands.ts';
import type { Role } from '../protocol/roles.ts';
import { decide } from './decide.ts';
import { C, compiled, ok, R, refusal, session } from './testKit.ts';

/** One well-formed command of every type. */
const SAMPLES: Record<Command['type'], Command> = {
  assess: C.assess(2),
  'action.take': C.act('hunt'),
  'signal.send': C.signal('demarche', ['vesteria'], { tone: 'firm' }),
  'poc.ping': C.ping('vesteria'),
  'poc.ack': C.ack('ping-1'),
  'assistance.request': C.request('vesteria'),
  'assistance.offer': C.offer('vesteria'),
  'assistance.decline': C.decline('request-1'),
  'message.send': C.say({ kind: 'public' }, 'Hello'),
  'proposal.create': C.propose(['norland', 'vesteria']),
  'proposal.amend': C.amend('proposal-1', 'no-ci', 'New text'),
  'proposal.accept': C.accept('proposal-1', 1),
  'proposal.reject': C.reject('proposal-1'),
  'proposal.sign': C.sign('proposal-1'),
  'exercise.start': C.start(),
  'exercise.pause': C.pause(),
  'exercise.resume': C.resume(),
  'exercise.end': C.end(),
  'clock.speed': C.speed(2),
  'clock.jump': C.jump(5),
  'inject.release': C.release('call'),
  'inject.skip': C.skip('call'),
  'inject.edit': C.edit('call', { title: 'New' }),
  'inject.write': C.write('all', 'Body'),
  'variable.adjust': C.adjust('escalation', { add: 1 }),
  adjudicate: C.adjudicate('Ruling'),
  broadcast: C.broadcast('all', 'Hello'),
  'actor.act': C.actorAct('press', 'news_report'),
  'observation.record': C.observe('Norland pinged Vesteria promptly', { delegation: 'norland', objective: 'poc' }),
};

const ALL_TYPES = [...PARTICIPANT_COMMAND_TYPES, ...FACILITATOR_COMMAND_TYPES, ...EVALUATOR_COMMAND_TYPES];
const ACTING_TYPES = [...PARTICIPANT_COMMAND_TYPES, ...FACILITATOR_COMMAND_TYPES];

describe('who may send what', () => {
  it('has a sample for every command type', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...ALL_TYPES].sort());
  });

  const watchers: [string, Role][] = [
    ['observer', R.observer],
    ['evaluator', R.evaluator],
    ['evaluator of all', R.evaluatorAll],
  ];
  for (const [name, role] of watchers) {
    it(`refuses every delegation and facilitator command from an ${name}, leaving the state unchanged`, () => {
      const s = session();
      const before = s.state;
      for (const type of ACTING_TYPES) {
        const r = refusal(s.submit(role, SAMPLES[type]));
        expect(r.code).toBe('role');
        expect(r.message).toMatch(/cannot act/);
      }
      expect(s.state).toBe(before);
    });
  }

  it('refuses every facilitator command from a delegation, naming who can', () => {
    const s = session();
    for (const type of FACILITATOR_COMMAND_TYPES) {
      const r = refusal(s.submit(R.norland, SAMPLES[type]));
      expect(r.code).toBe('role');
      expect(r.message).toMatch(/^Only the facilitator can /);
    }
    expect(refusal(s.submit(R.vesteria, C.pause())).message).toBe('Only the facilitator can pause the exercise');
  });

  it('lets evaluators and the facilitator record observations, and refuses them to delegations and observers', () => {
    const s = session();
    for (const role of [R.evaluator, R.evaluatorAll, R.facilitator]) {
      expect(ok(s.submit(role, SAMPLES['observation.record'])).map((e) => e.type)).toEqual(['observation.record']);
    }
    for (const role of [R.norland, R.kestrel, R.observer]) {
      const before = s.state;
      const r = refusal(s.submit(role, SAMPLES['observation.record']));
      expect(r).toEqual({
        code: 'role',
        message: 'Only evaluators and the facilitator can record observations',
        key: 'role.observations',
      });
      expect(s.state).toBe(before);
    }
  });

  it('refuses every participant command from the facilitator', () => {
    const s = session();
    for (const type of PARTICIPANT_COMMAND_TYPES) {
      const r = refusal(s.submit(R.facilitator, SAMPLES[type]));
      expect(r.code).toBe('role');
      expect(r.message).toMatch(/^Only delegations can /);
    }
  });

  it('refuses the host’s own timer role and delegations or seats the scenario does not have', () => {
    const s = session();
    expect(decide(compiled, s.state, { actor: { kind: 'system' }, command: C.assess(1) })).toMatchObject({
      ok: false,
      refusal: { code: 'role' },
    });
    const ghost = { kind: 'delegation', delegation: 'frnace', seat: 'mfa' } as const;
    expect(refusal(s.submit(ghost, C.assess(1))).message).toBe('Unknown delegation "frnace"');
    const badSeat = { kind: 'delegation', delegation: 'vesteria', seat: 'cert' } as const;
    expect(refusal(s.submit(badSeat, C.assess(1))).message).toBe('Vesteria has no seat "cert"');
  });

  it('lets every seat of a delegation act as that delegation', () => {
    const s = session();
    s.submit(R.norlandCert, C.assess(2));
    expect(s.state.latestAssessment.norland?.severity).toBe(2);
  });
});
