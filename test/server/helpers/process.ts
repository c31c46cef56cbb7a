/**
 * Parley as a real server process (`node server/src/main.ts`), as an operator runs it: configured by environment
 * variables, listening once it prints its address, killed with any signal. Every process started here is
 * remembered, so that `killAll()` (in `afterAll`) never leaves one behind, whatever failed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const MAIN = join(ROOT, 'server', 'src', 'main.ts');
const BOOT_TIMEOUT = 15_000;

const running = new Set<ServerProcess>();
// Should the test worker exit without `killAll()` (a crash, an interrupted run), its servers go with it.
process.once('exit', () => {
  for (const p of running) p.kill('SIGKILL');
});

export type Exit = { readonly code: number | null; readonly signal: NodeJS.Signals | null };

export class ServerProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly exited: Promise<Exit>;
  private readonly out: string[];

  private constructor(child: ChildProcess, port: number, out: string[], exited: Promise<Exit>) {
    this.child = child;
    this.port = port;
    this.out = out;
    this.exited = exited;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get endpoint(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** What the process wrote (stdout and stderr), for failure messages. */
  output(lines = 40): string {
    return this.out.join('').split('\n').slice(-lines).join('\n');
  }

  /** Send a signal now (synchronously: SIGKILL from inside a message handler kills before the next message). */
  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
  }

  /** Kill (SIGKILL unless told otherwise) and wait until the process is gone. */
  async stop(signal: NodeJS.Signals = 'SIGKILL', ms = 10_000): Promise<Exit> {
    this.kill(signal);
    return within(this.exited, ms, () => `server process ${this.pid} to exit after ${signal}\n${this.output()}`);
  }

  /**
   * Start `node server/src/main.ts` with `env` (PORT 0 picks a free port) and resolve once it listens. Logs go to
   * the captured output at LOG_LEVEL (default warn).
   */
  static async start(env: Readonly<Record<string, string>>): Promise<ServerProcess> {
    const child = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: string[] = [];
    const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    let tracked: ServerProcess | null = null;
    void exited.then(() => {
      if (tracked) running.delete(tracked);
    });
    const listening = new Promise<number>((resolve, reject) => {
      const seen = (chunk: Buffer) => {
        out.push(chunk.toString('utf8'));
        const match = /Parley is listening on http:\/\/[^:]+:(\d+)/.exec(out.join(''));
        if (match) resolve(Number(match[1]));
      };
      child.stdout?.on('data', seen);
      child.stderr?.on('data', (chunk: Buffer) => out.push(chunk.toString('utf8')));
      child.once('error', reject);
      void exited.then(({ code, signal }) =>
        reject(new Error(`the server exited (${signal ?? code}) before listening:\n${out.join('').slice(-3000)}`)),
      );
    });
    const placeholder = new ServerProcess(child, 0, out, exited);
    running.add(placeholder);
    try {
      const port = await within(listening, BOOT_TIMEOUT, () => `the server to listen\n${out.join('').slice(-3000)}`);
      running.delete(placeholder);
      tracked = new ServerProcess(child, port, out, exited);
      running.add(tracked);
      return tracked;
    } catch (error) {
      running.delete(placeholder);
      placeholder.kill();
      throw error;
    }
  }
}

/** Kill every server process still running (afterAll). */
export async function killAll(): Promise<void> {
  await Promise.allSettled([...running].map((p) => p.stop()));
}

/** `p`, or a rejection naming what was awaited after `ms`. */
export function within<T>(p: Promise<T>, ms: number, what: () => string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what()}`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
