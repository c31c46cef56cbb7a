/**
 * `./parley bench [--events N] [--runs N] [--seed N] [--delegations N] [--json]`: how fast the exercise engine goes,
 * and how much JavaScript the web client sends (benchBundle.ts).
 *
 * A seeded driver plays a generated scenario through an in-memory session (a deterministic mix of participant and
 * facilitator commands, valid and refused, with game time advancing so that timers fire) until the log holds N
 * events. The recorded inputs are then run again through fresh sessions ("apply": decide + stamp + apply, timers
 * included) and the log is folded again ("replay": applyEvent only). Each figure is the median of several runs.
 */

import { benchScenario } from '@parley/shared/engine/benchScenario.ts';
import { type CompiledScenario, compileScenario } from '@parley/shared/engine/compile.ts';
import { mapGet } from '@parley/shared/engine/persist.ts';
import { applyEvent, initialState, replay } from '@parley/shared/engine/reducer.ts';
import { ExerciseSession } from '@parley/shared/engine/session.ts';
import type { ExerciseEvent } from '@parley/shared/engine/types.ts';
import type { Command } from '@parley/shared/protocol/commands.ts';
import type { Role } from '@parley/shared/protocol/roles.ts';
import { buildReview, reviewCursor } from '@parley/shared/review/index.ts';
import { Rng } from '@parley/shared/rng.ts';
import { bundleFigures } from './benchBundle.ts';
import { storeFigures } from './benchStore.ts';

type Input = { readonly role: Role; readonly command: Command } | { readonly advanceTo: number };

type Options = { events: number; runs: number; seed: number; delegations: number; json: boolean };

function parseArgs(args: readonly string[]): Options | string {
  const options: Options = { events: 10_000, runs: 7, seed: 1, delegations: 8, json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') {
      options.json = true;
      continue;
    }
    const key = arg?.replace(/^--/, '') as keyof Options | undefined;
    const value = Number(args[i + 1]);
    if (!key || !['events', 'runs', 'seed', 'delegations'].includes(key) || !Number.isInteger(value) || value < 1)
      return `bench: unknown or invalid argument "${arg}${args[i + 1] !== undefined ? ` ${args[i + 1]}` : ''}"`;
    (options as Record<string, number | boolean>)[key] = value;
    i++;
  }
  if (options.delegations < 2 || options.delegations > 12) return 'bench: --delegations must be between 2 and 12';
  return options;
}

const FACILITATOR: Role = { kind: 'facilitator' };
const WARMUP_RUNS = 3;

/** Drive a session with a seeded mix of commands and time advances; record what was asked. */
function drive(compiled: CompiledScenario, seed: number, target: number): { inputs: Input[]; log: ExerciseEvent[] } {
  const rng = new Rng(seed);
  const session = new ExerciseSession(compiled, { seed });
  const inputs: Input[] = [];
  const ids = compiled.delegationIds;
  const openPings: { id: string; to: string }[] = [];
  const openRequests: { id: string; to: string; from: string }[] = [];
  const proposals: string[] = [];
  const submit = (role: Role, command: Command) => {
    inputs.push({ role, command });
    const result = session.submit(role, command);
    if (!result.ok) return;
    for (const e of result.events) {
      if (e.type === 'poc.ping' && e.id) openPings.push({ id: e.id, to: e.to });
      if (e.type === 'assistance.request' && e.id && e.role.kind === 'delegation')
        openRequests.push({ id: e.id, to: e.to, from: e.role.delegation });
      if (e.type === 'proposal.create' && e.id) proposals.push(e.id);
    }
  };
  const advance = (ms: number) => {
    const to = session.now + ms;
    inputs.push({ advanceTo: to });
    session.advanceTo(to);
  };
  submit(FACILITATOR, { type: 'exercise.start' });
  while (session.events.length < target) {
    const me = rng.pick(ids);
    const role: Role = { kind: 'delegation', delegation: me, seat: 'mfa' };
    const other = rng.pick(ids.filter((d) => d !== me));
    const roll = rng.int(0, 99);
    if (roll < 22) {
      const kind = rng.int(0, 2);
      const channel =
        kind === 0
          ? ({ kind: 'public' } as const)
          : kind === 1
            ? ({ kind: 'group', group: rng.pick(['north', 'south']) } as const)
            : ({ kind: 'bilateral', with: other } as const);
      submit(role, { type: 'message.send', channel, text: `Message ${inputs.length}` });
    } else if (roll < 38) {
      const action = compiled.actions.get(rng.pick(compiled.delegations.get(me)?.actions ?? []));
      if (!action) continue;
      const targets = action.targets.max === 0 ? [] : [other];
      const params: Record<string, string | number> = {};
      for (const p of action.params) {
        params[p.id] =
          p.type === 'number' ? (p.min ?? 1) : p.type === 'choice' ? rng.pick(p.options ?? ['x']) : 'medium';
      }
      const type = action.command === 'act' ? 'action.take' : 'signal.send';
      submit(role, { type, action: action.id, targets, params });
    } else if (roll < 48) {
      submit(role, { type: 'poc.ping', to: other, text: 'Please acknowledge' });
    } else if (roll < 56 && openPings.length > 0) {
      const ping = openPings.splice(rng.int(0, openPings.length - 1), 1)[0];
      if (ping) submit({ kind: 'delegation', delegation: ping.to, seat: 'mfa' }, { type: 'poc.ack', ping: ping.id });
    } else if (roll < 63) {
      submit(role, {
        type: 'assess',
        severity: rng.int(0, 5),
        suspect: rng.chance(0.5) ? other : null,
        confidence: 'medium',
      });
    } else if (roll < 68) {
      submit(role, { type: 'assistance.request', to: other, text: 'Help' });
    } else if (roll < 72 && openRequests.length > 0) {
      const req = openRequests.splice(rng.int(0, openRequests.length - 1), 1)[0];
      if (!req) continue;
      const by: Role = { kind: 'delegation', delegation: req.to, seat: 'mfa' };
      if (rng.chance(0.5)) submit(by, { type: 'assistance.offer', to: req.from, request: req.id, text: 'We help' });
      else submit(by, { type: 'assistance.decline', request: req.id });
    } else if (roll < 80) {
      const id = proposals.length > 0 && rng.chance(0.8) ? rng.pick(proposals) : null;
      const p = id ? mapGet(session.state.proposals, id) : undefined;
      if (!p) {
        submit(role, { type: 'proposal.create', template: 'restraint', parties: [me, other] });
      } else {
        const party = rng.pick(p.parties);
        const pr: Role = { kind: 'delegation', delegation: party, seat: 'mfa' };
        if (p.status === 'agreed') submit(pr, { type: 'proposal.sign', proposal: p.id });
        else if (rng.chance(0.1)) submit(pr, { type: 'proposal.amend', proposal: p.id, clause: null, text: 'More' });
        else submit(pr, { type: 'proposal.accept', proposal: p.id, version: p.version });
      }
    } else if (roll < 88) {
      const pick = rng.int(0, 4);
      if (pick === 0) submit(FACILITATOR, { type: 'broadcast', to: [me], text: 'Note from control' });
      else if (pick === 1)
        submit(FACILITATOR, { type: 'variable.adjust', var: 'escalation', add: rng.int(-1, 1), reason: 'Bench' });
      else if (pick === 2)
        submit(FACILITATOR, { type: 'inject.write', title: 'Ad hoc', body: 'Body', channel: 'email', to: [me] });
      else if (pick === 3)
        submit(FACILITATOR, { type: 'actor.act', actor: 'press', action: 'news_report', targets: [], params: {} });
      else submit(FACILITATOR, { type: 'adjudicate', ruling: 'Ruling', effects: [{ var: 'pressure', add: -1 }] });
    } else {
      advance(rng.int(0, 120_000));
      continue;
    }
    advance(rng.int(0, 15_000));
  }
  return { inputs, log: [...session.events] };
}

function runInputs(compiled: CompiledScenario, inputs: readonly Input[], seed: number): ExerciseSession {
  const session = new ExerciseSession(compiled, { seed });
  for (const input of inputs) {
    if ('advanceTo' in input) session.advanceTo(input.advanceTo);
    else session.submit(input.role, input.command);
  }
  return session;
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

export async function run(args: string[]): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    process.stderr.write(`${options}\n`);
    return 2;
  }
  const compiled = compileScenario(benchScenario(options.delegations));
  const { inputs, log } = drive(compiled, options.seed, options.events);
  const n = log.length;
  const applyMs: number[] = [];
  const replayMs: number[] = [];
  // Warm-up runs (not counted) let the JIT compile the engine, as it would be in a long-running server.
  for (let i = 0; i < WARMUP_RUNS; i++) {
    runInputs(compiled, inputs, options.seed);
    replay(compiled, log, { seed: options.seed });
  }
  for (let i = 0; i < options.runs; i++) {
    let t = performance.now();
    const session = runInputs(compiled, inputs, options.seed);
    applyMs.push(performance.now() - t);
    if (session.events.length !== n) throw new Error('bench: the run did not reproduce the recorded log');
    t = performance.now();
    replay(compiled, log, { seed: options.seed });
    replayMs.push(performance.now() - t);
  }
  // Growth check: the last fifth of the log should not cost more per event than the first fifth.
  const slice = Math.floor(n / 5);
  const firstRuns: number[] = [];
  const lastRuns: number[] = [];
  for (let r = 0; r < options.runs; r++) {
    let state = initialState(compiled, { seed: options.seed });
    let t = performance.now();
    for (let i = 0; i < slice; i++) state = applyEvent(compiled, state, log[i] as ExerciseEvent);
    firstRuns.push(performance.now() - t);
    for (let i = slice; i < n - slice; i++) state = applyEvent(compiled, state, log[i] as ExerciseEvent);
    t = performance.now();
    for (let i = n - slice; i < n; i++) state = applyEvent(compiled, state, log[i] as ExerciseEvent);
    lastRuns.push(performance.now() - t);
  }
  const firstMs = median(firstRuns);
  const lastMs = median(lastRuns);

  // The after-action review on the same log: building it, and the scrubber's random access to any moment.
  const reviewMs: number[] = [];
  for (let r = 0; r < options.runs; r++) {
    const t = performance.now();
    buildReview(compiled, log, { seed: options.seed });
    reviewMs.push(performance.now() - t);
  }
  let t0 = performance.now();
  const cursor = reviewCursor(compiled, log, { seed: options.seed });
  const cursorSetupMs = performance.now() - t0;
  const scrubRng = new Rng(options.seed);
  const scrubMs: number[] = [];
  for (let i = 0; i < 200; i++) {
    const seq = scrubRng.int(0, n);
    t0 = performance.now();
    cursor.viewAt(FACILITATOR, seq);
    scrubMs.push(performance.now() - t0);
  }
  scrubMs.sort((a, b) => a - b);
  const store = await storeFigures();
  const bundle = bundleFigures();

  const refused = inputs.filter((x) => !('advanceTo' in x)).length - log.filter((e) => e.role.kind !== 'system').length;
  const result = {
    node: process.version,
    events: n,
    commands: inputs.filter((x) => !('advanceTo' in x)).length,
    refused,
    timers: log.filter((e) => e.type === 'timer.fire').length,
    gameMinutes: Math.round((log[n - 1]?.at ?? 0) / 60_000),
    runs: options.runs,
    applyPerSecond: Math.round(n / (median(applyMs) / 1000)),
    replayPerSecond: Math.round(n / (median(replayMs) / 1000)),
    firstFifthUsPerEvent: Number(((firstMs * 1000) / slice).toFixed(2)),
    lastFifthUsPerEvent: Number(((lastMs * 1000) / slice).toFixed(2)),
    reviewBuildMs: Number(median(reviewMs).toFixed(1)),
    scrubberSetupMs: Number(cursorSetupMs.toFixed(1)),
    scrubberMedianMs: Number(median(scrubMs).toFixed(2)),
    scrubberMaxMs: Number((scrubMs.at(-1) ?? 0).toFixed(2)),
    sqliteFlushNormalP50Ms: Number(store.normal.p50.toFixed(2)),
    sqliteFlushNormalP99Ms: Number(store.normal.p99.toFixed(2)),
    sqliteFlushFullP50Ms: Number(store.full.p50.toFixed(2)),
    sqliteFlushFullP99Ms: Number(store.full.p99.toFixed(2)),
    clientJs: bundle,
  };
  if (options.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  }
  const f = (x: number) => x.toLocaleString('en');
  process.stdout.write(
    [
      `Parley engine benchmark (Node ${result.node}, ${options.delegations} delegations, seed ${options.seed})`,
      `  log: ${f(n)} events (${f(result.timers)} timers) from ${f(result.commands)} commands (${f(refused)} refused), ${f(result.gameMinutes)} game minutes`,
      `  apply  (decide + stamp + apply through the session): ${f(result.applyPerSecond)} events/s (median of ${options.runs})`,
      `  replay (applyEvent fold):                            ${f(result.replayPerSecond)} events/s (median of ${options.runs})`,
      `  cost per event, first vs last fifth of the log:      ${result.firstFifthUsPerEvent} µs vs ${result.lastFifthUsPerEvent} µs`,
      `  review: build ${result.reviewBuildMs} ms; scrubber set-up ${result.scrubberSetupMs} ms, facilitator view at a random moment median ${result.scrubberMedianMs} ms (max ${result.scrubberMaxMs} ms, 200 draws)`,
      `  SQLite write of a 50-event batch: NORMAL p50 ${result.sqliteFlushNormalP50Ms} ms (p99 ${result.sqliteFlushNormalP99Ms}), FULL p50 ${result.sqliteFlushFullP50Ms} ms (p99 ${result.sqliteFlushFullP99Ms})`,
      '  web client JavaScript to download (gzip -9; aim for the join path: 150 KB or less):',
      ...bundle.map(
        (b) => `    ${b.path.padEnd(42)} ${String(b.gzipKb).padStart(6)} KB gzip (${b.rawKb} KB raw, ${b.files} files)`,
      ),
      '',
    ].join('\n'),
  );
  return 0;
}
