/**
 * The event-store contract as one test suite, run against every implementation (memory, SQLite, PostgreSQL) by
 * `store.test.ts`. Each case opens a fresh, empty store from the factory.
 */
import type { ExerciseEvent } from '@parley/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { code, events, exercise, workshop } from './storeFixtures.ts';
import { type EventStore, type ExerciseRecord, StoreError } from './types.ts';

export type StoreFactory = {
  /** A fresh, empty, initialised store. */
  open(): Promise<EventStore>;
};

const seqs = (log: readonly ExerciseEvent[]) => log.map((e) => e.seq);

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
  });
}
