/**
 * The authorization matrix through real rooms: every role (the facilitator, each delegation seat, an evaluator, an
 * observer) sends every command type (evaluators may only record observations, which the facilitator may too). A role that may send the type is never refused for its role (it is accepted,
 * or refused for a reason of state with a message); any other combination is refused for its role, with a message
 * saying who may, and the log does not grow. Driven by the protocol's own type lists, so a new command type is
 * covered (and needs a sample in helpers/commands.ts) as soon as it exists.
 */
import {
  type CommandType,
  EVALUATOR_COMMAND_TYPES,
  FACILITATOR_COMMAND_TYPES,
  PARTICIPANT_COMMAND_TYPES,
  type Role,
} from '@parley/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GREY_TIDE_ROLES, PLACEHOLDER_REFS, SAMPLES } from './helpers/commands.ts';
import type { Seat } from './helpers/seat.ts';
import { startServer, type TestExercise, type TestServer } from './helpers/server.ts';

let server: TestServer;
let exercise: TestExercise;
const seats = new Map<string, Seat>();

// Delegations first (while play runs), the facilitator last (its exercise.end comes last of all).
const ROLE_ORDER = ['observer', 'evaluator', 'norland', 'norlandCert', 'vesteria', 'kestrel', 'facilitator'] as const;
const TYPES: CommandType[] = [
  ...PARTICIPANT_COMMAND_TYPES,
  ...EVALUATOR_COMMAND_TYPES,
  ...FACILITATOR_COMMAND_TYPES.filter((t) => t !== 'exercise.end'),
  'exercise.end',
];

const isEvaluatorType = (type: CommandType) => (EVALUATOR_COMMAND_TYPES as readonly string[]).includes(type);

function mayAct(role: Role, type: CommandType): boolean {
  if (isEvaluatorType(type)) return role.kind === 'facilitator' || role.kind === 'evaluator';
  const control = (FACILITATOR_COMMAND_TYPES as readonly string[]).includes(type);
  return role.kind === 'facilitator' ? control : role.kind === 'delegation' ? !control : false;
}

function roleRefusal(role: Role, type: CommandType): RegExp {
  if (isEvaluatorType(type)) return /^Only evaluators and the facilitator can record observations$/;
  switch (role.kind) {
    case 'observer':
      return /^Observers watch the exercise and cannot act$/;
    case 'evaluator':
      return /^Evaluators observe and record; they cannot act$/;
    case 'facilitator':
      return /^Only delegations can /;
    case 'delegation':
      return /^Only the facilitator can /;
  }
}

beforeAll(async () => {
  server = await startServer();
  exercise = await server.createExercise();
  for (const name of ROLE_ORDER) seats.set(name, await exercise.join(GREY_TIDE_ROLES[name]));
  await seats.get('facilitator')?.ok({ type: 'exercise.start' });
});

afterAll(async () => {
  await server?.close();
});

describe('authorization matrix', () => {
  it('covers every command type of the protocol', () => {
    expect(new Set(TYPES)).toEqual(
      new Set([...PARTICIPANT_COMMAND_TYPES, ...EVALUATOR_COMMAND_TYPES, ...FACILITATOR_COMMAND_TYPES]),
    );
    expect(Object.keys(SAMPLES).sort()).toEqual([...TYPES].sort());
  });

  const cases = ROLE_ORDER.flatMap((name) => TYPES.map((type) => [name, type] as const));
  it.each(cases)('%s × %s', async (name, type) => {
    const role: Role = GREY_TIDE_ROLES[name];
    const seat = seats.get(name) as Seat;
    const me = role.kind === 'delegation' ? role.delegation : 'norland';
    const command = SAMPLES[type]({ me, other: me === 'vesteria' ? 'norland' : 'vesteria', ...PLACEHOLDER_REFS });
    const before = (await exercise.log()).length;
    const reply = await seat.send(command);

    if (mayAct(role, type)) {
      expect(reply.type, JSON.stringify(reply)).not.toBe('error');
      if (reply.type === 'refused') {
        expect(reply.code).not.toBe('role');
        expect(reply.message.length).toBeGreaterThan(10);
      } else {
        expect((await exercise.log()).length).toBeGreaterThan(before);
      }
    } else {
      expect(reply).toMatchObject({
        type: 'refused',
        code: 'role',
        message: expect.stringMatching(roleRefusal(role, type)),
      });
      expect((await exercise.log()).length).toBe(before);
    }
  });

  it('let each allowed role be accepted for most commands (the samples are not all refused for state)', () => {
    const acks = seats.get('facilitator')?.received.filter((m) => m.type === 'ack').length ?? 0;
    const delegationAcks = seats.get('norland')?.received.filter((m) => m.type === 'ack').length ?? 0;
    expect(acks).toBeGreaterThanOrEqual(10);
    expect(delegationAcks).toBeGreaterThanOrEqual(6);
  });
});
