import { compileScenario } from '@parley/shared/engine/compile.ts';
import { ExerciseSession } from '@parley/shared/engine/session.ts';
import { viewFor } from '@parley/shared/engine/view.ts';
import type { Command } from '@parley/shared/protocol/commands.ts';
import type { Role } from '@parley/shared/protocol/roles.ts';
import { parseScenario } from '@parley/shared/scenario/parse.ts';
import { describe, expect, it } from 'vitest';
import source from '../../../../scenarios/gridlock.yaml?raw';
import { exactFrameAt, prepareExact } from './exact.ts';
import { channelKey, recipientsOf } from './messages.ts';

/** Gridlock played for ten minutes: a bilateral message, a control-only adjustment, the timed injects. */
function played() {
  const parsed = parseScenario(source, 'gridlock.yaml');
  if (!parsed.ok) throw new Error('gridlock parses');
  const options = { seed: 7 };
  const session = new ExerciseSession(compileScenario(parsed.scenario), options);
  const seat = (delegation: string): Role => ({ kind: 'delegation', delegation, seat: 'mfa' });
  const run = (role: Role, command: Command) => {
    const result = session.submit(role, command);
    if (!result.ok) throw new Error(`${command.type}: ${result.refusal.message}`);
  };
  run({ kind: 'facilitator' }, { type: 'exercise.start' });
  session.advanceBy(2);
  run(seat('veldmark'), { type: 'message.send', channel: { kind: 'bilateral', with: 'halvania' }, text: 'EXACT-DM' });
  run({ kind: 'facilitator' }, { type: 'variable.adjust', var: 'public_pressure', add: 1, reason: 'x' });
  session.advanceBy(8);
  const events = session.events;
  const delivered = viewFor(session.compiled, session.state, { kind: 'facilitator' }).injects;
  const flash = delivered.find((d) => d.id === 'i05_cert_flash');
  if (!flash) throw new Error('the CERT flash was delivered');
  return { log: { scenarioSource: source, options, events }, flash: flash.seq, end: events.length };
}

const ids = (items: readonly { readonly id: string }[]) => items.map((i) => i.id);

describe('the exact replay', () => {
  const { log, flash, end } = played();
  const replay = prepareExact(log);
  if (!replay) throw new Error('the log replays');
  const veldmark = { kind: 'delegation', delegation: 'veldmark' } as const;
  const dravonia = { kind: 'delegation', delegation: 'dravonia' } as const;

  it('shows a delegation’s feed as it was: a later inject is not there yet, then is', () => {
    expect(ids(exactFrameAt(replay, veldmark, flash - 1).injects)).not.toContain('i05_cert_flash');
    const after = exactFrameAt(replay, veldmark, flash);
    expect(ids(after.injects)[0]).toBe('i05_cert_flash');
    expect(ids(after.injects)).toContain('i00_link_trip');
    expect(after.at).toBeGreaterThan(exactFrameAt(replay, veldmark, 2).at);
    expect(after.status).toBe('running');
    expect(after.phase).not.toBeNull();
  });

  it('never shows a delegation or the public what was addressed to others', () => {
    for (const role of [dravonia, { kind: 'observer' } as const]) {
      const frame = exactFrameAt(replay, role, end);
      expect(ids(frame.injects)).not.toContain('i05_cert_flash');
      expect(frame.messages.map((m) => m.text)).not.toContain('EXACT-DM');
    }
    expect(exactFrameAt(replay, { kind: 'control' }, end).messages.map((m) => m.text)).toContain('EXACT-DM');
    const dm = exactFrameAt(replay, { kind: 'delegation', delegation: 'halvania' }, end).messages[0];
    expect(dm?.text).toBe('EXACT-DM');
    expect(dm && channelKey(dm)).toBe('bilateral');
    expect(dm && recipientsOf(dm)).toEqual(['halvania']);
  });

  it('gives each role only the indicators it could see, and its own ladder', () => {
    const control = exactFrameAt(replay, { kind: 'control' }, end);
    const own = exactFrameAt(replay, veldmark, end);
    expect(control.variables.length).toBeGreaterThan(own.variables.length);
    expect(control.variables.find((v) => v.id === 'public_pressure')?.value).toBeGreaterThan(0);
    expect(own.ladders.map((l) => l.party)).toEqual(['veldmark']);
    expect(control.ladders.map((l) => l.party)).toEqual(expect.arrayContaining(['veldmark', 'dravonia']));
    expect(exactFrameAt(replay, { kind: 'observer' }, end).ladders).toEqual([]);
  });

  it('gives up (the approximate replay remains) when the source no longer parses', () => {
    expect(prepareExact({ ...log, scenarioSource: 'version: 1\nid: [' })).toBeNull();
  });
});
