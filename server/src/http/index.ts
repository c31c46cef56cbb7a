/** The HTTP API, the built client and the library page. */

export { createHttpHandler, DEFAULT_MAX_BODY_BYTES } from './handler.ts';
export { type ExerciseHosts, type HealthReport, type HttpDeps, SeatRefusal } from './types.ts';
export type { CodeView, ExerciseView } from './views.ts';
