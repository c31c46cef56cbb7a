/**
 * The event-store contract as one test suite, run against every implementation (memory, SQLite, PostgreSQL) by
 * `store.test.ts`. Each case opens a fresh, empty store from the factory.
 */
import type { ExerciseEvent } from '@parley/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { code, events, exercise, studioDocument, studioVersion, workshop } from './storeFixtures.ts';
import { type EventStore, type ExerciseRecord, StoreError, StudioConflict, type StudioVersionRecord } from './types.ts';

export type StoreFactory = {
  /** A fresh, empty, initialised store. */
  open(): Promise<EventStore>;
};

const seqs = (log: readonly ExerciseEvent[]) => log.map((e) => e.seq);
const info = ({ source: _source, ...rest }: StudioVersionRecord) => rest;

export function eventStoreContract(name: string, factory: StoreFactory): void {
  describe(`${name} event store`, () => {
    const opened: EventStore[] = [];
    const open = async () => {
      const store = await factory.open();
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    it('creates and finds workshops, refusing a second one with the same id', async () => {
      const store = await open();
      await store.createWorkshop(workshop('w1'));
      expect(await store.getWorkshop('w1')).toEqual(workshop('w1'));
      expect(await store.getWorkshop('nope')).toBeNull();
      await expect(store.createWorkshop({ ...workshop('w1'), title: 'again' })).rejects.toThrow(StoreError);
      expect((await store.getWorkshop('w1'))?.title).toBe('Workshop w1');
    });

    it('creates an exercise with its codes and gives back exactly what it was given', async () => {
      const store = await open();
      await store.createWorkshop(workshop('w1'));
      const record = exercise('e1', { workshopId: 'w1', bots: { sudmark: 'hawkish' } });
      const codes = [
        code('AAAAAAAA', 'e1'),
        code('BBBBBBBB', 'e1', { kind: 'evaluator', delegations: ['norland', 'sudmark'] }),
        code('CCCCCCCC', 'e1', { kind: 'observer' }),
      ];
      await store.createExercise(record, codes);
      expect(await store.getExercise('e1')).toEqual(record);
      expect(await store.listCodes('e1')).toEqual(codes);
      expect(await store.findCode('BBBBBBBB')).toEqual(codes[1]);
      expect(await store.getExercise('e2')).toBeNull();
      expect(await store.loadEvents('e1')).toEqual([]);
    });

    it('refuses a duplicate exercise, a taken code or an unknown workshop, writing nothing', async () => {
      const store = await open();
      await store.createExercise(exercise('e1'), [code('AAAAAAAA', 'e1')]);
      await expect(store.createExercise(exercise('e1', { label: 'other' }), [])).rejects.toThrow(StoreError);
      await expect(
        store.createExercise(exercise('e2'), [code('ZZZZZZZZ', 'e2'), code('AAAAAAAA', 'e2')]),
      ).rejects.toThrow(StoreError);
      await expect(store.createExercise(exercise('e3', { workshopId: 'ghost' }), [])).rejects.toThrow(StoreError);
      expect((await store.getExercise('e1'))?.label).toBe('Table e1');
      expect(await store.getExercise('e2')).toBeNull();
      expect(await store.getExercise('e3')).toBeNull();
      expect(await store.findCode('ZZZZZZZZ')).toBeNull();
      expect((await store.findCode('AAAAAAAA'))?.exerciseId).toBe('e1');
    });

    it('lists exercises by status and workshop in creation order, and records endings and bots', async () => {
      const store = await open();
      await store.createWorkshop(workshop('w1'));
      await store.createExercise(exercise('late', { createdAt: 3_000, workshopId: 'w1' }), []);
      await store.createExercise(exercise('early', { createdAt: 1_000, workshopId: 'w1' }), []);
      await store.createExercise(exercise('alone', { createdAt: 2_000 }), []);
      await store.markEnded('early', 9_000);
      await store.setBots('late', { norland: 'cooperative', gridco: 'passive' });

      const ids = (list: ExerciseRecord[]) => list.map((e) => e.id);
      expect(ids(await store.listExercises())).toEqual(['early', 'alone', 'late']);
      expect(ids(await store.listExercises({ status: 'open' }))).toEqual(['alone', 'late']);
      expect(ids(await store.listExercises({ workshopId: 'w1' }))).toEqual(['early', 'late']);
      expect(ids(await store.listExercises({ workshopId: 'w1', status: 'ended' }))).toEqual(['early']);
      expect(await store.getExercise('early')).toMatchObject({ status: 'ended', endedAt: 9_000 });
      expect((await store.getExercise('late'))?.bots).toEqual({ norland: 'cooperative', gridco: 'passive' });
      await store.setBots('late', {});
      expect((await store.getExercise('late'))?.bots).toEqual({});
      await expect(store.markEnded('ghost', 1)).rejects.toThrow(StoreError);
      await expect(store.setBots('ghost', {})).rejects.toThrow(StoreError);
    });

    it('appends batches and loads the log in order, whole or after a sequence number', async () => {
      const store = await open();
      await store.createExercise(exercise('e1'), []);
      await store.appendEvents('e1', events(1, 50));
      await store.appendEvents('e1', []);
      await store.appendEvents('e1', events(51, 3));
      const log = await store.loadEvents('e1');
      expect(log).toEqual([...events(1, 50), ...events(51, 3)]);
      expect(seqs(await store.loadEvents('e1', 50))).toEqual([51, 52, 53]);
      expect(await store.loadEvents('e1', 53)).toEqual([]);
    });

    it('refuses a batch with a gap or a repeat, or for an unknown exercise, and leaves the log unchanged', async () => {
      const store = await open();
      await store.createExercise(exercise('e1'), []);
      await expect(store.appendEvents('e1', events(2, 2))).rejects.toThrow(/seq 2 does not follow 0/);
      await store.appendEvents('e1', events(1, 3));
      const gap = [...events(4, 1), ...events(6, 1)];
      await expect(store.appendEvents('e1', gap)).rejects.toThrow(StoreError);
      await expect(store.appendEvents('e1', events(3, 2))).rejects.toThrow(StoreError);
      await expect(store.appendEvents('e1', [...events(4, 1), ...events(4, 1)])).rejects.toThrow(StoreError);
      await expect(store.appendEvents('ghost', events(1, 1))).rejects.toThrow(StoreError);
      expect(await store.loadEvents('e1')).toEqual(events(1, 3));
      await store.appendEvents('e1', events(4, 1));
      expect(seqs(await store.loadEvents('e1'))).toEqual([1, 2, 3, 4]);
      expect(await store.loadEvents('ghost')).toEqual([]);
    });

    it('adds, finds and revokes codes, keeping the first revocation time', async () => {
      const store = await open();
      await store.createExercise(exercise('e1'), [code('AAAAAAAA', 'e1')]);
      await store.putCode(code('DDDDDDDD', 'e1', { kind: 'observer' }, 5_000));
      await expect(store.putCode(code('AAAAAAAA', 'e1'))).rejects.toThrow(StoreError);
      await expect(store.putCode(code('EEEEEEEE', 'ghost'))).rejects.toThrow(StoreError);
      expect(await store.findCode('EEEEEEEE')).toBeNull();
      await store.revokeCode('AAAAAAAA', 6_000);
      await store.revokeCode('AAAAAAAA', 7_000);
      await store.revokeCode('NOSUCHCD', 7_000);
      expect(await store.findCode('AAAAAAAA')).toMatchObject({ revokedAt: 6_000 });
      expect(await store.findCode('DDDDDDDD')).toMatchObject({ revokedAt: null, role: { kind: 'observer' } });
      expect((await store.listCodes('e1')).map((c) => c.code)).toEqual(['AAAAAAAA', 'DDDDDDDD']);
      expect(await store.listCodes('ghost')).toEqual([]);
    });

    it('keeps two exercises apart under concurrent appends', async () => {
      const store = await open();
      await store.createExercise(exercise('a'), []);
      await store.createExercise(exercise('b'), []);
      const batches = (id: string) =>
        (async () => {
          for (let i = 0; i < 10; i++) await store.appendEvents(id, events(i * 5 + 1, 5));
        })();
      await Promise.all([batches('a'), batches('b')]);
      expect(seqs(await store.loadEvents('a'))).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(await store.loadEvents('b')).toEqual(events(1, 50));
    });

    it('lets exactly one of two racing writers extend a log', async () => {
      const store = await open();
      await store.createExercise(exercise('e1'), []);
      const results = await Promise.allSettled([
        store.appendEvents('e1', events(1, 5)),
        store.appendEvents('e1', events(1, 5)),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(seqs(await store.loadEvents('e1'))).toEqual([1, 2, 3, 4, 5]);
    });

    it('creates a studio document with its first version and gives back exactly what it was given', async () => {
      const store = await open();
      const doc = studioDocument('d1', { origin: { kind: 'upload', fileName: 'mine.yaml' } });
      const v1 = studioVersion('d1', 1);
      await store.createStudioDocument(doc, v1);
      expect(await store.getStudioDocument('d1')).toEqual(doc);
      expect(await store.getStudioVersion('d1', 1)).toEqual(v1);
      expect(await store.getStudioVersion('d1', 2)).toBeNull();
      expect(await store.getStudioVersion('d1', 0)).toBeNull();
      expect(await store.getStudioVersion('ghost', 1)).toBeNull();
      expect(await store.getStudioDocument('ghost')).toBeNull();
      expect(await store.listStudioVersions('d1')).toEqual([info(v1)]);
      expect(await store.listStudioVersions('ghost')).toEqual([]);
      expect(await store.listStudioDocuments()).toEqual([{ document: doc, latest: info(v1) }]);
    });

    it('refuses a second document with the same id, or a first version that is not version 1, writing nothing', async () => {
      const store = await open();
      await store.createStudioDocument(studioDocument('d1'), studioVersion('d1', 1));
      await expect(
        store.createStudioDocument(studioDocument('d1', { createdAt: 9 }), studioVersion('d1', 1, { author: 'x' })),
      ).rejects.toThrow(StoreError);
      await expect(store.createStudioDocument(studioDocument('d2'), studioVersion('d2', 2))).rejects.toThrow(
        StoreError,
      );
      await expect(store.createStudioDocument(studioDocument('d3'), studioVersion('other', 1))).rejects.toThrow(
        StoreError,
      );
      expect((await store.getStudioVersion('d1', 1))?.author).toBe('Trainer 1');
      expect(await store.getStudioDocument('d2')).toBeNull();
      expect(await store.getStudioDocument('d3')).toBeNull();
      expect(await store.getStudioVersion('other', 1)).toBeNull();
    });

    it('adds versions in order, newest first in the history, and moves the document on', async () => {
      const store = await open();
      await store.createStudioDocument(studioDocument('d1'), studioVersion('d1', 1));
      await store.addStudioVersion(studioVersion('d1', 2));
      await store.addStudioVersion(studioVersion('d1', 3, { valid: true, facts: studioVersion('d1', 1).facts }));
      expect(await store.getStudioDocument('d1')).toMatchObject({
        latestVersion: 3,
        updatedAt: 3_003,
        createdAt: 3_000,
      });
      expect((await store.listStudioVersions('d1')).map((v) => [v.version, v.valid, v.facts.errors])).toEqual([
        [3, true, 0],
        [2, false, 3],
        [1, true, 0],
      ]);
      expect(await store.getStudioVersion('d1', 2)).toEqual(studioVersion('d1', 2));
      expect((await store.listStudioDocuments())[0]?.latest).toEqual(
        info(studioVersion('d1', 3, { valid: true, facts: studioVersion('d1', 1).facts })),
      );
    });

    it('refuses a version that does not follow the latest with a conflict naming the latest', async () => {
      const store = await open();
      await store.createStudioDocument(studioDocument('d1'), studioVersion('d1', 1));
      await store.addStudioVersion(studioVersion('d1', 2));
      for (const stale of [2, 4, 1]) {
        const error = await store.addStudioVersion(studioVersion('d1', stale, { author: 'late' })).catch((e) => e);
        expect(error).toBeInstanceOf(StudioConflict);
        expect(error.latestVersion).toBe(2);
      }
      await expect(store.addStudioVersion(studioVersion('ghost', 2))).rejects.toThrow(StoreError);
      expect((await store.listStudioVersions('d1')).map((v) => v.author)).toEqual(['Trainer 2', 'Trainer 1']);
      expect((await store.getStudioDocument('d1'))?.latestVersion).toBe(2);
    });

    it('lets exactly one of two racing saves of the same version win', async () => {
      const store = await open();
      await store.createStudioDocument(studioDocument('d1'), studioVersion('d1', 1));
      const results = await Promise.allSettled([
        store.addStudioVersion(studioVersion('d1', 2, { author: 'Ana' })),
        store.addStudioVersion(studioVersion('d1', 2, { author: 'Bilal' })),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const lost = results.find((r) => r.status === 'rejected');
      expect(lost?.status === 'rejected' && lost.reason).toBeInstanceOf(StudioConflict);
      const versions = await store.listStudioVersions('d1');
      expect(versions.map((v) => v.version)).toEqual([2, 1]);
      expect(['Ana', 'Bilal']).toContain(versions[0]?.author);
    });

    it('lists documents by last save, hides deleted ones unless asked, and restores them', async () => {
      const store = await open();
      await store.createStudioDocument(
        studioDocument('old', { updatedAt: 1_000 }),
        studioVersion('old', 1, { createdAt: 1_000 }),
      );
      await store.createStudioDocument(studioDocument('b', { updatedAt: 3_001 }), studioVersion('b', 1));
      await store.createStudioDocument(studioDocument('a', { updatedAt: 3_001 }), studioVersion('a', 1));
      await store.addStudioVersion(studioVersion('old', 2, { createdAt: 9_000 }));
      const ids = async (deleted?: 'exclude' | 'only' | 'include') =>
        (await store.listStudioDocuments(deleted ? { deleted } : {})).map(
          (l) => `${l.document.id}@${l.latest.version}`,
        );
      expect(await ids()).toEqual(['old@2', 'a@1', 'b@1']);
      await store.setStudioDeleted('a', 10_000);
      expect(await ids()).toEqual(['old@2', 'b@1']);
      expect(await ids('exclude')).toEqual(['old@2', 'b@1']);
      expect(await ids('only')).toEqual(['a@1']);
      expect(await ids('include')).toEqual(['old@2', 'a@1', 'b@1']);
      expect(await store.getStudioDocument('a')).toMatchObject({ deletedAt: 10_000 });
      await expect(store.addStudioVersion(studioVersion('a', 2))).rejects.toThrow(/deleted/);
      expect(await store.getStudioVersion('a', 1)).toEqual(studioVersion('a', 1));
      await store.setStudioDeleted('a', null);
      expect(await ids('only')).toEqual([]);
      await store.addStudioVersion(studioVersion('a', 2, { createdAt: 11_000 }));
      expect(await ids()).toEqual(['a@2', 'old@2', 'b@1']);
      await expect(store.setStudioDeleted('ghost', 1)).rejects.toThrow(StoreError);
    });
  });
}
