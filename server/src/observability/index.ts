/** Logs, metrics, health and shutdown: one instance of each per app (see each module's header). */
export { createHealth, type Health, type HealthDeps, healthHttpStatus } from './health.ts';
export { createLogger, exerciseLogger, type Logger, type LogSink, redactSecrets } from './logger.ts';
export { createMetrics, type MetricsOptions } from './metrics.ts';
export { PROMETHEUS_CONTENT_TYPE } from './promText.ts';
export { createRateWindow, type RateWindow } from './rate.ts';
export { createShutdown, onShutdownSignals, type ShutdownStep, type StepOutcome } from './shutdown.ts';
export type { Metrics } from './types.ts';
