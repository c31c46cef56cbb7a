/** Exercises, workshops and join codes: how exercises are set up and who may join them as what. */
export { CODE_ALPHABET, CODE_BITS, CODE_LENGTH, formatCode, generateCode, joinLink, parseCode } from './codes.ts';
export { GuessLimiter, type GuessLimiterOptions } from './guessLimiter.ts';
export { BotInput, CreateExerciseInput, CreateWorkshopInput, formatIssues } from './inputs.ts';
export { type LibraryItem, ScenarioLibrary } from './library.ts';
export { fail, ok, type Result, type ServiceError, type ServiceErrorCode } from './result.ts';
export { roleLabel } from './roles.ts';
export { generateToken, hashSecret, verifySecret } from './secrets.ts';
export {
  type CodeStatus,
  type CreatedExercise,
  ExerciseService,
  type ExerciseServiceDeps,
  type IssuedCode,
} from './service.ts';
