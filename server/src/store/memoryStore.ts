/** An in-memory event store for tests: the same contract as the durable ones, nothing kept across processes. */
import type { ExerciseEvent } from '@parley/shared';
import { type EventStore, type ExerciseRecord, type SeatCode, StoreError, type WorkshopRecord } from './types.ts';

export class MemoryStore implements EventStore {
  private readonly workshops = new Map<string, WorkshopRecord>();
  private readonly exercises = new Map<string, ExerciseRecord>();
  private readonly logs = new Map<string, ExerciseEvent[]>();
  private readonly codes = new Map<string, SeatCode>();

  async init(): Promise<void> {}
  async close(): Promise<void> {}

  async createWorkshop(workshop: WorkshopRecord): Promise<void> {
    if (this.workshops.has(workshop.id)) throw new StoreError(`workshop ${workshop.id} exists`);
    this.workshops.set(workshop.id, workshop);
  }

  async getWorkshop(id: string): Promise<WorkshopRecord | null> {
    return this.workshops.get(id) ?? null;
  }

  async createExercise(exercise: ExerciseRecord, codes: readonly SeatCode[]): Promise<void> {
    if (this.exercises.has(exercise.id)) throw new StoreError(`exercise ${exercise.id} exists`);
    if (exercise.workshopId !== null && !this.workshops.has(exercise.workshopId)) {
      throw new StoreError(`no workshop ${exercise.workshopId}`);
    }
    const fresh = new Set(codes.map((c) => c.code));
    if (fresh.size < codes.length || codes.some((c) => this.codes.has(c.code))) {
      throw new StoreError('duplicate join code');
    }
    this.exercises.set(exercise.id, exercise);
    this.logs.set(exercise.id, []);
    for (const c of codes) this.codes.set(c.code, c);
  }

  async getExercise(id: string): Promise<ExerciseRecord | null> {
    return this.exercises.get(id) ?? null;
  }

  async listExercises(filter: { status?: ExerciseRecord['status']; workshopId?: string } = {}) {
    return [...this.exercises.values()]
      .filter((e) => filter.status === undefined || e.status === filter.status)
      .filter((e) => filter.workshopId === undefined || e.workshopId === filter.workshopId)
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  async markEnded(id: string, endedAt: number): Promise<void> {
    const e = this.exercises.get(id);
    if (!e) throw new StoreError(`no exercise ${id}`);
    this.exercises.set(id, { ...e, status: 'ended', endedAt });
  }

  async setBots(id: string, bots: Readonly<Record<string, string>>): Promise<void> {
    const e = this.exercises.get(id);
    if (!e) throw new StoreError(`no exercise ${id}`);
    this.exercises.set(id, { ...e, bots: { ...bots } });
  }

  async appendEvents(exerciseId: string, events: readonly ExerciseEvent[]): Promise<void> {
    const log = this.logs.get(exerciseId);
    if (!log) throw new StoreError(`no exercise ${exerciseId}`);
    let last = log.at(-1)?.seq ?? 0;
    for (const e of events) {
      if (e.seq !== last + 1) throw new StoreError(`event seq ${e.seq} does not follow ${last} in ${exerciseId}`);
      last = e.seq;
    }
    log.push(...events.map((e) => structuredClone(e)));
  }

  async loadEvents(exerciseId: string, afterSeq = 0): Promise<ExerciseEvent[]> {
    return (this.logs.get(exerciseId) ?? []).filter((e) => e.seq > afterSeq).map((e) => structuredClone(e));
  }

  async findCode(code: string): Promise<SeatCode | null> {
    return this.codes.get(code) ?? null;
  }

  async listCodes(exerciseId: string): Promise<SeatCode[]> {
    return [...this.codes.values()]
      .filter((c) => c.exerciseId === exerciseId)
      .sort((a, b) => a.createdAt - b.createdAt || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }

  async putCode(code: SeatCode): Promise<void> {
    if (this.codes.has(code.code)) throw new StoreError('duplicate join code');
    if (!this.exercises.has(code.exerciseId)) throw new StoreError(`no exercise ${code.exerciseId}`);
    this.codes.set(code.code, code);
  }

  async revokeCode(code: string, revokedAt: number): Promise<void> {
    const c = this.codes.get(code);
    if (c && c.revokedAt === null) this.codes.set(code, { ...c, revokedAt });
  }
}
