/**
 * `./parley msel export <scenario.yaml> [--language L] [--semicolon] [-o msel.csv]`: the scenario's injects as a CSV
 * spreadsheet (to standard output, or to a file).
 * `./parley msel import <scenario.yaml> <msel.csv> [-o out.yaml | --write]`: the scenario with its injects replaced
 * by the spreadsheet's rows, printed as YAML (or written to a file; --write replaces the scenario file). Comments in
 * the rest of the file are kept; the injects section is rewritten. Nothing is written unless every row is valid and
 * the resulting scenario still validates.
 * Exit status: 0 on success, 1 for bad rows or an invalid scenario, 2 for usage errors.
 */
import { writeFile } from 'node:fs/promises';
import { formatDiagnostic, parseScenario, plural } from '@parley/shared/scenario/index.ts';
import { MAX_MSEL_CHARS, mselFromCsv, mselToCsv, replaceInjects } from '@parley/shared/studio/index.ts';
import { loadScenario, readBounded, UsageError } from './scenarioFiles.ts';

const USAGE = `usage: ./parley msel export <scenario.yaml> [--language L] [--semicolon] [-o msel.csv]
       ./parley msel import <scenario.yaml> <msel.csv> [--language L] [-o out.yaml | --write]

  --language L    the language of the main title/body/notes columns (default: the scenario's fallback)
  --semicolon     separate cells with ";" (spreadsheets in locales with a decimal comma)
  -o FILE         write to FILE instead of standard output
  --write         import: replace the scenario file itself`;

type Args = {
  action: 'export' | 'import';
  files: string[];
  language: string | undefined;
  semicolon: boolean;
  output: string | undefined;
  write: boolean;
};

function parseArgs(argv: readonly string[]): Args {
  const [action, ...rest] = argv;
  if (action !== 'export' && action !== 'import') throw new UsageError('say "export" or "import"');
  const args: Args = { action, files: [], language: undefined, semicolon: false, output: undefined, write: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const value = (): string => {
      const next = rest[++i];
      if (next === undefined || next.startsWith('-')) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--language') args.language = value();
    else if (arg === '--semicolon') args.semicolon = true;
    else if (arg === '-o' || arg === '--output') args.output = value();
    else if (arg === '--write') args.write = true;
    else if (arg.startsWith('-')) throw new UsageError(`unknown option "${arg}"`);
    else args.files.push(arg);
  }
  const want = action === 'export' ? 1 : 2;
  if (args.files.length !== want) {
    throw new UsageError(action === 'export' ? 'give one scenario file' : 'give a scenario file and a CSV file');
  }
  if (args.write && (action === 'export' || args.output !== undefined)) {
    throw new UsageError('--write only applies to import, without -o');
  }
  return args;
}

async function emit(text: string, output: string | undefined): Promise<void> {
  if (output === undefined) process.stdout.write(text);
  else await writeFile(output, text);
}

export async function run(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`parley msel: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  const [scenarioFile, csvFile] = args.files as [string, string | undefined];
  const loaded = await loadScenario(scenarioFile);
  if (!loaded.ok) {
    for (const d of loaded.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
    process.stderr.write(`parley msel: ${scenarioFile} is not a valid scenario\n`);
    return 1;
  }
  const { scenario } = loaded;
  if (args.language !== undefined && !scenario.languages.includes(args.language)) {
    process.stderr.write(
      `parley msel: "${args.language}" is not one of the scenario's languages (${scenario.languages.join(', ')})\n`,
    );
    return 2;
  }
  if (args.action === 'export') {
    await emit(mselToCsv(scenario, { language: args.language, delimiter: args.semicolon ? ';' : ',' }), args.output);
    return 0;
  }

  const csvPath = csvFile as string;
  let bytes: Uint8Array | { size: number };
  try {
    bytes = await readBounded(csvPath, MAX_MSEL_CHARS * 4);
  } catch (error) {
    process.stderr.write(`parley msel: cannot read ${csvPath} (${(error as Error).message})\n`);
    return 1;
  }
  if (!(bytes instanceof Uint8Array)) {
    process.stderr.write(`parley msel: ${csvPath} is too large (${bytes.size} bytes)\n`);
    return 1;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    process.stderr.write(`parley msel: ${csvPath} is not UTF-8 text: save it as "CSV UTF-8" from the spreadsheet\n`);
    return 1;
  }
  const result = mselFromCsv(text, scenario, { language: args.language });
  if (!result.ok) {
    for (const e of result.errors) {
      const column = e.column === null ? '' : `, column "${e.column}"`;
      process.stderr.write(`${csvPath}: row ${e.row}${column}: ${e.message}\n`);
    }
    process.stderr.write(`parley msel: ${plural(result.errors.length, 'error')}; nothing written\n`);
    return 1;
  }
  const yaml = replaceInjects(loaded.text, result.injects);
  const check = parseScenario(yaml, args.write ? scenarioFile : (args.output ?? scenarioFile));
  if (!check.ok) {
    for (const d of check.errors) process.stderr.write(`${formatDiagnostic(d)}\n`);
    process.stderr.write('parley msel: the scenario with these injects does not validate; nothing written\n');
    return 1;
  }
  await emit(yaml, args.write ? scenarioFile : args.output);
  process.stderr.write(`parley msel: ${plural(result.injects.length, 'inject')} imported\n`);
  return 0;
}
