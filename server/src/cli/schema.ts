/**
 * `./parley schema [--check] [--out <file>]`: writes scenarios/scenario.schema.json, the JSON Schema of the scenario
 * format generated from the zod schema, so trainers' editors complete and check scenario files. `--check` only
 * compares and exits 1 when the file is stale. Also runs directly: `node server/src/cli/schema.ts`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchema } from '@parley/shared/scenario/jsonSchema.ts';

export const SCHEMA_FILE = fileURLToPath(new URL('../../../scenarios/scenario.schema.json', import.meta.url));

/** The file's exact content: the schema, two-space indented, with a final newline. */
export function schemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

export async function run(args: string[]): Promise<number> {
  const check = args.includes('--check');
  const outAt = args.indexOf('--out');
  const out = outAt === -1 ? SCHEMA_FILE : args[outAt + 1];
  const unknown = args.filter((a, i) => a !== '--check' && i !== outAt && i !== outAt + 1);
  if (out === undefined || unknown.length > 0) {
    process.stderr.write('usage: ./parley schema [--check] [--out <file>]\n');
    return 2;
  }
  const text = schemaText();
  const shown = relative(process.cwd(), out) || out;
  if (check) {
    const current = await readFile(out, 'utf8').catch(() => '');
    if (current === text) return 0;
    process.stderr.write(`${shown} is out of date with the scenario format: run ./parley schema\n`);
    return 1;
  }
  await writeFile(out, text);
  process.stdout.write(`wrote ${shown}\n`);
  return 0;
}

if (import.meta.main) {
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
