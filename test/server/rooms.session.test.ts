/**
 * Seats over time: who may join (codes, tokens, revoked codes), several people on one delegation, who is connected
 * (the facilitator's presence), dropped connections that come back within the window and resync, bots that take an
 * empty seat through the room and play through the same command path, and a whole server restart after which the
 * same code rejoins the same exercise and play carries on.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DelegationView } from '@parley/shared';
import { replay, viewFor } from '@parley/shared';
import type { PresenceMessage } from '@parley/shared/protocol/room.ts';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { GREY_TIDE_ROLES as R } from './helpers/commands.ts';
import { nextId, type Seat, withTimeout } from './helpers/seat.ts';
import { startServer, type TestServer } from './helpers/server.ts';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const leftWith = (seat: Seat) =>
  withTimeout(new Promise<number>((resolve) => seat.room.onLeave((code) => resolve(code))), 'the client to leave');

async function joinError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  throw new Error('the join was accepted');
}

describe('joining', () => {
  it('refuses unknown, malformed and foreign codes and wrong tokens, each with a message saying what to do', async () => {
    server = await startServer();
    const a = await server.createExercise();
    const b = await server.createExercise();
    expect(await joinError(a.joinWith({ code: 'ABCD-EFGH' }))).toMatch(/is not a join code of any exercise here/);
    expect(await joinError(a.joinWith({ code: 'OOPS-0000' }))).toMatch(/never use 0, O, 1 or I/);
    expect(await joinError(a.joinWith({ code: b.codeOf(R.norland) }))).toMatch(/for another exercise/);
    expect(await joinError(a.joinWith({ facilitatorToken: 'wrong-token', exerciseId: a.id }))).toMatch(
      /not the facilitator token/,
    );
    expect(await joinError(a.joinWith({}))).toMatch(/Join with your join code/);
  });

  it('refuses a revoked code, and disconnects whoever joined with it', async () => {
    server = await startServer();
    const ex = await server.createExercise();
    const code = ex.codeOf(R.kestrel);
    const kestrel = await ex.join(R.kestrel);
    const left = leftWith(kestrel);
    const res = await fetch(`${server.url}/api/exercises/${ex.id}/codes/${code}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ex.facilitatorToken}` },
    });
    expect(res.status).toBe(200);
    expect(await left).toBe(4403);
    expect(await joinError(ex.joinWith({ code }))).toMatch(/withdrawn by the facilitator/);
  });

  it('lets several people sit in one delegation at once, all seeing the same view', async () => {
    server = await startServer();
    const ex = await server.createExercise();
    const control = await ex.join(R.facilitator);
    const mfa1 = await ex.join(R.norland);
    const mfa2 = await ex.join(R.norland);
    const cert = await ex.join(R.norlandCert);
    await control.ok({ type: 'exercise.start' });
    await cert.ok({ type: 'assess', severity: 3, suspect: null, confidence: 'low', note: 'SHARED-1' });
    for (const s of [mfa1, mfa2, cert])
      await s.until<DelegationView>((v) => v.assessments.some((a) => a.note === 'SHARED-1'));
    expect(mfa1.docKeys()).toEqual(['delegation:norland']);
  });
});

describe('presence', () => {
  it('tells the facilitator which seats are connected', async () => {
    server = await startServer();
    const ex = await server.createExercise();
    const control = await ex.join(R.facilitator);
    const update = control.next<PresenceMessage>('presence', (p) => p.seats['vesteria/mfa']?.online === 1);
    const vesteria = await ex.join(R.vesteria);
    expect((await update).seats.control).toEqual({ online: 1, reconnecting: 0 });
    const gone = control.next<PresenceMessage>('presence', (p) => p.seats['vesteria/mfa'] === undefined);
    await vesteria.leave();
    await gone;
    expect(vesteria.received.some((m) => m.type === 'presence')).toBe(false);
  });

  it('shows the facilitator the display name each person gave at join, and forgets it when they leave', async () => {
    server = await startServer();
    const ex = await server.createExercise();
    const control = await ex.join(R.facilitator);
    const named = control.next<PresenceMessage>('presence', (p) => p.people.some((x) => x.seat === 'norland/mfa'));
    const amina = await ex.joinWith({ code: ex.codeOf(R.norland), name: '  Amina Diallo ' });
    expect((await named).people.find((x) => x.seat === 'norland/mfa')).toEqual({
      seat: 'norland/mfa',
      name: 'Amina Diallo',
      online: true,
    });
    const gone = control.next<PresenceMessage>('presence', (p) => !p.people.some((x) => x.seat === 'norland/mfa'));
    await amina.leave();
    await gone;
    expect(await joinError(ex.joinWith({ code: ex.codeOf(R.norland), name: 'x'.repeat(61) }))).toMatch(/Join with/);
  });
});

describe('reconnection', () => {
  it('keeps a dropped seat for the window; on return the client has the same session and what it missed', async () => {
    server = await startServer({ reconnectSeconds: 10 });
    const ex = await server.createExercise();
    const control = await ex.join(R.facilitator);
    const norland = await ex.join(R.norland);
    const vesteria = await ex.join(R.vesteria);
    await control.ok({ type: 'exercise.start' });
    const sessionId = norland.room.sessionId;

    const held = control.next<PresenceMessage>('presence', (p) => p.seats['norland/mfa']?.reconnecting === 1);
    norland.drop();
    await held;
    await vesteria.ok({ type: 'message.send', channel: { kind: 'bilateral', with: 'norland' }, text: 'WHILE-AWAY-1' });

    const back = control.next<PresenceMessage>('presence', (p) => p.seats['norland/mfa']?.online === 1);
    await norland.reconnect();
    expect(norland.room.sessionId).toBe(sessionId);
    await norland.until((v) => v.messages.some((m) => m.text === 'WHILE-AWAY-1'));
    await back;
    expect((await norland.send({ type: 'assess', severity: 1, confidence: 'low' })).type).toBe('ack');
  });

  it('reconnects on its own after a network drop (SDK automatic reconnection)', async () => {
    server = await startServer({ reconnectSeconds: 10 });
    const ex = await server.createExercise();
    const control = await ex.join(R.facilitator);
    const norland = await ex.join(R.norland, { autoReconnect: true });
    await control.ok({ type: 'exercise.start' });
    const reconnected = withTimeout(
      new Promise<void>((resolve) => norland.room.onReconnect(() => resolve())),
      'reconnect',
    );
    (norland.room.connection as unknown as { close(code: number): void }).close(4010);
    await reconnected;
    await control.ok({ type: 'broadcast', to: ['norland'], text: 'AFTER-AUTO-1' });
    await norland.until((v) => v.messages.some((m) => m.text === 'AFTER-AUTO-1'));
  });

  it('frees the seat when the window passes', async () => {
    server = await startServer({ reconnectSeconds: 1 });
    const ex = await server.createExercise();
    const control = await ex.join(R.facilitator);
    const norland = await ex.join(R.norland);
    const gone = control.next<PresenceMessage>('presence', (p) => p.seats['norland/mfa'] === undefined);
    norland.drop();
    await gone;
    await expect(norland.reconnect()).rejects.toThrow();
  });
});

describe('bots on empty seats', () => {
  it('take a seat on the facilitator’s message and play through the same command path', async () => {
    server = await startServer();
    const ex = await server.createExercise();
    const control = await ex.join(R.facilitator);
    await ex.join(R.vesteria); // a person holds Vesteria's seat

    const id = nextId();
    control.raw('seat.bot', { id, delegation: 'kestrel', policy: 'cooperative' });
    expect(await control.replyTo(id)).toMatchObject({ type: 'ack' });
    expect((await server.store.getExercise(ex.id))?.bots).toEqual({ kestrel: 'cooperative' });
    await control.next<PresenceMessage>('presence', (p) => p.bots.kestrel === 'cooperative', true);

    const taken = nextId();
    control.raw('seat.bot', { id: taken, delegation: 'vesteria', policy: 'passive' });
    expect(await control.replyTo(taken)).toMatchObject({
      type: 'refused',
      message: expect.stringMatching(/Someone is connected to a seat of Vesteria/),
    });
    const unknown = nextId();
    control.raw('seat.bot', { id: unknown, delegation: 'norland', policy: 'reckless' });
    expect(await control.replyTo(unknown)).toMatchObject({
      type: 'refused',
      message: expect.stringMatching(/no bot policy "reckless"/),
    });

    await control.ok({ type: 'exercise.start' });
    await control.ok({ type: 'clock.speed', speed: 60 }); // two game minutes in two seconds
    await expect
      .poll(async () => (await ex.log()).filter((e) => e.commandId?.startsWith('bot:kestrel:')).length, {
        timeout: 8000,
      })
      .toBeGreaterThan(0);
    const botEvents = (await ex.log()).filter((e) => e.commandId?.startsWith('bot:kestrel:'));
    expect(botEvents.every((e) => e.role.kind === 'delegation' && e.role.delegation === 'kestrel')).toBe(true);

    const off = nextId();
    control.raw('seat.unbot', { id: off, delegation: 'kestrel' });
    expect(await control.replyTo(off)).toMatchObject({ type: 'ack' });
    expect((await server.store.getExercise(ex.id))?.bots).toEqual({});
  }, 15_000);
});

describe('a whole server restart', () => {
  it('re-creates the room with the same id; the same code rejoins and play carries on from the saved log', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-restart-'));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    server = await startServer({ store: 'sqlite', dataDir });
    const store = server.store;
    const ex = await server.createExercise();
    const control = await ex.join(R.facilitator);
    const norland = await ex.join(R.norland);
    await control.ok({ type: 'exercise.start' });
    const acked = [
      await norland.ok({ type: 'assess', severity: 2, suspect: null, confidence: 'low', note: 'BEFORE-RESTART' }),
      await norland.ok({ type: 'poc.ping', to: 'vesteria', text: 'Anyone there?' }),
    ];
    const before = await store.loadEvents(ex.id);
    await server.close();

    server = await startServer({ store: 'sqlite', dataDir });
    const reopened = server.store;
    expect(server.app.registry.isLive(ex.id)).toBe(true);
    const host = server.app.registry.get(ex.id);
    const again = await ex.on(server).join(R.norland);
    const view = await again.until<DelegationView>((v) => v.assessments.some((a) => a.note === 'BEFORE-RESTART'));
    expect(view.pings).toHaveLength(1);
    const log = await reopened.loadEvents(ex.id);
    for (const ack of acked) for (const seq of ack.seqs) expect(log.some((e) => e.seq === seq)).toBe(true);
    expect(log.slice(0, before.length)).toEqual(before);
    if (!host) throw new Error('not restored');
    const replayed = replay(host.compiled, log, host.record.options);
    expect(host.committed.state.seq).toBe(replayed.seq);
    expect(host.view(R.facilitator)).toEqual(viewFor(host.compiled, replayed, R.facilitator));

    expect((await again.send({ type: 'assess', severity: 3, confidence: 'low', note: 'AFTER-RESTART' })).type).toBe(
      'ack',
    );
    await pause(10);
    expect((await reopened.loadEvents(ex.id)).some((e) => e.type === 'assess' && e.note === 'AFTER-RESTART')).toBe(
      true,
    );
  });
});
