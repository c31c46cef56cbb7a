/**
 * Graceful shutdown: ordered steps, each with a time limit, each logged; a failing or hanging step does not stop the
 * ones after it (the store still gets closed if the feed hangs). For the app's `close()`:
 *
 *     const close = createShutdown([
 *       { name: 'stop accepting', run: () => stopAccepting() },
 *       { name: 'live feed', run: () => feed.close() },
 *       { name: 'rooms', run: () => gameServer.gracefullyShutdown(false), timeoutMs: 10_000 },
 *       { name: 'flush event log', run: () => registry.flushAll() },
 *       { name: 'store', run: () => store.close() },
 *       { name: 'http', run: () => closeHttp() },
 *     ], { logger });
 *     await close();      // runs once; later calls return the same promise
 *
 *     const uninstall = onShutdownSignals(close, { logger });   // SIGINT/SIGTERM → close, then exit 0 (1 on failure)
 *
 * A second signal while closing exits at once with status 1.
 */
import type { LogSink } from './logger.ts';

export type ShutdownStep = {
  readonly name: string;
  readonly run: () => unknown;
  /** Milliseconds this step may take (default: the shutdown's `stepTimeoutMs`). */
  readonly timeoutMs?: number;
};

export type StepOutcome = {
  readonly name: string;
  readonly outcome: 'done' | 'failed' | 'timed-out';
  readonly ms: number;
  readonly error?: string;
};

type ShutdownLogger = LogSink;

export type ShutdownOptions = {
  readonly logger: ShutdownLogger;
  /** Default per-step limit (5 s). */
  readonly stepTimeoutMs?: number;
};

async function runStep(step: ShutdownStep, timeoutMs: number, logger: ShutdownLogger): Promise<StepOutcome> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timed-out'>((resolve) => {
    timer = setTimeout(() => resolve('timed-out'), timeoutMs);
  });
  try {
    const result = await Promise.race([Promise.resolve().then(step.run), timedOut]);
    if (result === 'timed-out') {
      logger.warn({ step: step.name, timeoutMs }, 'shutdown: step timed out, going on');
      return { name: step.name, outcome: 'timed-out', ms: ms() };
    }
    logger.info({ step: step.name, ms: ms() }, 'shutdown: step done');
    return { name: step.name, outcome: 'done', ms: ms() };
  } catch (err) {
    logger.error({ step: step.name, err }, 'shutdown: step failed, going on');
    return { name: step.name, outcome: 'failed', ms: ms(), error: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs the steps in order, once: the returned function always answers with the same outcomes. */
export function createShutdown(
  steps: readonly ShutdownStep[],
  options: ShutdownOptions,
): () => Promise<readonly StepOutcome[]> {
  let running: Promise<readonly StepOutcome[]> | null = null;
  const run = async () => {
    const { logger } = options;
    logger.info({ steps: steps.map((s) => s.name) }, 'shutdown: starting');
    const outcomes: StepOutcome[] = [];
    for (const step of steps) {
      outcomes.push(await runStep(step, step.timeoutMs ?? options.stepTimeoutMs ?? 5000, logger));
    }
    const clean = outcomes.every((o) => o.outcome === 'done');
    (clean ? logger.info : logger.warn).call(logger, { outcomes }, 'shutdown: finished');
    return outcomes;
  };
  return () => {
    running ??= run();
    return running;
  };
}

/** The part of `process` signal handling needs (tests pass an EventEmitter). */
export type SignalSource = {
  on(signal: NodeJS.Signals, listener: () => void): unknown;
  off(signal: NodeJS.Signals, listener: () => void): unknown;
};

export type SignalOptions = {
  readonly logger: ShutdownLogger;
  readonly signals?: readonly NodeJS.Signals[];
  readonly source?: SignalSource;
  readonly exit?: (code: number) => void;
};

/** On SIGINT/SIGTERM: run `close`, then exit (1 if a step failed). Returns a function removing the handlers. */
export function onShutdownSignals(close: () => Promise<readonly StepOutcome[]>, options: SignalOptions): () => void {
  const source = options.source ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const signals = options.signals ?? ['SIGINT', 'SIGTERM'];
  let closing = false;
  const handlers = signals.map((signal) => {
    const handler = () => {
      if (closing) {
        options.logger.warn({ signal }, 'shutdown: second signal, exiting now');
        exit(1);
        return;
      }
      closing = true;
      options.logger.info({ signal }, 'shutdown: signal received');
      close().then(
        (outcomes) => exit(outcomes.every((o) => o.outcome === 'done') ? 0 : 1),
        (err: unknown) => {
          options.logger.error({ err }, 'shutdown: failed');
          exit(1);
        },
      );
    };
    source.on(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) source.off(signal, handler);
  };
}
