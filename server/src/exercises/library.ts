/**
 * The scenario library an exercise is created from: every `*.yaml` in the scenarios directory, parsed and validated,
 * with its source text (an exercise stores the text it was created from). Files are re-read only when their size or
 * modification time changes; a file that fails validation is listed with its diagnostics rather than hidden.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic, parseScenario, type Scenario } from '@parley/shared';

export type LibraryItem =
  | { readonly file: string; readonly ok: true; readonly scenario: Scenario; readonly source: string }
  | { readonly file: string; readonly ok: false; readonly errors: string[] };

type Cached = { readonly mtimeMs: number; readonly size: number; readonly item: LibraryItem };

export class ScenarioLibrary {
  readonly dir: string;
  private readonly cache = new Map<string, Cached>();

  constructor(dir: string) {
    this.dir = dir;
  }

  /** Every scenario file, valid or not, by file name. A missing directory is an empty library. */
  list(): LibraryItem[] {
    let names: string[];
    try {
      names = readdirSync(this.dir).filter((name) => /\.ya?ml$/.test(name));
    } catch {
      return [];
    }
    names.sort();
    const seen = new Set(names);
    for (const file of this.cache.keys()) if (!seen.has(file)) this.cache.delete(file);
    return names.flatMap((file) => {
      const item = this.load(file);
      return item ? [item] : [];
    });
  }

  /** The valid scenario with this id (the first file, by name, if two share it). */
  find(id: string): { readonly scenario: Scenario; readonly source: string } | null {
    for (const item of this.list()) if (item.ok && item.scenario.id === id) return item;
    return null;
  }

  private load(file: string): LibraryItem | null {
    const path = join(this.dir, file);
    try {
      const { mtimeMs, size } = statSync(path);
      const cached = this.cache.get(file);
      if (cached && cached.mtimeMs === mtimeMs && cached.size === size) return cached.item;
      const bytes = readFileSync(path);
      const result = parseScenario(bytes, file);
      const item: LibraryItem = result.ok
        ? { file, ok: true, scenario: result.scenario, source: bytes.toString('utf8') }
        : { file, ok: false, errors: result.errors.map(formatDiagnostic) };
      this.cache.set(file, { mtimeMs, size, item });
      return item;
    } catch {
      return null;
    }
  }
}
