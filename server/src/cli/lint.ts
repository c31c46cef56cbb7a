/**
 * `./parley lint <file|dir>... [--bots] [--seeds 1,2,3] [--strict]`: what in a valid scenario is probably a mistake
 * (see shared/src/studio/lint.ts). Prints one line per finding, `file:line:column warning|note: path: message`, then
 * `N files, N errors, N warnings, N notes`. An invalid file prints the validator's errors instead.
 * `--bots` also plays seeded bot games and notes endings none of them reaches (a few seconds per scenario).
 * Exit status: 0, or 1 when a file is invalid (or, with --strict, when there are warnings); 2 for usage errors.
 * (`./parley lint` with no file, or `--fix`, still runs the code linter, Biome.)
 */
import { formatDiagnostic, formatPath, plural } from '@parley/shared/scenario/index.ts';
import { lintScenario } from '@parley/shared/studio/index.ts';
import { loadScenario, scenarioPaths, UsageError } from './scenarioFiles.ts';

const USAGE = `usage: ./parley lint <file|dir>... [--bots] [--seeds N,N,...] [--strict]

  --bots          also play seeded bot games and note endings no run reaches (slower)
  --seeds N,...   the seeds for --bots (default 1,2,3)
  --strict        exit with status 1 when there are warnings`;

type Args = { paths: string[]; seeds: number[] | null; strict: boolean };

function parseArgs(args: readonly string[]): Args {
  const paths: string[] = [];
  let bots = false;
  let seeds: number[] | null = null;
  let strict = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--bots') bots = true;
    else if (arg === '--strict') strict = true;
    else if (arg === '--seeds') {
      const raw = args[++i] ?? '';
      if (!/^\d{1,9}(,\d{1,9})*$/.test(raw))
        throw new UsageError(`--seeds needs integers separated by commas, got "${raw}"`);
      seeds = raw.split(',').map(Number);
      bots = true;
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option "${arg}"`);
    else paths.push(arg);
  }
  if (paths.length === 0) throw new UsageError('which scenario? give files or directories');
  return { paths, seeds: bots ? (seeds ?? [1, 2, 3]) : null, strict };
}

export async function run(argv: string[]): Promise<number> {
  let args: Args;
  let files: string[];
  try {
    args = parseArgs(argv);
    files = await scenarioPaths(args.paths, 'lint');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`parley lint: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  let errors = 0;
  let warnings = 0;
  let notes = 0;
  for (const file of files) {
    const loaded = await loadScenario(file);
    if (!loaded.ok) {
      for (const d of loaded.diagnostics) process.stdout.write(`${formatDiagnostic(d)}\n`);
      errors += Math.max(1, loaded.diagnostics.length);
      continue;
    }
    const findings = lintScenario(loaded.scenario, args.seeds === null ? {} : { botRuns: { seeds: args.seeds } });
    const located = findings
      .map((f) => ({ ...f, at: loaded.locate(f.path) }))
      .sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
    for (const f of located) {
      if (f.severity === 'warning') warnings++;
      else notes++;
      const field = f.path.length === 0 ? '' : `${formatPath(f.path)}: `;
      const marker = f.severity === 'warning' ? 'warning' : 'note';
      process.stdout.write(`${file}:${f.at.line}:${f.at.column} ${marker}: ${field}${f.message}\n`);
    }
  }
  const summary = [
    plural(files.length, 'file'),
    plural(errors, 'error'),
    plural(warnings, 'warning'),
    plural(notes, 'note'),
  ];
  process.stdout.write(`${summary.join(', ')}\n`);
  return errors > 0 || (args.strict && warnings > 0) ? 1 : 0;
}
