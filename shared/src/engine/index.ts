/** The deterministic exercise engine: compile a scenario, decide and apply commands, fire timers, replay, project. */
export { type CompiledScenario, CompileError, compileScenario, type PartyInfo, type PhaseNode } from './compile.ts';
export type { Bindings, CompiledCondition, EvalContext } from './conditions.ts';
export { type DecideInput, decide, isFacilitatorCommand, type Preview, previewCommand } from './decide.ts';
export { describeCondition } from './describe.ts';
export {
  type AppendList,
  listAt,
  listFilter,
  listForEach,
  listLast,
  mapForEach,
  mapGet,
  mapValues,
  type PMap,
  toArray,
} from './persist.ts';
export { applyEvent, initialState, replay } from './reducer.ts';
export { ExerciseSession, type SubmitResult, stamp } from './session.ts';
export type { EndingReached, ExerciseState, PhaseState, PhaseValue, Tally, Vars } from './state.ts';
export { type DueTimer, dueTimers, nextDueAt, nextTimer } from './timers.ts';
export * from './types.ts';
export { viewFor } from './view.ts';
export type * from './viewTypes.ts';
export { pairKey, variableValue } from './world.ts';
