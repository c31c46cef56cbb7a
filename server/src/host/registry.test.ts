import { MARKERS } from '@parley/shared/engine/testScenario.ts';
import { describe, expect, it } from 'vitest';
import { HostedElsewhere, HostRegistry } from './registry.ts';
import { exerciseRecord, FakeWall, TestStore } from './testKit.ts';

async function setup(records = [exerciseRecord()]) {
  const store = new TestStore();
  await store.createWorkshop({ id: 'w1', title: 'Workshop', trainerSecret: 'salt:hash', createdAt: 0 });
  for (const r of records) await store.createExercise(r, []);
  const wall = new FakeWall();
  return { store, wall, registry: new HostRegistry({ store, flushMs: 10, wall }) };
}

describe('HostRegistry', () => {
  it('opens one host per exercise however many ask at once, and null for an unknown id', async () => {
    const { registry } = await setup();
    let created = 0;
    registry.whenOpened(() => {
      created++;
    });
    const [a, b] = await Promise.all([registry.open('ex-1'), registry.open('ex-1')]);
    expect(a).toBe(b);
    expect(created).toBe(1);
    expect(await registry.open('nope')).toBeNull();
    expect(registry.isLive('ex-1')).toBe(true);
  });

  it('restores the unfinished exercises only', async () => {
    const { registry } = await setup([
      exerciseRecord({ id: 'open-1' }),
      exerciseRecord({ id: 'done-1', status: 'ended', endedAt: 5 }),
      exerciseRecord({ id: 'open-2' }),
    ]);
    const hosts = await registry.restoreAll();
    expect(hosts.map((h) => h.id).sort()).toEqual(['open-1', 'open-2']);
    expect(registry.hostedExercises()).toEqual(expect.arrayContaining(['open-1', 'open-2']));
    expect(registry.isLive('done-1')).toBe(false);
  });

  it('lets go of an exercise another process hosts, without writing anything', async () => {
    const { registry, store, wall } = await setup();
    registry.whenOpened(() => {
      throw new HostedElsewhere('elsewhere');
    });
    expect(await registry.open('ex-1')).toBeNull();
    expect(registry.isLive('ex-1')).toBe(false);
    await wall.advance(60_000);
    expect(store.appends).toEqual([]);
  });

  it('gives the live feed the public picture only, the figures and flush notices', async () => {
    const { registry, wall } = await setup([exerciseRecord({ workshopId: 'w1' })]);
    const host = await registry.open('ex-1');
    if (!host) throw new Error('not opened');
    const flushed: string[] = [];
    registry.onFlushed((id) => flushed.push(id));
    const done = host.submit({ kind: 'facilitator' }, 'c1', { type: 'exercise.start' });
    await wall.advance(20);
    expect((await done).ok).toBe(true);
    expect(flushed).toEqual(['ex-1']);

    const picture = registry.publicPicture('ex-1');
    expect(picture?.view.role).toBe('observer');
    expect(picture?.seq).toBe(host.committed.state.seq);
    const wire = JSON.stringify(picture);
    for (const marker of Object.values(MARKERS)) expect(wire).not.toContain(marker);
    expect(registry.stats('ex-1')).toMatchObject({ clients: { facilitator: 0 }, commandsPerMinute: 1, breaches: 0 });
    expect(registry.workshopOf('ex-1')).toBe('w1');
    expect(registry.publicPicture('other')).toBeNull();
  });

  it('refuses bot seats on an exercise it does not host, with a reason', async () => {
    const { registry } = await setup();
    await expect(registry.seatBot('ex-1', 'norland', 'passive')).rejects.toThrow(/not running on this server/);
    await registry.open('ex-1');
    await registry.seatBot('ex-1', 'norland', 'passive');
    await expect(registry.seatBot('ex-1', 'atlantis', 'passive')).rejects.toThrow(/no delegation "atlantis"/);
  });
});
