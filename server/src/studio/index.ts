/** The scenario studio: versioned scenario documents in the event store, checked, diffed and played. */
export { type CheckedDiagnostic, checkSource, type LocatedFinding, type VersionCheck } from './check.ts';
export { CreateDocumentInput, SaveVersionInput, StartExerciseInput } from './inputs.ts';
export {
  type CheckedVersion,
  fileNameFor,
  type StudioError,
  type StudioErrorCode,
  type StudioResult,
  StudioService,
  type StudioServiceDeps,
  scenarioIdIn,
  type VersionDiff,
} from './service.ts';
export { fillTemplate, idFromTitle, type StudioTemplate, TEMPLATES } from './templates.ts';
