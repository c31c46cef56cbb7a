/**
 * The scenario module: the format (schema, vocabulary) and `parseScenario`, which turns a YAML file into a validated
 * `Scenario` or into diagnostics (`file:line:column path: message`).
 */
export { type Decoded, decodeScenarioInput, formatSize, MAX_SCENARIO_BYTES, sizeProblem } from './decode.ts';
export {
  compareDiagnostics,
  type Diagnostic,
  formatDiagnostic,
  formatPath,
  type Path,
  plural,
  type Severity,
} from './diagnostics.ts';
export { scenarioJsonSchema } from './jsonSchema.ts';
export { MAX_ERRORS, type ParseResult, parseScenario } from './parse.ts';
export * from './schema.ts';
export { closest, didYouMean, editDistance } from './suggest.ts';
export { MAX_DEPTH } from './tree.ts';
export * from './vocabulary.ts';
