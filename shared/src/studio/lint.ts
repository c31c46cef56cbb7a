/**
 * Scenario lint: what is valid but probably a mistake. `lintScenario` takes a scenario that already passed
 * `parseScenario` and looks past what the validator reports (its errors and warnings are not repeated, except
 * missing translations, which come from the validator's own check so that both agree):
 *
 * - unreachable phases and injects: the validator assumes every transition can fire; lint drops transitions whose
 *   condition can certainly never hold (and, repeatedly, those that only hold in phases no longer reachable), then
 *   reports the phases and injects this cuts off;
 * - phases with no way out: no transition that can fire and no onTimeout, on the phase or a parent, and not where
 *   play is meant to finish (the last top-level phase, or the last sub-phase of a phase where play finishes);
 * - rules watching actions no delegation may take (precondition rules only judge delegations), deadlines nobody
 *   could meet, and injects expecting actions no delegation may take;
 * - injects timed outside their phase: before the earliest minute the phase can start, or after the time boxes say
 *   it is over (advisory boxes too; a hard onTimeout box is the validator's error), and onEnter delays longer than
 *   an advisory time box;
 * - missing translations (the validator's warnings, as findings);
 * - opt-in and costly: endings no seeded bot run reaches (`{ botRuns: { seeds } }`), over the same policy
 *   assignments as the shipped scenarios' test.
 *
 * Pure and deterministic: no clock, no randomness beyond the seeded bots.
 */
import { cycle, type PolicyName, type SimulateOptions, simulate } from '../bots/index.ts';
import { compileScenario } from '../engine/compile.ts';
import type { Path } from '../scenario/diagnostics.ts';
import { ancestorsOf, buildIndex, type Context, type Index, initialChild, type PhaseEntry } from '../scenario/ids.ts';
import { localize } from '../scenario/localize.ts';
import { analysePhases, type PhaseGraph } from '../scenario/reachability.ts';
import { Satisfiability } from '../scenario/satisfiable.ts';
import type { Condition, LocalizedText, Phase, Scenario } from '../scenario/schema.ts';
import { checkTranslations } from '../scenario/translations.ts';
import { BUILTIN_ACTIONS } from '../scenario/vocabulary.ts';

export type LintSeverity = 'warning' | 'info';

export type LintCode =
  | 'unreachable-phase'
  | 'unreachable-inject'
  | 'phase-without-exit'
  | 'rule-action-untakeable'
  | 'deadline-unmeetable'
  | 'expected-action-untakeable'
  | 'inject-before-phase'
  | 'inject-after-phase'
  | 'inject-delay-past-timebox'
  | 'missing-translation'
  | 'unknown-translation-language'
  | 'ending-not-reached';

export type LintFinding = {
  severity: LintSeverity;
  code: LintCode;
  /** The field the finding is about, e.g. `['phases', 2, 'id']` (see formatPath in scenario/diagnostics.ts). */
  path: Path;
  /** Plain English for a trainer, naming ids and titles. */
  message: string;
};

export type BotRunsOption = {
  /** Seeds for each policy assignment (e.g. [1, 2, 3]). */
  readonly seeds: readonly number[];
  /** Policy assignments to try (default: LINT_POLICY_ASSIGNMENTS). */
  readonly assignments?: readonly (readonly [string, SimulateOptions['policies']])[] | undefined;
};

export type LintOptions = {
  /** Also run seeded bot games and report endings none of them reaches (costly: seconds per scenario). */
  readonly botRuns?: BotRunsOption | undefined;
  /** Language for titles in messages (default: the scenario's fallback language). */
  readonly language?: string | undefined;
};

const BUILTINS: ReadonlySet<string> = new Set(BUILTIN_ACTIONS);

/** The policy assignments tried by default (mixes are cycled over the delegations in scenario order). */
export function lintPolicyAssignments(delegations: readonly string[]): [string, SimulateOptions['policies']][] {
  const mix = (...names: PolicyName[]) => cycle(delegations, names);
  return [
    ['cooperative', 'cooperative'],
    ['hawkish', 'hawkish'],
    ['passive', 'passive'],
    ['random', 'random'],
    ['default mix', undefined],
    ['cooperative,passive', mix('cooperative', 'passive')],
    ['passive,cooperative', mix('passive', 'cooperative')],
    ['cooperative,hawkish', mix('cooperative', 'hawkish')],
  ];
}

// ─── The phase graph without transitions that can never fire ────────────────────────────────────────────────────

type DeadTransition = { from: string; to: string | undefined; path: Path; reason: string };

type Strict = { index: Index; graph: PhaseGraph; sat: Satisfiability; dead: DeadTransition[] };

/** A copy of the index whose phases keep only the transitions not in `drop` (keys `phaseId#i`). */
function withoutTransitions(index: Index, drop: ReadonlySet<string>): Index {
  const phases = new Map<string, PhaseEntry>();
  for (const [id, entry] of index.phases) {
    const transitions = entry.phase.transitions.filter((_, i) => !drop.has(`${id}#${i}`));
    phases.set(id, { ...entry, phase: { ...entry.phase, transitions } });
  }
  return { ...index, phases };
}

function strictAnalysis(index: Index): Strict {
  let graph = analysePhases(index);
  let sat = new Satisfiability(index, graph);
  let dead: DeadTransition[] = [];
  let current = index;
  for (let round = 0; round <= index.phases.size + 1; round++) {
    const found: DeadTransition[] = [];
    for (const [id, { phase, path }] of index.phases) {
      phase.transitions.forEach((t, i) => {
        const never = sat.whyNever(t.when, [...path, 'transitions', i, 'when']);
        if (never !== undefined) {
          found.push({ from: id, to: t.to, path: [...path, 'transitions', i], reason: never.reason });
        }
      });
    }
    const drop = new Set(found.map((d) => `${d.from}#${d.path[d.path.length - 1]}`));
    current = withoutTransitions(index, drop);
    const next = analysePhases(current);
    const stable = found.length === dead.length && next.reachable.size === graph.reachable.size;
    dead = found;
    graph = next;
    sat = new Satisfiability(current, graph);
    if (stable) break;
  }
  return { index: current, graph, sat, dead };
}

// ─── Timing: the earliest minute a phase can start, and when the time boxes say it is over ────────────────────────

/** The phases entered, in order, when play moves from `from` to `to` (as the validator's reachability computes). */
function enteredBy(index: Index, from: string | undefined, to: string): string[] {
  if (!index.phases.has(to)) return [];
  const kept = from === undefined ? new Set<string>() : new Set([from, ...ancestorsOf(index, from)]);
  if (kept.has(to)) kept.clear();
  const entered: string[] = [];
  for (const id of [to, ...ancestorsOf(index, to)]) {
    if (kept.has(id)) break;
    entered.push(id);
  }
  let phase = index.phases.get(to)?.phase;
  while (phase !== undefined) {
    const child = initialChild(phase);
    phase = phase.phases.find((p) => p.id === child);
    if (phase !== undefined) entered.push(phase.id);
  }
  return entered;
}

/**
 * The earliest game minute each reachable phase can be entered: transitions may fire at once (their conditions are
 * not timed here), onTimeout fires when the time box runs out.
 */
function earliestEntries(index: Index): Map<string, number> {
  const earliest = new Map<string, number>();
  const first = index.scenario.phases[0]?.id;
  if (first !== undefined) for (const id of enteredBy(index, undefined, first)) earliest.set(id, 0);
  for (let round = 0; round <= index.phases.size + 1; round++) {
    let changed = false;
    for (const [source, at] of [...earliest]) {
      const phase = index.phases.get(source)?.phase;
      if (phase === undefined) continue;
      const moves: [string, number][] = phase.transitions.flatMap((t) => (t.to === undefined ? [] : [[t.to, at]]));
      if (phase.onTimeout?.to !== undefined && phase.timebox !== undefined) {
        moves.push([phase.onTimeout.to, at + phase.timebox]);
      }
      for (const [target, when] of moves) {
        for (const id of enteredBy(index, source, target)) {
          if (when < (earliest.get(id) ?? Number.POSITIVE_INFINITY)) {
            earliest.set(id, when);
            changed = true;
          }
        }
      }
    }
    if (!changed) break;
  }
  return earliest;
}

/** The same graph where every time box counts as if it ended the phase: when play is over "if it keeps to time". */
function plannedGraph(index: Index): PhaseGraph {
  const phases = new Map<string, PhaseEntry>();
  for (const [id, entry] of index.phases) {
    const { phase } = entry;
    const planned: Phase =
      phase.timebox !== undefined && phase.onTimeout === undefined
        ? { ...phase, onTimeout: { end: '(time box)' } }
        : phase;
    phases.set(id, { ...entry, phase: planned });
  }
  return analysePhases({ ...index, phases });
}

// ─── The checks ──────────────────────────────────────────────────────────────────────────────────────────────────

class Findings {
  readonly list: LintFinding[] = [];
  readonly title: (text: LocalizedText) => string;
  constructor(scenario: Scenario, language: string) {
    this.title = (text) => localize(text, language, scenario.fallbackLanguage);
  }
  add(severity: LintSeverity, code: LintCode, path: Path, message: string): void {
    this.list.push({ severity, code, path, message });
  }
}

const quote = (id: string): string => `"${id}"`;
const listOf = (ids: readonly string[]): string => ids.map(quote).join(', ');

function phaseName(index: Index, out: Findings, id: string): string {
  const phase = index.phases.get(id)?.phase;
  return phase === undefined ? quote(id) : `"${id}" (${out.title(phase.title)})`;
}

function checkUnreachablePhases(base: Index, liberal: PhaseGraph, strict: Strict, out: Findings): void {
  for (const [id, { path, parent }] of base.phases) {
    if (!liberal.reachable.has(id) || strict.graph.reachable.has(id)) continue;
    if (parent !== undefined && !strict.graph.reachable.has(parent)) continue;
    const subtree = new Set([id, ...[...base.phases.keys()].filter((p) => ancestorsOf(base, p).includes(id))]);
    const into = strict.dead.find((d) => d.to !== undefined && subtree.has(d.to));
    const how =
      into !== undefined
        ? `the transition from ${phaseName(base, out, into.from)} that leads here can never fire: ${into.reason}`
        : 'it is only reached from phases that can never be entered';
    out.add(
      'warning',
      'unreachable-phase',
      [...path, 'id'],
      `phase ${phaseName(base, out, id)} can never be entered: ${how}`,
    );
  }
}

function checkUnreachableInjects(base: Index, liberal: Satisfiability, strict: Strict, out: Findings): void {
  const reachable = strict.graph.reachable;
  base.scenario.injects.forEach((inject, i) => {
    const path: Path = ['injects', i];
    const name = `inject "${inject.id}" (${out.title(inject.title)})`;
    for (const [field, phase] of [
      ['onEnter', inject.onEnter],
      ['phase', inject.phase],
    ] as const) {
      if (phase === undefined || !base.phases.has(phase) || reachable.has(phase)) continue;
      const how = field === 'onEnter' ? 'it is sent when phase' : 'it is only delivered while phase';
      out.add(
        'warning',
        'unreachable-inject',
        [...path, field],
        `${name} will never be delivered: ${how} ${phaseName(base, out, phase)} is active, and that phase can never be entered`,
      );
      return;
    }
    if (inject.when === undefined) return;
    const whenPath: Path = [...path, 'when'];
    if (liberal.whyNever(inject.when, whenPath) !== undefined) return; // the validator already warns
    const never = strict.sat.whyNever(inject.when, whenPath);
    if (never !== undefined) {
      out.add('warning', 'unreachable-inject', never.path, `${name} will never be delivered: ${never.reason}`);
    }
  });
}

/** Phases an ending's `when` names (by `phase` or `since`): that ending can close play there. */
function phasesNamedByEndings(scenario: Scenario): Set<string> {
  const named = new Set<string>();
  const visit = (c: Condition): void => {
    if ('all' in c) c.all.forEach(visit);
    else if ('any' in c) c.any.forEach(visit);
    else if ('not' in c) visit(c.not);
    else if ('phase' in c) named.add(c.phase);
    else if ('elapsed' in c && c.since !== undefined) named.add(c.since);
  };
  for (const e of scenario.endings) if (e.when !== undefined) visit(e.when);
  return named;
}

function checkDeadEnds(base: Index, strict: Strict, out: Findings): void {
  const s = base.scenario;
  const byEndings = phasesNamedByEndings(s);
  const deadFrom = new Set(strict.dead.map((d) => d.from));
  /** Where play is meant to finish: the last top-level phase, and the last sub-phase of such a phase. */
  const finishing = (id: string): boolean => {
    const entry = base.phases.get(id);
    if (entry === undefined) return false;
    const siblings = entry.parent === undefined ? s.phases : (base.phases.get(entry.parent)?.phase.phases ?? []);
    const last = siblings[siblings.length - 1]?.id === id;
    return last && (entry.parent === undefined || finishing(entry.parent));
  };
  const exits = (id: string): boolean => {
    const phase = strict.index.phases.get(id)?.phase;
    return phase !== undefined && (phase.transitions.length > 0 || phase.onTimeout !== undefined || byEndings.has(id));
  };
  for (const [id, { phase, path }] of base.phases) {
    if (!strict.graph.reachable.has(id) || finishing(id)) continue;
    const lineage = [id, ...ancestorsOf(base, id)];
    if (lineage.some(exits)) continue;
    // A parent with sub-phases is reported through them: only leaves (or phases whose children all exit) matter.
    if (phase.phases.length > 0) continue;
    const why = lineage.some((p) => deadFrom.has(p))
      ? "its transitions (or its parents') can never fire and it has no onTimeout"
      : phase.timebox !== undefined
        ? `it has no transitions, and its time box of ${phase.timebox} minutes is only advisory without "onTimeout"`
        : 'it has no transitions and no time box with "onTimeout"';
    const until =
      s.timeLimit !== undefined
        ? `the time limit (minute ${s.timeLimit}) ends play with the default ending`
        : 'the facilitator ends play';
    out.add(
      'warning',
      'phase-without-exit',
      [...path, 'id'],
      `phase ${phaseName(base, out, id)} has no way out: ${why}. Play stays there until ${until}, and the phases after it are skipped`,
    );
  }
}

function checkActions(base: Index, out: Findings): void {
  const s = base.scenario;
  const byDelegation = (a: string): string[] => s.delegations.filter((d) => d.actions.includes(a)).map((d) => d.id);
  const byActor = (a: string): string[] => s.actors.filter((x) => x.actions.includes(a)).map((x) => x.id);
  s.rules.forEach((rule, i) => {
    const name = `rule "${rule.id}" (${out.title(rule.title)})`;
    rule.on.forEach((a, j) => {
      if (BUILTINS.has(a) || !base.actions.has(a) || byDelegation(a).length > 0) return;
      const actors = byActor(a);
      if (rule.type === 'precondition') {
        const only =
          actors.length > 0 ? ` (only ${listOf(actors)}, played by the facilitator, may: rules do not judge them)` : '';
        out.add(
          'warning',
          'rule-action-untakeable',
          ['rules', i, 'on', j],
          `${name} checks "${a}", which no delegation may take${only}: it never applies to "${a}"`,
        );
      } else if (actors.length === 0) {
        out.add(
          'warning',
          'rule-action-untakeable',
          ['rules', i, 'on', j],
          `${name} opens a deadline on "${a}", which no delegation or actor may take: it never opens one that way`,
        );
      }
    });
    if (rule.type !== 'deadline') return;
    const meetable = rule.satisfiedBy.filter(
      (a) => BUILTINS.has(a) || !base.actions.has(a) || byDelegation(a).length + byActor(a).length > 0,
    );
    if (meetable.length === 0) {
      out.add(
        'warning',
        'deadline-unmeetable',
        ['rules', i, 'satisfiedBy'],
        `${name}: nobody may take ${listOf(rule.satisfiedBy)}, so its deadlines can never be met`,
      );
    }
  });
  s.injects.forEach((inject, i) => {
    inject.expects?.actions.forEach((a, j) => {
      // Other delegations than the recipients may be the ones expected to act (answering a request for help).
      if (BUILTINS.has(a) || !base.actions.has(a) || byDelegation(a).length > 0) return;
      out.add(
        'warning',
        'expected-action-untakeable',
        ['injects', i, 'expects', 'actions', j],
        `inject "${inject.id}" (${out.title(inject.title)}) expects "${a}", but no delegation may take it`,
      );
    });
  });
}

function checkTiming(base: Index, liberal: PhaseGraph, strict: Strict, out: Findings): void {
  const earliest = earliestEntries(strict.index);
  const planned = plannedGraph(strict.index);
  base.scenario.injects.forEach((inject, i) => {
    const path: Path = ['injects', i];
    const name = `inject "${inject.id}" (${out.title(inject.title)})`;
    const phase = inject.phase;
    if (inject.at !== undefined && phase !== undefined && strict.graph.reachable.has(phase)) {
      const start = earliest.get(phase) ?? 0;
      const end = planned.latestActive(phase);
      if (inject.at < start) {
        out.add(
          'warning',
          'inject-before-phase',
          [...path, 'at'],
          `${name} is due at minute ${inject.at}, but phase ${phaseName(base, out, phase)} cannot start before minute ${start}: it would lapse`,
        );
      } else if (inject.at > end && inject.at <= liberal.latestActive(phase)) {
        out.add(
          'warning',
          'inject-after-phase',
          [...path, 'at'],
          `${name} is due at minute ${inject.at}, but by the time boxes phase ${phaseName(base, out, phase)} is over by minute ${end}: it lapses if play keeps to time`,
        );
      }
    }
    const entered = inject.onEnter === undefined ? undefined : base.phases.get(inject.onEnter)?.phase;
    if (
      entered !== undefined &&
      entered.timebox !== undefined &&
      entered.onTimeout === undefined &&
      inject.delay >= entered.timebox &&
      (inject.phase === undefined || inject.phase === entered.id)
    ) {
      const fate = inject.phase === entered.id ? 'it lapses' : 'it arrives in a later phase';
      out.add(
        inject.phase === entered.id ? 'warning' : 'info',
        'inject-delay-past-timebox',
        [...path, 'delay'],
        `${name} comes ${inject.delay} minutes after phase ${phaseName(base, out, entered.id)} starts, but that phase is planned to last ${entered.timebox} minutes: ${fate} if play keeps to time`,
      );
    }
  });
}

function checkTranslationFindings(scenario: Scenario, out: Findings): void {
  checkTranslations(scenario, (_severity, path, message) => {
    const missing = message.startsWith('missing translation');
    out.add('warning', missing ? 'missing-translation' : 'unknown-translation-language', path, message);
  });
}

function checkBotEndings(scenario: Scenario, option: BotRunsOption, out: Findings): void {
  const c = compileScenario(scenario);
  const assignments = option.assignments ?? lintPolicyAssignments(c.delegationIds);
  const reached = new Set<string>();
  let runs = 0;
  for (const [, policies] of assignments) {
    for (const seed of option.seeds) {
      const run = simulate(c, { seed, policies });
      runs++;
      const id = run.ending?.id;
      if (id !== undefined && id !== null) reached.add(id);
    }
  }
  const names = assignments.map(([name]) => name).join('; ');
  scenario.endings.forEach((ending, i) => {
    if (reached.has(ending.id)) return;
    out.add(
      'info',
      'ending-not-reached',
      ['endings', i, 'id'],
      `ending "${ending.id}" (${out.title(ending.title)}) was not reached in ${runs} bot runs (${names}; seeds ${option.seeds.join(', ')}): check that players can get there`,
    );
  });
}

/** Findings on a valid scenario (from parseScenario): what is probably a mistake. Never throws on a valid scenario. */
export function lintScenario(scenario: Scenario, options: LintOptions = {}): LintFinding[] {
  const quiet: Context = { report: () => {}, where: () => '' };
  const base = buildIndex(scenario, quiet);
  const liberal = analysePhases(base);
  const liberalSat = new Satisfiability(base, liberal);
  const strict = strictAnalysis(base);
  const out = new Findings(scenario, options.language ?? scenario.fallbackLanguage);
  checkUnreachablePhases(base, liberal, strict, out);
  checkDeadEnds(base, strict, out);
  checkUnreachableInjects(base, liberalSat, strict, out);
  checkTiming(base, liberal, strict, out);
  checkActions(base, out);
  checkTranslationFindings(scenario, out);
  if (options.botRuns !== undefined && options.botRuns.seeds.length > 0)
    checkBotEndings(scenario, options.botRuns, out);
  return out.list;
}
