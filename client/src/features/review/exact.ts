/**
 * The exact replay (control only): the log the exercise was played with, replayed against its own scenario text, so
 * the review shows precisely what a role saw at any moment (its incident feed, the messages it could read, the
 * indicators it could see, its ladder rung, assessments, contact-point pings and proposals). Loaded on demand by
 * the replay section (a chunk of its own: the scenario parser and the engine stay out of the report's first paint).
 */
import { compileScenario } from '@parley/shared/engine/compile.ts';
import type {
  Assessment,
  Delivery,
  ExerciseEvent,
  ExerciseOptions,
  ExerciseStatus,
  Message,
  Ping,
  Proposal,
} from '@parley/shared/engine/types.ts';
import type { View } from '@parley/shared/engine/viewTypes.ts';
import type { Role } from '@parley/shared/protocol/roles.ts';
import { type ReviewCursor, reviewCursor } from '@parley/shared/review/cursor.ts';
import { parseScenario } from '@parley/shared/scenario/parse.ts';
import type { LocalizedText } from '@parley/shared/scenario/schema.ts';
import type { ReplayRole } from './replay.ts';

/** What `GET /api/exercises/:id/log` answers (facilitator only). */
export type ReviewLog = {
  readonly scenarioSource: string;
  readonly options: ExerciseOptions;
  readonly events: readonly ExerciseEvent[];
};

export type ExactReplay = {
  readonly cursor: ReviewCursor;
  /** The scenario's fallback language (for its texts). */
  readonly fallbackLanguage: string;
  /** Every party's name and every agreement template's title, by id. */
  readonly names: ReadonlyMap<string, LocalizedText>;
  readonly templates: ReadonlyMap<string, LocalizedText>;
  /** A seat id per delegation (a delegation's view needs one; which seat does not change what it shows). */
  readonly seats: ReadonlyMap<string, string>;
};

/** Replays the log against its scenario; null when the source no longer parses (the approximate replay remains). */
export function prepareExact(log: ReviewLog): ExactReplay | null {
  if (typeof log.scenarioSource !== 'string' || !Array.isArray(log.events)) return null;
  const parsed = parseScenario(log.scenarioSource, 'scenario.yaml');
  if (!parsed.ok) return null;
  const compiled = compileScenario(parsed.scenario);
  const s = compiled.scenario;
  const names = new Map<string, LocalizedText>();
  for (const d of s.delegations) names.set(d.id, d.name);
  for (const a of s.actors) names.set(a.id, a.name);
  return {
    cursor: reviewCursor(compiled, log.events as ExerciseEvent[], log.options ?? { seed: 0 }),
    fallbackLanguage: s.fallbackLanguage,
    names,
    templates: new Map(s.templates.map((t) => [t.id, t.title])),
    seats: new Map(s.delegations.map((d) => [d.id, d.seats[0]?.id ?? d.id])),
  };
}

/** The engine's role for a replay role. */
export function engineRole(replay: ExactReplay, role: ReplayRole): Role {
  if (role.kind === 'control') return { kind: 'facilitator' };
  if (role.kind === 'observer') return { kind: 'observer' };
  return {
    kind: 'delegation',
    delegation: role.delegation,
    seat: replay.seats.get(role.delegation) ?? role.delegation,
  };
}

export type ExactFrame = {
  readonly seq: number;
  readonly at: number;
  readonly status: ExerciseStatus;
  /** The innermost phase under way, or null before the first. */
  readonly phase: LocalizedText | null;
  /** The lists below are newest first. */
  readonly injects: readonly Delivery[];
  readonly messages: readonly Message[];
  /** The indicators this role could see (a value it may not see is left out). */
  readonly variables: readonly { readonly id: string; readonly label: LocalizedText; readonly value: number }[];
  /** A delegation's rung (its own), control's (every delegation's); none for the public. */
  readonly ladders: readonly { readonly party: string; readonly current: number; readonly highest: number }[];
  readonly assessments: readonly Assessment[];
  readonly pings: readonly Ping[];
  readonly proposals: readonly Proposal[];
  readonly ending: LocalizedText | null;
};

const newestFirst = <T extends { readonly seq: number }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => b.seq - a.seq);

/** The frame of a view: what the role's screen held right after event `seq`. */
export function frameOfView(view: View, seq: number): ExactFrame {
  const variables = view.variables.flatMap((v) =>
    v.value === null ? [] : [{ id: v.id, label: v.label, value: v.value }],
  );
  let ladders: ExactFrame['ladders'] = [];
  let assessments: readonly Assessment[] = [];
  let pings: readonly Ping[] = [];
  let proposals: readonly Proposal[] = [];
  if (view.role === 'delegation') {
    ladders = [{ party: view.delegation, current: view.ladder?.current ?? 0, highest: view.ladder?.highest ?? 0 }];
    ({ assessments, pings, proposals } = view);
  } else if (view.role === 'facilitator') {
    ladders = view.delegations.map((d) => ({
      party: d.delegation,
      current: view.ladder[d.delegation]?.current ?? 0,
      highest: view.ladder[d.delegation]?.highest ?? 0,
    }));
    ({ assessments, pings, proposals } = view);
  }
  return {
    seq,
    at: view.clock.now,
    status: view.clock.status,
    phase: view.phases.at(-1)?.title ?? null,
    injects: newestFirst(view.injects),
    messages: newestFirst(view.messages),
    variables,
    ladders,
    assessments: newestFirst(assessments),
    pings: newestFirst(pings),
    proposals: newestFirst(proposals),
    ending: view.ending?.title ?? null,
  };
}

export function exactFrameAt(replay: ExactReplay, role: ReplayRole, seq: number): ExactFrame {
  return frameOfView(replay.cursor.viewAt(engineRole(replay, role), seq), seq);
}
