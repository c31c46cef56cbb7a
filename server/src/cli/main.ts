/**
 * `./parley validate|simulate|bench|schema|lint|msel ...`: the command-line tools. Each sub-command lives in its own
 * module exporting `run(args: string[]): Promise<number>` (the exit status). Errors a user can cause are printed as
 * messages, never as stack traces.
 */
const commands = {
  validate: () => import('./validate.ts'),
  simulate: () => import('./simulate.ts'),
  bench: () => import('./bench.ts'),
  schema: () => import('./schema.ts'),
  lint: () => import('./lint.ts'),
  msel: () => import('./msel.ts'),
} as const;

type Name = keyof typeof commands;

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || !(name in commands)) {
    process.stderr.write(`parley: unknown command "${name ?? ''}" (try ./parley --help)\n`);
    return 2;
  }
  const mod = await commands[name as Name]();
  return mod.run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `parley: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 70;
  },
);
