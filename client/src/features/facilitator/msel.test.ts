import type { MselEntry } from '@parley/shared/engine/viewTypes.ts';
import { describe, expect, it } from 'vitest';
import { isOpen, mselOrder, SPEEDS } from './msel.ts';

const entry = (id: string, status: MselEntry['status'], dueAt: number | null): MselEntry => ({
  id,
  title: id,
  status,
  trigger: dueAt === null ? 'manual' : 'at',
  dueAt,
  settledAt: null,
  phase: null,
  to: 'all',
  edits: {},
  expects: null,
  objective: null,
  notes: null,
  body: id,
});

describe('the MSEL panel', () => {
  it('lists timed injects by due time, then the untimed ones in scenario order', () => {
    const msel = [
      entry('manual_b', 'pending', null),
      entry('at_10', 'scheduled', 600_000),
      entry('manual_a', 'pending', null),
      entry('at_0', 'released', 0),
    ];
    expect(mselOrder(msel).map((e) => e.id)).toEqual(['at_0', 'at_10', 'manual_b', 'manual_a']);
  });

  it('offers release and skip only for injects that have not gone out, been skipped or lapsed', () => {
    const open = (['pending', 'scheduled', 'released', 'skipped', 'lapsed'] as const).filter((s) =>
      isOpen(entry('x', s, null)),
    );
    expect(open).toEqual(['pending', 'scheduled']);
  });

  it('offers only speeds the protocol accepts, with real time among them', () => {
    expect(SPEEDS).toContain(1);
    for (const s of SPEEDS) expect(s >= 0.25 && s <= 60).toBe(true);
  });
});
