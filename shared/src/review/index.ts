/** The after-action review's data layer: review building, the replay scrubber, JSON and CSV exports. */
export { buildReview, lensOf } from './build.ts';
export { DEFAULT_CHECKPOINT_EVERY, type ReviewCursor, reviewCursor } from './cursor.ts';
export {
  type Cell,
  CSV_TABLES,
  type CsvTable,
  csvCell,
  REVIEW_FORMAT,
  type ReviewExport,
  reviewCsv,
  toCsv,
  toJSON,
} from './export.ts';
export { entryVisible, filterTimeline } from './timeline.ts';
export type * from './types.ts';
