/** The scenario studio's pure parts: lint findings beyond validity, the MSEL as a CSV spreadsheet, line diffs. */

export { type CsvDelimiter, type CsvParse, type CsvRecord, detectDelimiter, parseCsv } from './csv.ts';
export {
  DEFAULT_CONTEXT,
  DEFAULT_MAX_WORK,
  type DiffHunk,
  type DiffLine,
  type DiffLineKind,
  type DiffOptions,
  diffHunks,
  diffLines,
  diffText,
  formatUnified,
  splitLines,
  type TextDiff,
} from './diff.ts';
export {
  type BotRunsOption,
  type LintCode,
  type LintFinding,
  type LintOptions,
  type LintSeverity,
  lintPolicyAssignments,
  lintScenario,
} from './lint.ts';
export {
  MAX_MSEL_CHARS,
  MAX_MSEL_ERRORS,
  MSEL_COLUMNS,
  type MselColumn,
  type MselError,
  type MselExportOptions,
  type MselImport,
  type MselImportOptions,
  mselFromCsv,
  mselToCsv,
  plainInject,
  TRANSLATED_COLUMNS,
} from './mselCsv.ts';
export { replaceInjects } from './yamlEdit.ts';
