/**
 * `./parley simulate <scenario.yaml | scenario id> [--seed N] [--policy P | P,P... | del=P,...] [--json]`: plays a
 * scenario headless, bots in every seat and a scripted facilitator, and prints a readable timeline, the ending
 * reached and a summary (or, with --json, one JSON document: events, ending, summary). The output depends only on
 * the scenario, the seed and the policies: the same arguments print the same bytes.
 * Exit status: 0 after a run, 1 when the scenario is invalid, 2 for usage errors.
 */
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import {
  clock,
  cycle,
  DEFAULT_MIX,
  endingSummary,
  formatTimeline,
  isPolicyName,
  POLICY_NAMES,
  type PolicyName,
  type RunSummary,
  type SimulationResult,
  simulate,
  summarize,
  timeline,
} from '@parley/shared/bots/index.ts';
import { type CompiledScenario, CompileError, compileScenario } from '@parley/shared/engine/index.ts';
import { formatDiagnostic, MAX_SCENARIO_BYTES, parseScenario, sizeProblem } from '@parley/shared/scenario/index.ts';

const USAGE = `usage: ./parley simulate <scenario.yaml | scenario id> [--seed N] [--policy SPEC] [--json]

  <scenario id>   a bare id plays scenarios/<id>.yaml
  --seed N        an integer (default 1); the same seed gives the same run
  --policy SPEC   ${POLICY_NAMES.join(' | ')}: that policy in every seat;
                  P,P,...: policies cycled over the delegations in scenario order;
                  del=P,del=P,...: per delegation, the others as by default
                  (default: ${DEFAULT_MIX.join(', ')}, cycled over the delegations)
  --json          print one JSON document (events, ending, summary) instead of the timeline`;

const ROOT = join(import.meta.dirname, '..', '..', '..');

type Args = { scenario: string; seed: number; policy: string | null; json: boolean };

class UsageError extends Error {}

function parseArgs(args: readonly string[]): Args {
  let scenario: string | null = null;
  let seed = 1;
  let policy: string | null = null;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const value = () => {
      const next = args[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--json') json = true;
    else if (arg === '--seed') {
      const raw = value();
      if (!/^-?\d{1,15}$/.test(raw)) throw new UsageError(`--seed must be an integer, got "${raw}"`);
      seed = Number(raw);
    } else if (arg === '--policy') policy = value();
    else if (arg.startsWith('-')) throw new UsageError(`unknown option "${arg}"`);
    else if (scenario !== null) throw new UsageError(`one scenario at a time (got "${scenario}" and "${arg}")`);
    else scenario = arg;
  }
  if (scenario === null) throw new UsageError('which scenario? give a file or a scenario id');
  for (const part of policy?.split(',') ?? []) {
    if (part.trim() === '') throw new UsageError(`--policy "${policy}" has an empty entry`);
    policyName(part.slice(part.indexOf('=') + 1).trim());
  }
  return { scenario, seed, policy, json };
}

function policyName(name: string): PolicyName {
  if (!isPolicyName(name)) throw new UsageError(`unknown policy "${name}" (choose from ${POLICY_NAMES.join(', ')})`);
  return name;
}

/** The policy of every delegation, from the --policy spec. */
export function assignPolicies(spec: string | null, delegations: readonly string[]): Record<string, PolicyName> {
  const assigned = cycle(delegations, DEFAULT_MIX);
  if (spec === null) return assigned;
  const parts = spec.split(',').map((p) => p.trim());
  const pairs = parts.filter((p) => p.includes('='));
  if (pairs.length === 0) return cycle(delegations, parts.map(policyName));
  if (pairs.length !== parts.length)
    throw new UsageError('--policy takes either policies (P,P...) or assignments (delegation=P,...), not both');
  for (const pair of pairs) {
    const [id = '', name = ''] = pair.split('=');
    if (!delegations.includes(id))
      throw new UsageError(`--policy: no delegation "${id}" in this scenario (delegations: ${delegations.join(', ')})`);
    assigned[id] = policyName(name);
  }
  return assigned;
}

async function readScenario(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_SCENARIO_BYTES) throw new UsageError(`${path}: ${sizeProblem(size) ?? 'too large'}`);
    const buffer = new Uint8Array(size);
    const { bytesRead } = await handle.read(buffer, 0, size, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A file path as given, or a bare scenario id resolved to scenarios/<id>.yaml. */
const scenarioPath = (arg: string) =>
  /\.ya?ml$/i.test(arg) || arg.includes('/') || arg.includes('\\') ? arg : join(ROOT, 'scenarios', `${arg}.yaml`);

async function load(arg: string): Promise<CompiledScenario | number> {
  const path = scenarioPath(arg);
  let bytes: Uint8Array;
  try {
    bytes = await readScenario(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory, not a file' : code || 'unreadable';
    throw new UsageError(`cannot read scenario "${arg}" (${path === arg ? '' : `${path}: `}${reason})`);
  }
  const result = parseScenario(bytes, path === arg ? arg : `scenarios/${arg}.yaml`);
  if (!result.ok) {
    for (const d of [...result.errors, ...result.warnings]) process.stderr.write(`${formatDiagnostic(d)}\n`);
    process.stderr.write(`parley simulate: the scenario is invalid (${result.errors.length} errors)\n`);
    return 1;
  }
  try {
    return compileScenario(result.scenario);
  } catch (error) {
    if (!(error instanceof CompileError)) throw error;
    process.stderr.write(`parley simulate: ${path}: ${error.message}\n`);
    return 1;
  }
}

function summaryText(c: CompiledScenario, run: SimulationResult, summary: RunSummary): string {
  const name = (id: string) => {
    const n = c.parties.get(id)?.name;
    return typeof n === 'string' ? n : (n?.[c.lang] ?? id);
  };
  const ending = endingSummary(c, run.state);
  const lines: string[] = [];
  if (ending === null) lines.push('Ending: none (play did not end)');
  else {
    const tone = ending.tone === null ? '' : ` (${ending.tone})`;
    lines.push(`Ending: “${ending.title}”${tone}, by ${ending.how} at ${clock(ending.at)}`);
    if (ending.narrative !== '') lines.push(`  ${ending.narrative}`);
  }
  const { commands, deadlines } = summary;
  lines.push(
    `Summary: ${summary.events} events; bots sent ${commands.sent} commands, ${commands.refused} refused; ` +
      `${summary.breaches} rule breaches; deadlines ${deadlines.met} met, ${deadlines.missed} missed`,
  );
  for (const r of summary.breachesByRule) {
    const tags = [...r.cbms.map((n) => `CBM ${n}`), ...r.norms.map((n) => `norm ${n}`)].join(', ');
    lines.push(`  “${r.title}” ${r.what} ${r.count}×${tags ? ` [${tags}]` : ''}`);
  }
  const rungs = Object.entries(summary.highestRung).map(([id, rung]) => `${name(id)} ${rung}`);
  lines.push(`  Highest rung: ${rungs.join(', ')}`);
  const vars = summary.variables.map((v) => `${v.label} ${v.value === null ? '–' : Number(v.value.toFixed(2))}`);
  if (vars.length > 0) lines.push(`  Final: ${vars.join(', ')}`);
  return lines.join('\n');
}

export async function run(args: string[]): Promise<number> {
  try {
    if (args.includes('--help') || args.includes('-h')) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const opts = parseArgs(args);
    const c = await load(opts.scenario);
    if (typeof c === 'number') return c;
    const policies = assignPolicies(opts.policy, c.delegationIds);
    const result = simulate(c, { seed: opts.seed, policies });
    const summary = summarize(c, result.events, result.state, {
      sent: result.sent,
      refused: result.refusals.length,
    });
    const ending = endingSummary(c, result.state);
    if (opts.json) {
      const doc = { scenario: c.scenario.id, seed: opts.seed, policies, ending, summary, events: result.events };
      process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
      return 0;
    }
    const title = typeof c.scenario.title === 'string' ? c.scenario.title : (c.scenario.title[c.lang] ?? c.scenario.id);
    const seats = c.delegationIds.map((id) => `${id} ${policies[id]}`).join(', ');
    const lines = timeline(c, result.events, { seed: opts.seed });
    process.stdout.write(`${title}, seed ${opts.seed}\nPolicies: ${seats}\n\n${formatTimeline(lines)}\n\n`);
    process.stdout.write(`${summaryText(c, result, summary)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`parley simulate: ${error.message}\n${USAGE}\n`);
    return 2;
  }
}
