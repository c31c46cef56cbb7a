/** The exercise service as a trainer and a facilitator use it, against the in-memory store and a small library. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minimalScenarioYaml } from '@parley/shared/scenario/fixtures.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../store/memoryStore.ts';
import { ScenarioLibrary } from './library.ts';
import type { Result } from './result.ts';
import { ExerciseService } from './service.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-service-'));
writeFileSync(join(dir, 'drill.yaml'), minimalScenarioYaml);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function setup() {
  let now = 1_000;
  const store = new MemoryStore();
  const service = new ExerciseService({ store, library: new ScenarioLibrary(dir), now: () => now++ });
  return { store, service };
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function error<T>(result: Result<T>) {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('ExerciseService', () => {
  it('creates an exercise with one code per seat, an evaluator and an observer, and a facilitator token', async () => {
    const { service, store } = setup();
    const created = value(await service.createExercise({ scenarioId: 'blackout-drill' }));
    expect(created.exercise).toMatchObject({ scenarioId: 'blackout-drill', label: 'Blackout drill', status: 'open' });
    expect(created.exercise.scenarioSource).toBe(minimalScenarioYaml);
    expect(created.exercise.id).toMatch(/^[2-9a-z]{10}$/);
    expect(created.codes.map((c) => c.label)).toEqual([
      'Norland · Foreign ministry',
      'Norland · National CERT',
      'Sudmark · Foreign ministry',
      'GridCo · Security operations centre',
      'Evaluator · all delegations',
      'Observer',
    ]);
    expect(
      created.codes.every((c) => c.status === 'active' && c.display === `${c.code.slice(0, 4)}-${c.code.slice(4)}`),
    ).toBe(true);
    expect(new Set(created.codes.map((c) => c.code)).size).toBe(6);
    expect(created.facilitatorToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(created.exercise.facilitatorSecret).not.toContain(created.facilitatorToken);
    expect(await store.listCodes(created.exercise.id)).toHaveLength(6);
    expect(Number.isInteger(created.exercise.options.seed)).toBe(true);
    value(await service.authorizeFacilitator(created.exercise.id, created.facilitatorToken));
  });

  it('takes a label, seed, passphrase, rule modes, evaluator assignments and observer count', async () => {
    const { service } = setup();
    const created = value(
      await service.createExercise({
        scenarioId: 'blackout-drill',
        label: 'Table 3',
        seed: 7,
        facilitatorPassphrase: 'long enough passphrase',
        ruleModes: { 'consult-first': 'block', 'ack-pings': 'record' },
        evaluators: [{ delegations: ['norland'] }, { delegations: ['sudmark', 'gridco'] }],
        observers: 0,
      }),
    );
    expect(created.facilitatorToken).toBeNull();
    expect(created.exercise.label).toBe('Table 3');
    expect(created.exercise.options).toEqual({
      seed: 7,
      ruleModes: { 'consult-first': 'block', 'ack-pings': 'record' },
    });
    expect(created.codes.slice(4).map((c) => c.label)).toEqual(['Evaluator · Norland', 'Evaluator · Sudmark, GridCo']);
    value(await service.authorizeFacilitator(created.exercise.id, 'long enough passphrase'));
    expect(error(await service.authorizeFacilitator(created.exercise.id, 'long enough passphras')).code).toBe(
      'unauthorized',
    );
  });

  it('refuses what the scenario does not have, saying what it has', async () => {
    const { service } = setup();
    const unknown = error(await service.createExercise({ scenarioId: 'blackout-dril' }));
    expect(unknown).toEqual({
      code: 'not-found',
      message:
        'There is no scenario "blackout-dril" in the library (did you mean "blackout-drill"?). Available: blackout-drill.',
    });
    const rule = error(
      await service.createExercise({ scenarioId: 'blackout-drill', ruleModes: { 'consult-frst': 'warn' } }),
    );
    expect(rule.message).toMatch(/"consult-frst" is not a rule of blackout-drill \(did you mean "consult-first"\?\)/);
    const deadline = error(
      await service.createExercise({ scenarioId: 'blackout-drill', ruleModes: { 'ack-pings': 'block' } }),
    );
    expect(deadline.message).toMatch(/deadline rule, which can only warn or record/);
    const evaluator = error(
      await service.createExercise({ scenarioId: 'blackout-drill', evaluators: [{ delegations: ['atlantis'] }] }),
    );
    expect(evaluator).toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/"atlantis" is not a delegation/),
    });
  });

  it('attaches exercises to a workshop only with its trainer token, and lists them for the trainer', async () => {
    const { service } = setup();
    const { workshop, trainerToken } = await service.createWorkshop({ title: 'Spring course' });
    expect(error(await service.createExercise({ scenarioId: 'blackout-drill', workshopId: workshop.id })).code).toBe(
      'unauthorized',
    );
    expect(
      error(
        await service.createExercise({ scenarioId: 'blackout-drill', workshopId: workshop.id }, { trainerToken: 'x' }),
      ).code,
    ).toBe('unauthorized');
    expect(
      error(await service.createExercise({ scenarioId: 'blackout-drill', workshopId: 'nope' }, { trainerToken })).code,
    ).toBe('not-found');
    const a = value(
      await service.createExercise(
        { scenarioId: 'blackout-drill', workshopId: workshop.id, label: 'A' },
        { trainerToken },
      ),
    );
    value(await service.createExercise({ scenarioId: 'blackout-drill', label: 'elsewhere' }));
    const b = value(
      await service.createExercise(
        { scenarioId: 'blackout-drill', workshopId: workshop.id, label: 'B' },
        { trainerToken },
      ),
    );
    const listed = value(await service.listWorkshopExercises(workshop.id, trainerToken));
    expect(listed.workshop.title).toBe('Spring course');
    expect(listed.exercises.map((e) => e.id)).toEqual([a.exercise.id, b.exercise.id]);
    expect(error(await service.listWorkshopExercises(workshop.id, null)).code).toBe('unauthorized');
    expect(error(await service.listWorkshopExercises('nope', trainerToken)).code).toBe('not-found');
  });

  it('resolves a typed code to its role and exercise, and refuses unknown, malformed and withdrawn codes', async () => {
    const { service } = setup();
    const { exercise, codes } = value(await service.createExercise({ scenarioId: 'blackout-drill' }));
    const seat = codes[2];
    if (!seat) throw new Error('no seat');
    const typed = ` ${seat.display.toLowerCase()} `;
    const resolved = value(await service.resolveCode(typed));
    expect(resolved.exercise.id).toBe(exercise.id);
    expect(resolved.code.role).toEqual({ kind: 'delegation', delegation: 'sudmark', seat: 'mfa' });
    expect(error(await service.resolveCode('2222-2222'))).toEqual({
      code: 'unknown-code',
      message: '2222-2222 is not a join code of any exercise here; check it.',
    });
    expect(error(await service.resolveCode('OOOO-IIII')).code).toBe('invalid');
    value(await service.revokeCode(exercise, seat.code));
    expect(error(await service.resolveCode(typed))).toMatchObject({ code: 'revoked-code' });
  });

  it('revokes and reissues codes: the same role gets a new code, the old one stops working', async () => {
    const { service } = setup();
    const { exercise, codes } = value(await service.createExercise({ scenarioId: 'blackout-drill' }));
    const other = value(await service.createExercise({ scenarioId: 'blackout-drill' }));
    const old = codes[0];
    if (!old) throw new Error('no code');

    const { issued, revoked } = value(await service.reissueCode(exercise, old.display));
    expect(issued.role).toEqual(old.role);
    expect(issued.code).not.toBe(old.code);
    expect(revoked).toMatchObject({ code: old.code, status: 'revoked' });
    expect(value(await service.resolveCode(issued.code)).code.role).toEqual(old.role);
    expect(error(await service.resolveCode(old.code)).code).toBe('revoked-code');
    const listed = await service.codesOf(exercise);
    expect(listed.filter((c) => c.status === 'active')).toHaveLength(6);
    expect(listed[0]?.label).toBe('Norland · Foreign ministry');

    const again = error(await service.reissueCode(exercise, old.code));
    expect(again.code).toBe('conflict');
    expect(again.message).toContain(issued.display);
    const withdrawn = value(await service.revokeCode(exercise, issued.code));
    expect(withdrawn.status).toBe('revoked');
    const revived = value(await service.reissueCode(exercise, old.code));
    expect(revived.issued.role).toEqual(old.role);

    expect(error(await service.revokeCode(other.exercise, revived.issued.code)).code).toBe('not-found');
    expect(error(await service.reissueCode(exercise, 'nonsense!')).code).toBe('invalid');
  });

  it('gives back the scenario an exercise was created from, even after the library changed', async () => {
    const { service, store } = setup();
    const { exercise } = value(await service.createExercise({ scenarioId: 'blackout-drill' }));
    const fresh = new ExerciseService({ store, library: new ScenarioLibrary(join(dir, 'gone')) });
    const stored = await store.getExercise(exercise.id);
    if (!stored) throw new Error('not stored');
    expect(fresh.scenarioOf(stored).id).toBe('blackout-drill');
    expect(fresh.scenarioTitle(stored)).toBe('Blackout drill');
  });
});
