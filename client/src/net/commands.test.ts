import type { Command } from '@parley/shared/protocol/commands.ts';
import { describe, expect, it } from 'vitest';
import { createCommandTracker } from './commands.ts';

const START: Command = { type: 'exercise.start' };
const PAUSE: Command = { type: 'exercise.pause' };

/** A fake room: records what was sent, in order. */
function setup() {
  let n = 0;
  const timers: (() => void)[] = [];
  const tracker = createCommandTracker({ newId: () => `c${++n}`, later: (run) => timers.push(run) });
  const sent: { id: string; type: string }[] = [];
  const transport = (id: string, command: Command) => sent.push({ id, type: command.type });
  return { tracker, sent, transport, timers };
}

describe('command tracking', () => {
  it('sends each command with its own id and settles it with its acknowledgement', async () => {
    const { tracker, sent, transport } = setup();
    tracker.attach(transport);
    const a = tracker.submit(START);
    const b = tracker.submit(PAUSE);
    expect(sent).toEqual([
      { id: 'c1', type: 'exercise.start' },
      { id: 'c2', type: 'exercise.pause' },
    ]);
    expect(tracker.handle('refused', { id: 'c2', code: 'not-running', message: 'Play has not started.' })).toBe(true);
    expect(tracker.handle('ack', { id: 'c1', seqs: [4], flags: [] })).toBe(true);
    await expect(a).resolves.toEqual({ ok: true, id: 'c1', seqs: [4], flags: [] });
    await expect(b).resolves.toMatchObject({ ok: false, kind: 'refused', message: 'Play has not started.' });
    expect(tracker.pending).toBe(0);
  });

  it('ignores answers to commands that are not ours or already answered', async () => {
    const { tracker, transport } = setup();
    tracker.attach(transport);
    const a = tracker.submit(START);
    expect(tracker.handle('ack', { id: 'other', seqs: [], flags: [] })).toBe(false);
    tracker.handle('ack', { id: 'c1', seqs: [1], flags: [] });
    expect(tracker.handle('ack', { id: 'c1', seqs: [1], flags: [] })).toBe(false);
    await expect(a).resolves.toMatchObject({ ok: true, seqs: [1] });
  });

  it('keeps commands made while offline and sends them once connected', () => {
    const { tracker, sent, transport } = setup();
    void tracker.submit(START);
    expect(sent).toEqual([]);
    tracker.attach(transport);
    expect(sent).toEqual([{ id: 'c1', type: 'exercise.start' }]);
  });

  it('resends every unanswered command with the same id after a reconnection', () => {
    const { tracker, sent, transport } = setup();
    tracker.attach(transport);
    void tracker.submit(START);
    void tracker.submit(PAUSE);
    tracker.handle('ack', { id: 'c1', seqs: [1], flags: [] });
    tracker.attach(null);
    tracker.attach(transport);
    expect(sent.map((s) => s.id)).toEqual(['c1', 'c2', 'c2']);
    expect(tracker.pending).toBe(1);
  });

  it('sends a rate-limited command again later instead of failing it', async () => {
    const { tracker, sent, transport, timers } = setup();
    tracker.attach(transport);
    const a = tracker.submit(START);
    tracker.handle('error', { id: 'c1', code: 'rate-limited', message: 'Too many messages' });
    expect(tracker.pending).toBe(1);
    timers.forEach((run) => {
      run();
    });
    expect(sent.map((s) => s.id)).toEqual(['c1', 'c1']);
    tracker.handle('error', { id: 'c1', code: 'invalid', message: 'Invalid exercise.start command' });
    await expect(a).resolves.toMatchObject({ ok: false, kind: 'error', code: 'invalid' });
  });
});
