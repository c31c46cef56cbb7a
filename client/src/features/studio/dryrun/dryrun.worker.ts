/**
 * The dry run's worker: plays bot runs of a scenario at full speed, off the page's thread, and reports each run as
 * it ends (the page shows progress, and cancels by terminating the worker).
 */
import { compileScenario } from '@parley/shared/engine/compile.ts';
import { playRun, type WorkerMessage, type WorkerRequest } from './runs.ts';

type WorkerScope = {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerMessage): void;
};

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const request = event.data;
  try {
    const c = compileScenario(request.scenario);
    if (request.kind === 'single') {
      const detail = playRun(c, request.job, true);
      scope.postMessage({ kind: 'progress', done: 1, total: 1, outcome: detail.outcome });
      scope.postMessage({ kind: 'detail', detail });
    } else {
      const total = request.jobs.length;
      request.jobs.forEach((job, i) => {
        scope.postMessage({ kind: 'progress', done: i + 1, total, outcome: playRun(c, job, false) });
      });
    }
    scope.postMessage({ kind: 'done' });
  } catch (error) {
    scope.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
