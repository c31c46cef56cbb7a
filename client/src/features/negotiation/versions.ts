/**
 * The texts of the versions this browser has seen. A proposal carries its current clauses and the amendments'
 * new texts, not the text each amendment replaced; the console remembers every version it was shown (in the tab's
 * session storage, so a reload keeps them) to compare a clause with what it said before.
 */
import type { Proposal } from '@parley/shared/engine/types.ts';

export type Clauses = Proposal['clauses'];

/** The part of the Web Storage API used here. */
export type TextStore = { getItem(key: string): string | null; setItem(key: string, value: string): void };

export type VersionMemory = {
  /** Keep the current version of each proposal. */
  remember(proposals: readonly Proposal[]): void;
  /** The clauses of a version seen before, if this browser saw it. */
  clausesAt(proposal: string, version: number): Clauses | undefined;
};

type Saved = Record<string, Record<string, Clauses>>;

export function createVersionMemory(store: TextStore | null, key: string): VersionMemory {
  let saved: Saved = {};
  try {
    saved = JSON.parse(store?.getItem(key) ?? '{}') as Saved;
  } catch {
    saved = {};
  }
  return {
    remember(proposals) {
      let changed = false;
      for (const p of proposals) {
        const versions = saved[p.id] ?? {};
        if (versions[p.version] !== undefined) continue;
        saved = { ...saved, [p.id]: { ...versions, [p.version]: p.clauses } };
        changed = true;
      }
      if (!changed || !store) return;
      try {
        store.setItem(key, JSON.stringify(saved));
      } catch {
        // A full or disabled storage only loses the comparison after a reload.
      }
    },
    clausesAt: (proposal, version) => saved[proposal]?.[version],
  };
}

const memories = new Map<string, VersionMemory>();

function sessionStore(): TextStore | null {
  try {
    return (globalThis as { sessionStorage?: TextStore }).sessionStorage ?? null;
  } catch {
    return null;
  }
}

/** This tab's memory of the versions of one exercise's proposals. */
export function versionMemory(exercise: string): VersionMemory {
  let memory = memories.get(exercise);
  if (!memory) {
    memory = createVersionMemory(sessionStore(), `parley.texts.${exercise}`);
    memories.set(exercise, memory);
  }
  return memory;
}
