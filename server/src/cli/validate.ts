/**
 * `./parley validate <file|dir>...`: checks scenario files and prints one line per problem
 * (`file:line:column path: message`, warnings marked `warning:`), then `N files, N errors, N warnings`.
 * Directories are searched recursively for *.yaml / *.yml (skipping node_modules and hidden folders).
 * Exit status: 0 without errors, 1 with errors, 2 for usage errors (no arguments, a path that does not exist).
 */
import { open, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  type Diagnostic,
  formatDiagnostic,
  MAX_SCENARIO_BYTES,
  parseScenario,
  plural,
  sizeProblem,
} from '@parley/shared/scenario/index.ts';

const USAGE = 'usage: ./parley validate <file|dir>...';

const isScenarioFile = (name: string): boolean => /\.ya?ml$/i.test(name);

async function scenarioFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) {
      files.push(...(await scenarioFilesIn(path)));
    } else if (entry.isFile() && isScenarioFile(entry.name)) files.push(path);
  }
  return files;
}

/** Reads at most one byte more than the limit, so that a huge file is refused without loading it. */
async function readBounded(path: string): Promise<Uint8Array | { size: number }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_SCENARIO_BYTES) return { size };
    const buffer = new Uint8Array(size);
    const { bytesRead } = await handle.read(buffer, 0, size, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

async function validateFile(path: string): Promise<Diagnostic[]> {
  const at = { file: path, line: 1, column: 1, path: '', severity: 'error' as const };
  try {
    const content = await readBounded(path);
    if (!(content instanceof Uint8Array)) return [{ ...at, message: sizeProblem(content.size) ?? 'too large' }];
    const result = parseScenario(content, path);
    return result.ok ? result.warnings : [...result.errors, ...result.warnings];
  } catch (error) {
    const reason = errorCode(error) === 'EACCES' ? 'permission denied' : (error as Error).message;
    return [{ ...at, message: `cannot read the file (${reason})` }];
  }
}

export async function run(args: string[]): Promise<number> {
  if (args.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const files: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => undefined);
    if (info === undefined) {
      process.stderr.write(`parley validate: no such file or directory: ${arg}\n${USAGE}\n`);
      return 2;
    }
    if (!info.isDirectory()) files.push(arg);
    else {
      const found = await scenarioFilesIn(arg);
      if (found.length === 0) process.stderr.write(`parley validate: no .yaml files in ${arg}\n`);
      files.push(...found.map((f) => relative(process.cwd(), f) || f));
    }
  }
  let errors = 0;
  let warnings = 0;
  for (const file of [...new Set(files)]) {
    const diagnostics = await validateFile(file);
    for (const d of diagnostics.sort((a, b) => a.line - b.line || a.column - b.column)) {
      if (d.severity === 'error') errors++;
      else warnings++;
      process.stdout.write(`${formatDiagnostic(d)}\n`);
    }
  }
  process.stdout.write(`${plural(files.length, 'file')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`);
  return errors > 0 ? 1 : 0;
}
