/**
 * The code editor's lint worker: lints the text off the page's thread (parsing a large scenario and linting it
 * takes a good tenth of a second on a weak laptop) and answers the findings placed at their line.
 */
import { lintAndPlace, type PlacedFinding } from './lintPlace.ts';

export type LintRequest = { readonly seq: number; readonly source: string; readonly language: string };
export type LintReply = { readonly seq: number; readonly findings: PlacedFinding[] };

type WorkerScope = {
  onmessage: ((event: MessageEvent<LintRequest>) => void) | null;
  postMessage(message: LintReply): void;
};

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { seq, source, language } = event.data;
  let findings: PlacedFinding[] = [];
  try {
    findings = lintAndPlace(source, language);
  } catch {
    // A lint failure must never disturb editing: no advice this time.
  }
  scope.postMessage({ seq, findings });
};
