import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createShutdown, onShutdownSignals } from './shutdown.ts';

function recorder() {
  const lines: { level: string; obj: unknown; msg: string }[] = [];
  const at = (level: string) => (obj: unknown, msg: string) => void lines.push({ level, obj, msg });
  return { lines, logger: { info: at('info'), warn: at('warn'), error: at('error') } };
}

describe('shutdown', () => {
  it('runs the steps in order, logs each, and goes on past a failure or a hang', async () => {
    const order: string[] = [];
    const { lines, logger } = recorder();
    const close = createShutdown(
      [
        { name: 'feed', run: () => void order.push('feed') },
        {
          name: 'rooms',
          run: async () => {
            order.push('rooms');
            throw new Error('room refused to die');
          },
        },
        { name: 'flush', run: () => new Promise(() => order.push('flush')), timeoutMs: 20 },
        { name: 'store', run: async () => void order.push('store') },
      ],
      { logger },
    );
    const outcomes = await close();
    expect(order).toEqual(['feed', 'rooms', 'flush', 'store']);
    expect(outcomes.map((o) => [o.name, o.outcome])).toEqual([
      ['feed', 'done'],
      ['rooms', 'failed'],
      ['flush', 'timed-out'],
      ['store', 'done'],
    ]);
    expect(outcomes[1]?.error).toBe('room refused to die');
    expect(lines.filter((l) => l.msg.startsWith('shutdown: step')).map((l) => l.level)).toEqual([
      'info',
      'error',
      'warn',
      'info',
    ]);
    expect(lines.at(-1)).toMatchObject({ level: 'warn', msg: 'shutdown: finished' });
  });

  it('runs only once however often it is called', async () => {
    let runs = 0;
    const close = createShutdown([{ name: 'store', run: () => void runs++ }], { logger: recorder().logger });
    const [a, b] = await Promise.all([close(), close()]);
    await close();
    expect(runs).toBe(1);
    expect(a).toBe(b);
  });

  it('closes on SIGTERM and exits 0, exits 1 at once on a second signal', async () => {
    const source = new EventEmitter();
    const exits: number[] = [];
    let release = () => {};
    const close = createShutdown([{ name: 'slow', run: () => new Promise<void>((r) => (release = r)) }], {
      logger: recorder().logger,
    });
    const uninstall = onShutdownSignals(close, { logger: recorder().logger, source, exit: (c) => exits.push(c) });
    source.emit('SIGTERM');
    source.emit('SIGINT');
    expect(exits).toEqual([1]);
    await new Promise((r) => setImmediate(r));
    expect(exits).toEqual([1]);
    release();
    await close();
    await new Promise((r) => setImmediate(r));
    expect(exits).toEqual([1, 0]);
    uninstall();
    expect(source.listenerCount('SIGTERM')).toBe(0);
  });

  it('exits 1 when a step failed', async () => {
    const source = new EventEmitter();
    const exits: number[] = [];
    const close = createShutdown(
      [
        {
          name: 'store',
          run: () => {
            throw new Error('disk full');
          },
        },
      ],
      { logger: recorder().logger },
    );
    onShutdownSignals(close, { logger: recorder().logger, source, exit: (c) => exits.push(c) });
    source.emit('SIGINT');
    await close();
    await new Promise((r) => setImmediate(r));
    expect(exits).toEqual([1]);
  });
});
