/**
 * The Findings panel's worker: lints a valid scenario off the page's thread (lint, and placing its findings in the
 * text, takes a tenth of a second or more on a weak laptop) and answers the findings at their line.
 */
import type { Scenario } from '@parley/shared/scenario/schema.ts';
import { type Finding, lintFindings } from './findings.ts';

export type FindingsRequest = {
  readonly seq: number;
  readonly source: string;
  readonly scenario: Scenario;
  readonly language: string;
};
export type FindingsReply = { readonly seq: number; readonly findings: Finding[] };

type WorkerScope = {
  onmessage: ((event: MessageEvent<FindingsRequest>) => void) | null;
  postMessage(message: FindingsReply): void;
};

const scope = self as unknown as WorkerScope;
const BOT_SEEDS = [1, 2, 3] as const;

scope.onmessage = (event) => {
  const { seq, source, scenario, language } = event.data;
  let findings: Finding[] = [];
  try {
    // Off the page's thread, bots can also play it (three seeds): endings no run reaches are worth a note.
    findings = lintFindings(source, scenario, language, BOT_SEEDS);
  } catch {
    // Advice only: a failure here must never disturb editing.
  }
  scope.postMessage({ seq, findings });
};
