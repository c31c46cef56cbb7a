/** An in-memory event store for tests: the same contract as the durable ones, nothing kept across processes. */
import type { ExerciseEvent } from '@parley/shared';
import { checkNewStudioDocument, studioVersionRefusal } from './rows.ts';
import {
  type EventStore,
  type ExerciseRecord,
  type SeatCode,
  StoreError,
  type StudioDeletedFilter,
  type StudioDocumentRecord,
  type StudioListing,
  type StudioVersionInfo,
  type StudioVersionRecord,
  type WorkshopRecord,
} from './types.ts';

const withoutSource = ({ source: _source, ...info }: StudioVersionRecord): StudioVersionInfo => info;

export class MemoryStore implements EventStore {
  private readonly workshops = new Map<string, WorkshopRecord>();
  private readonly exercises = new Map<string, ExerciseRecord>();
  private readonly logs = new Map<string, ExerciseEvent[]>();
  private readonly codes = new Map<string, SeatCode>();
  private readonly documents = new Map<string, StudioDocumentRecord>();
  /** Versions of each document, version n at index n - 1. */
  private readonly versions = new Map<string, StudioVersionRecord[]>();

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

  async createStudioDocument(document: StudioDocumentRecord, first: StudioVersionRecord): Promise<void> {
    checkNewStudioDocument(document, first);
    if (this.documents.has(document.id)) throw new StoreError(`studio document ${document.id} exists`);
    this.documents.set(document.id, structuredClone(document));
    this.versions.set(document.id, [structuredClone(first)]);
  }

  async getStudioDocument(id: string): Promise<StudioDocumentRecord | null> {
    const d = this.documents.get(id);
    return d ? structuredClone(d) : null;
  }

  async listStudioDocuments(filter: { readonly deleted?: StudioDeletedFilter } = {}): Promise<StudioListing[]> {
    const deleted = filter.deleted ?? 'exclude';
    return [...this.documents.values()]
      .filter((d) => deleted === 'include' || (deleted === 'only') === (d.deletedAt !== null))
      .sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .flatMap((d) => {
        const latest = this.versions.get(d.id)?.[d.latestVersion - 1];
        return latest ? [{ document: structuredClone(d), latest: structuredClone(withoutSource(latest)) }] : [];
      });
  }

  async addStudioVersion(version: StudioVersionRecord): Promise<void> {
    const document = this.documents.get(version.documentId) ?? null;
    const refusal = studioVersionRefusal(version, document);
    if (refusal) throw refusal;
    if (!document) return;
    this.versions.get(document.id)?.push(structuredClone(version));
    this.documents.set(document.id, { ...document, latestVersion: version.version, updatedAt: version.createdAt });
  }

  async getStudioVersion(documentId: string, version: number): Promise<StudioVersionRecord | null> {
    const found = Number.isInteger(version) && version >= 1 ? this.versions.get(documentId)?.[version - 1] : undefined;
    return found ? structuredClone(found) : null;
  }

  async listStudioVersions(documentId: string): Promise<StudioVersionInfo[]> {
    return (this.versions.get(documentId) ?? []).map((v) => structuredClone(withoutSource(v))).reverse();
  }

  async setStudioDeleted(documentId: string, deletedAt: number | null): Promise<void> {
    const d = this.documents.get(documentId);
    if (!d) throw new StoreError(`no studio document ${documentId}`);
    this.documents.set(documentId, { ...d, deletedAt });
  }
}
