/**
 * The dry run's state, kept outside the component so that a run in progress and its results survive switching
 * tabs (the worker keeps playing meanwhile); a different document starts afresh.
 */

import type { PolicyName } from '@parley/shared/bots/policies.ts';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { RunDetail, RunOutcome, WorkerMessage, WorkerRequest } from './runs.ts';

export type Job =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly what: 'single' | 'compare'; readonly done: number; readonly total: number }
  | { readonly kind: 'error'; readonly message: string };

type DryRunState = {
  /** The document these results are about. */
  readonly documentId: string | null;
  readonly job: Job;
  readonly detail: RunDetail | null;
  readonly outcomes: readonly RunOutcome[] | null;
  /** The form: the policy chosen per delegation (unset: the default mix), the seed, the seeds per mix. */
  readonly choice: Readonly<Record<string, PolicyName>>;
  readonly seed: number;
  readonly seedCount: number;
  setForm(form: Partial<Pick<DryRunState, 'choice' | 'seed' | 'seedCount'>>): void;
  start(documentId: string | null, request: WorkerRequest): void;
  cancel(): void;
  /** Forget results about another document. */
  forDocument(documentId: string | null): void;
};

let worker: Worker | null = null;

function stop(): void {
  worker?.terminate();
  worker = null;
}

export const dryRunStore = createStore<DryRunState>()((set, get) => ({
  documentId: null,
  job: { kind: 'idle' },
  detail: null,
  outcomes: null,
  choice: {},
  seed: 1,
  seedCount: 3,
  setForm: (form) => set(form),
  start(documentId, request) {
    stop();
    const w = new Worker(new URL('./dryrun.worker.ts', import.meta.url), { type: 'module' });
    worker = w;
    const what = request.kind;
    const total = what === 'single' ? 1 : request.jobs.length;
    const collected: RunOutcome[] = [];
    set({
      documentId,
      job: { kind: 'running', what, done: 0, total },
      ...(what === 'compare' ? { outcomes: [] } : {}),
    });
    w.onmessage = (event: MessageEvent<WorkerMessage>) => {
      if (worker !== w) return;
      const m = event.data;
      if (m.kind === 'progress') {
        collected.push(m.outcome);
        set({
          job: { kind: 'running', what, done: m.done, total: m.total },
          ...(what === 'compare' ? { outcomes: [...collected] } : {}),
        });
      } else if (m.kind === 'detail') set({ detail: m.detail });
      else if (m.kind === 'done') {
        stop();
        set({ job: { kind: 'idle' } });
      } else {
        stop();
        set({ job: { kind: 'error', message: m.message } });
      }
    };
    w.onerror = (event) => {
      if (worker !== w) return;
      stop();
      set({ job: { kind: 'error', message: event.message || 'worker error' } });
    };
    w.postMessage(request);
  },
  cancel() {
    stop();
    set({ job: { kind: 'idle' } });
  },
  forDocument(documentId) {
    if (get().documentId === documentId) return;
    stop();
    set({ documentId, job: { kind: 'idle' }, detail: null, outcomes: null, choice: {}, seed: 1, seedCount: 3 });
  },
}));

export function useDryRun<T>(select: (s: DryRunState) => T): T {
  return useStore(dryRunStore, select);
}
