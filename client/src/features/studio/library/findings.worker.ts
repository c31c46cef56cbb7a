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

scope.onmessage = (event) => {
  const { seq, source, scenario, language } = event.data;
  let findings: Finding[] = [];
  try {
    findings = lintFindings(source, scenario, language);
  } catch {
    // Advice only: a failure here must never disturb editing.
  }
  scope.postMessage({ seq, findings });
};
