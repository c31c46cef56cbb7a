/**
 * Reading scenario files for the studio sub-commands (lint, msel): bounded reads, directory search, and a locator
 * that turns a field path of a valid scenario into `file:line:column`.
 */
import { open, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  type Diagnostic,
  decodeScenarioInput,
  MAX_SCENARIO_BYTES,
  type Path,
  parseScenario,
  type Scenario,
  sizeProblem,
} from '@parley/shared/scenario/index.ts';
import { createLocator } from '@parley/shared/scenario/locate.ts';
import { parseSource } from '@parley/shared/scenario/source.ts';

export class UsageError extends Error {}

/** Reads at most `limit` bytes; a larger file is refused without loading it. */
export async function readBounded(path: string, limit: number): Promise<Uint8Array | { size: number }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > limit) return { size };
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

export type Loaded =
  | { ok: true; scenario: Scenario; text: string; locate: (path: Path) => { line: number; column: number } }
  | { ok: false; diagnostics: Diagnostic[] };

/** A scenario file, validated: the scenario and a locator, or the validator's diagnostics (errors first). */
export async function loadScenario(path: string): Promise<Loaded> {
  const at = { file: path, line: 1, column: 1, path: '', severity: 'error' as const };
  let content: Uint8Array | { size: number };
  try {
    content = await readBounded(path, MAX_SCENARIO_BYTES);
  } catch (error) {
    const reason = errorCode(error) === 'EACCES' ? 'permission denied' : (error as Error).message;
    return { ok: false, diagnostics: [{ ...at, message: `cannot read the file (${reason})` }] };
  }
  if (!(content instanceof Uint8Array)) {
    return { ok: false, diagnostics: [{ ...at, message: sizeProblem(content.size) ?? 'too large' }] };
  }
  const result = parseScenario(content, path);
  const decoded = decodeScenarioInput(content);
  if (!result.ok || !decoded.ok) return { ok: false, diagnostics: result.ok ? [] : result.errors };
  const source = parseSource(decoded.text);
  const locator = source.doc === undefined ? undefined : createLocator(source.doc, source.lineCounter);
  return {
    ok: true,
    scenario: result.scenario,
    text: decoded.text,
    locate: (p) => locator?.({ path: p }) ?? { line: 1, column: 1 },
  };
}

async function yamlFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) {
      files.push(...(await yamlFilesIn(path)));
    } else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) files.push(path);
  }
  return files;
}

/** Files and directories (searched for *.yaml) to a list of files; a missing path is a usage error. */
export async function scenarioPaths(args: readonly string[], command: string): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => undefined);
    if (info === undefined) throw new UsageError(`no such file or directory: ${arg}`);
    if (!info.isDirectory()) files.push(arg);
    else {
      const found = await yamlFilesIn(arg);
      if (found.length === 0) process.stderr.write(`parley ${command}: no .yaml files in ${arg}\n`);
      files.push(...found.map((f) => relative(process.cwd(), f) || f));
    }
  }
  return [...new Set(files)];
}
