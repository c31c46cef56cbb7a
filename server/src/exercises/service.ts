/**
 * Exercises and workshops as a trainer and a facilitator handle them: create a workshop (and its trainer token),
 * create an exercise from a library scenario with its join codes, check tokens, resolve, revoke and reissue codes.
 * The rules of play are the engine's; this service only sets exercises up and says who may join them as what.
 */
import { randomInt } from 'node:crypto';
import { closest, type Role, type Scenario } from '@parley/shared';
import type { EventStore, ExerciseRecord, SeatCode, WorkshopRecord } from '../store/types.ts';
import { checkOptions } from './checkOptions.ts';
import { formatCode, generateCode, generateId, parseCode } from './codes.ts';
import { type CreateExerciseInput, type CreateWorkshopInput, MAX_SEED } from './inputs.ts';
import type { ScenarioLibrary } from './library.ts';
import { fail, ok, type Result } from './result.ts';
import { roleLabel, roleRank, sameRole } from './roles.ts';
import { ScenarioCache } from './scenarioCache.ts';
import { generateToken, hashSecret, verifySecret } from './secrets.ts';

export type CodeStatus = 'active' | 'revoked';

/** A join code as the facilitator sees it. */
export type IssuedCode = {
  /** Stored form, `ABCDEFGH`. */
  readonly code: string;
  /** `ABCD-EFGH`. */
  readonly display: string;
  readonly role: Role;
  /** e.g. "Norland · Foreign ministry". */
  readonly label: string;
  readonly status: CodeStatus;
  readonly createdAt: number;
  readonly revokedAt: number | null;
};

export type CreatedExercise = {
  readonly exercise: ExerciseRecord;
  /** The generated facilitator token, shown once; null when the facilitator chose a passphrase. */
  readonly facilitatorToken: string | null;
  readonly codes: readonly IssuedCode[];
};

export type ExerciseServiceDeps = {
  readonly store: EventStore;
  readonly library: ScenarioLibrary;
  /** Wall clock in milliseconds (tests pass their own). */
  readonly now?: () => number;
};

export class ExerciseService {
  readonly store: EventStore;
  readonly library: ScenarioLibrary;
  private readonly now: () => number;
  private readonly scenarios = new ScenarioCache();

  constructor(deps: ExerciseServiceDeps) {
    this.store = deps.store;
    this.library = deps.library;
    this.now = deps.now ?? Date.now;
  }

  async createWorkshop(input: CreateWorkshopInput): Promise<{ workshop: WorkshopRecord; trainerToken: string }> {
    const trainerToken = generateToken();
    const workshop: WorkshopRecord = {
      id: await this.freshId((id) => this.store.getWorkshop(id)),
      title: input.title,
      trainerSecret: await hashSecret(trainerToken),
      createdAt: this.now(),
    };
    await this.store.createWorkshop(workshop);
    return { workshop, trainerToken };
  }

  async createExercise(
    input: CreateExerciseInput,
    auth: { readonly trainerToken?: string | null } = {},
  ): Promise<Result<CreatedExercise>> {
    const found = this.library.find(input.scenarioId);
    if (!found) {
      const ids = this.library.list().flatMap((i) => (i.ok ? [i.scenario.id] : []));
      const near = closest(input.scenarioId, ids);
      return fail(
        'not-found',
        `There is no scenario "${input.scenarioId}" in the library${near ? ` (did you mean "${near}"?)` : ''}. ` +
          `Available: ${ids.join(', ') || 'none'}.`,
      );
    }
    const { scenario, source } = found;
    if (input.workshopId !== undefined) {
      const trainer = await this.authorizeTrainer(input.workshopId, auth.trainerToken ?? null);
      if (!trainer.ok) return trainer;
    }
    const problem = checkOptions(input, scenario);
    if (problem) return fail('invalid', problem);

    const facilitatorToken = input.facilitatorPassphrase === undefined ? generateToken() : null;
    const now = this.now();
    const exercise: ExerciseRecord = {
      id: await this.freshId((id) => this.store.getExercise(id)),
      scenarioId: scenario.id,
      scenarioSource: source,
      options: {
        seed: input.seed ?? randomInt(0, MAX_SEED),
        ...(input.ruleModes && Object.keys(input.ruleModes).length > 0 ? { ruleModes: input.ruleModes } : {}),
      },
      label: input.label ?? this.scenarios.title(scenario),
      workshopId: input.workshopId ?? null,
      facilitatorSecret: await hashSecret(facilitatorToken ?? input.facilitatorPassphrase ?? ''),
      createdAt: now,
      status: 'open',
      endedAt: null,
      bots: {},
    };
    const roles: Role[] = [
      ...scenario.delegations.flatMap((d) =>
        d.seats.map((s): Role => ({ kind: 'delegation', delegation: d.id, seat: s.id })),
      ),
      ...(input.evaluators ?? [{ delegations: 'all' as const }]).map(
        (e): Role => ({ kind: 'evaluator', delegations: e.delegations ?? 'all' }),
      ),
      ...Array.from({ length: input.observers ?? 1 }, (): Role => ({ kind: 'observer' })),
    ];
    const taken = new Set<string>();
    const codes: SeatCode[] = [];
    for (const role of roles) {
      codes.push({ code: await this.freshCode(taken), exerciseId: exercise.id, role, createdAt: now, revokedAt: null });
    }
    await this.store.createExercise(exercise, codes);
    this.scenarios.remember(exercise.id, scenario);
    return ok({ exercise, facilitatorToken, codes: codes.map((c) => this.issued(c, scenario)) });
  }

  /** The exercise, if `token` is its facilitator token or passphrase. */
  async authorizeFacilitator(exerciseId: string, token: string | null): Promise<Result<ExerciseRecord>> {
    const exercise = await this.store.getExercise(exerciseId);
    if (!exercise) return fail('not-found', `There is no exercise "${exerciseId}".`);
    if (!token) return fail('unauthorized', 'This needs the facilitator token or passphrase of the exercise.');
    if (!(await verifySecret(token, exercise.facilitatorSecret))) {
      return fail('unauthorized', 'That is not the facilitator token or passphrase of this exercise.');
    }
    return ok(exercise);
  }

  /** The workshop, if `token` is its trainer token. */
  async authorizeTrainer(workshopId: string, token: string | null): Promise<Result<WorkshopRecord>> {
    const workshop = await this.store.getWorkshop(workshopId);
    if (!workshop) return fail('not-found', `There is no workshop "${workshopId}".`);
    if (!token) return fail('unauthorized', 'This needs the trainer token of the workshop.');
    if (!(await verifySecret(token, workshop.trainerSecret))) {
      return fail('unauthorized', 'That is not the trainer token of this workshop.');
    }
    return ok(workshop);
  }

  /** What a typed join code opens: the code (active) and its exercise. */
  async resolveCode(input: string): Promise<Result<{ code: SeatCode; exercise: ExerciseRecord }>> {
    const parsed = parseCode(input);
    if (!parsed.ok) return fail('invalid', parsed.message);
    const code = await this.store.findCode(parsed.code);
    const exercise = code ? await this.store.getExercise(code.exerciseId) : null;
    if (!code || !exercise) {
      return fail('unknown-code', `${formatCode(parsed.code)} is not a join code of any exercise here; check it.`);
    }
    if (code.revokedAt !== null) {
      return fail('revoked-code', `${formatCode(parsed.code)} was withdrawn by the facilitator; ask for a new code.`);
    }
    return ok({ code, exercise });
  }

  /** The exercise's codes, seats first in scenario order. */
  async codesOf(exercise: ExerciseRecord): Promise<IssuedCode[]> {
    const scenario = this.scenarioOf(exercise);
    const codes = await this.store.listCodes(exercise.id);
    return codes
      .map((c) => this.issued(c, scenario))
      .sort((a, b) => roleRank(a.role, scenario) - roleRank(b.role, scenario) || a.createdAt - b.createdAt);
  }

  /** Withdraws a code of this exercise (again: no change). */
  async revokeCode(exercise: ExerciseRecord, input: string): Promise<Result<IssuedCode>> {
    const found = await this.codeOf(exercise, input);
    if (!found.ok) return found;
    await this.store.revokeCode(found.value.code, this.now());
    const after = (await this.store.findCode(found.value.code)) ?? found.value;
    return ok(this.issued(after, this.scenarioOf(exercise)));
  }

  /**
   * A new code for the same role; the old one is withdrawn. A withdrawn code can be reissued only while its role has
   * no active code, so that a seat never has two.
   */
  async reissueCode(
    exercise: ExerciseRecord,
    input: string,
  ): Promise<Result<{ readonly issued: IssuedCode; readonly revoked: IssuedCode }>> {
    const found = await this.codeOf(exercise, input);
    if (!found.ok) return found;
    const old = found.value;
    const scenario = this.scenarioOf(exercise);
    if (old.revokedAt !== null) {
      const active = (await this.store.listCodes(exercise.id)).find(
        (c) => c.revokedAt === null && sameRole(c.role, old.role),
      );
      if (active) {
        return fail(
          'conflict',
          `${formatCode(old.code)} was already withdrawn and ${roleLabel(old.role, scenario)} has the code ` +
            `${formatCode(active.code)}; reissue that one instead.`,
        );
      }
    }
    const now = this.now();
    const fresh: SeatCode = {
      code: await this.freshCode(new Set()),
      exerciseId: exercise.id,
      role: old.role,
      createdAt: now,
      revokedAt: null,
    };
    await this.store.putCode(fresh);
    await this.store.revokeCode(old.code, now);
    const revoked = (await this.store.findCode(old.code)) ?? { ...old, revokedAt: now };
    return ok({ issued: this.issued(fresh, scenario), revoked: this.issued(revoked, scenario) });
  }

  /** The exercises of a workshop, oldest first, for its trainer. */
  async listWorkshopExercises(
    workshopId: string,
    trainerToken: string | null,
  ): Promise<Result<{ readonly workshop: WorkshopRecord; readonly exercises: ExerciseRecord[] }>> {
    const workshop = await this.authorizeTrainer(workshopId, trainerToken);
    if (!workshop.ok) return workshop;
    return ok({ workshop: workshop.value, exercises: await this.store.listExercises({ workshopId }) });
  }

  /** The scenario an exercise is played with (its stored source, parsed once). */
  scenarioOf(exercise: ExerciseRecord): Scenario {
    return this.scenarios.of(exercise);
  }

  /** The scenario's title in its fallback language. */
  scenarioTitle(exercise: ExerciseRecord): string {
    return this.scenarios.title(this.scenarioOf(exercise));
  }

  private async codeOf(exercise: ExerciseRecord, input: string): Promise<Result<SeatCode>> {
    const parsed = parseCode(input);
    if (!parsed.ok) return fail('invalid', parsed.message);
    const code = await this.store.findCode(parsed.code);
    if (!code || code.exerciseId !== exercise.id) {
      return fail('not-found', `${formatCode(parsed.code)} is not a join code of this exercise.`);
    }
    return ok(code);
  }

  private issued(c: SeatCode, scenario: Scenario): IssuedCode {
    return {
      code: c.code,
      display: formatCode(c.code),
      role: c.role,
      label: roleLabel(c.role, scenario),
      status: c.revokedAt === null ? 'active' : 'revoked',
      createdAt: c.createdAt,
      revokedAt: c.revokedAt,
    };
  }

  /** A code no exercise uses yet (and not in `taken`); 40 bits make a second try all but unheard of. */
  private async freshCode(taken: Set<string>): Promise<string> {
    for (;;) {
      const code = generateCode();
      if (!taken.has(code) && !(await this.store.findCode(code))) {
        taken.add(code);
        return code;
      }
    }
  }

  private async freshId(exists: (id: string) => Promise<unknown>): Promise<string> {
    for (;;) {
      const id = generateId();
      if (!(await exists(id))) return id;
    }
  }
}
