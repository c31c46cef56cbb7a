/**
 * Test support for the host: a fake wall clock whose timers run when the test moves time, an exercise record over
 * the engine's test scenario ("Grey Tide", stored as JSON, which is YAML), and a store wrapper that can hold or fail
 * appends. (Used by tests only.)
 */
import type { ExerciseEvent } from '@parley/shared';
import { testScenarioInput } from '@parley/shared/engine/testScenario.ts';
import { MemoryStore } from '../store/memoryStore.ts';
import type { ExerciseRecord } from '../store/types.ts';
import type { WallClock } from './clock.ts';

type Timer = { at: number; fn: () => void; id: number };

/** Wall time that moves only when told; `advance` runs due timers in order and lets promises settle between. */
export class FakeWall implements WallClock {
  t = 1_000_000;
  private timers: Timer[] = [];
  private nextId = 1;

  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const timer = { at: this.t + Math.max(0, ms), fn, id: this.nextId++ };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  get pending(): number {
    return this.timers.length;
  }

  /** Move time forward by `ms`, firing every timer due on the way (each at its own time). */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await settle();
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.t = Math.max(this.t, due.at);
      due.fn();
    }
    this.t = end;
    await settle();
  }
}

/** Let pending promise callbacks run (several rounds: store writes chain a few). */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export const GREY_TIDE_SOURCE = JSON.stringify(testScenarioInput, null, 1);

export function exerciseRecord(overrides: Partial<ExerciseRecord> = {}): ExerciseRecord {
  return {
    id: 'ex-1',
    scenarioId: 'grey-tide',
    scenarioSource: GREY_TIDE_SOURCE,
    options: { seed: 7 },
    label: 'Test exercise',
    workshopId: null,
    facilitatorSecret: 'salt:hash',
    createdAt: 0,
    status: 'open',
    endedAt: null,
    bots: {},
    ...overrides,
  };
}

/** A memory store whose appends can be held back (until `release()`) or made to fail once. */
export class TestStore extends MemoryStore {
  appends: ExerciseEvent[][] = [];
  failNext = false;
  private held: (() => void)[] | null = null;

  hold(): void {
    this.held ??= [];
  }

  release(): void {
    const waiting = this.held ?? [];
    this.held = null;
    for (const go of waiting) go();
  }

  override async appendEvents(exerciseId: string, events: readonly ExerciseEvent[]): Promise<void> {
    if (this.held) await new Promise<void>((resolve) => this.held?.push(resolve));
    if (this.failNext) {
      this.failNext = false;
      throw new Error('disk full');
    }
    await super.appendEvents(exerciseId, events);
    this.appends.push([...events]);
  }
}
