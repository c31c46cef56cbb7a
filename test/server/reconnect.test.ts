/**
 * A dropped connection (the socket closed without leaving, as a network failure does): within the reconnection
 * window the client comes back to the same seat and session, and resyncs to exactly the current view, whatever
 * happened while it was away (messages, injects, timers, a phase change); after the window its seat is gone, the
 * old session cannot be resumed, and the participant rejoins with the join code, to the same current view.
 */
import { type DelegationView, type FacilitatorView, MINUTE, type View } from '@parley/shared';
import type { PresenceMessage } from '@parley/shared/protocol/room.ts';
import { docView } from '@parley/shared/sync/flatten.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GREY_TIDE_ROLES as R } from './helpers/commands.ts';
import { type Seat, withTimeout } from './helpers/seat.ts';
import { startServer, type TestExercise, type TestServer } from './helpers/server.ts';
import { sameView, viewDiff } from './helpers/views.ts';

const WINDOW_SECONDS = 2;

let server: TestServer;
let exercise: TestExercise;
let control: Seat;
let norland: Seat;
let norlandCert: Seat;
let vesteria: Seat;

/** The view the host would project for Norland now (what every Norland seat must hold). */
const current = () => docView(exercise.host.view(R.norland));
const seatsOf = (p: PresenceMessage) => p.seats['norland/mfa'];

/** While Norland's MFA seat is away, the exercise moves on in every way a view can show. */
async function playWhileAway(tag: string): Promise<void> {
  await vesteria.ok({ type: 'message.send', channel: { kind: 'bilateral', with: 'norland' }, text: `${tag} DM` });
  await vesteria.ok({ type: 'poc.ping', to: 'norland', text: `${tag} ping` });
  await control.ok({ type: 'inject.write', title: tag, body: `${tag} bulletin`, channel: 'email', to: ['norland'] });
  await control.ok({ type: 'broadcast', to: 'all', text: `${tag} broadcast` });
  await norlandCert.ok({ type: 'assess', severity: 3, suspect: 'vesteria', confidence: 'medium', note: `${tag} note` });
  await control.ok({ type: 'clock.jump', minutes: 4 });
}

beforeAll(async () => {
  server = await startServer({ reconnectSeconds: WINDOW_SECONDS });
  exercise = await server.createExercise();
  control = await exercise.join(R.facilitator);
  norland = await exercise.join(R.norland);
  norlandCert = await exercise.join(R.norlandCert);
  vesteria = await exercise.join(R.vesteria);
  await control.ok({ type: 'exercise.start' });
});

afterAll(async () => {
  await server?.close();
});

describe('a dropped connection', () => {
  it('comes back within the window to the same seat and session, resynced to the current view', async () => {
    const session = norland.room.sessionId;
    const before = JSON.stringify(current());
    const away = control.next<PresenceMessage>('presence', (p) => seatsOf(p)?.reconnecting === 1);
    norland.drop();
    await away;
    await playWhileAway('AWAY-1');
    expect(JSON.stringify(current())).not.toBe(before);

    const back = control.next<PresenceMessage>('presence', (p) => seatsOf(p)?.online === 1);
    await norland.reconnect();
    await back;
    expect(norland.room.sessionId).toBe(session);
    const view = await norland.until((v: View) => sameView(v, current()), 'the resync to the current view');
    expect(viewDiff(view, current())).toEqual([]);
    // The seat that stayed connected holds the same view.
    await norlandCert.until((v: View) => sameView(v, view), 'the other Norland seat');
    const seen = view as DelegationView;
    expect(seen.messages.map((m) => m.text)).toEqual(expect.arrayContaining(['AWAY-1 DM', 'AWAY-1 broadcast']));
    expect(seen.injects.map((i) => i.title)).toContain('AWAY-1');
    expect(seen.pings.map((p) => p.text)).toContain('AWAY-1 ping');

    // Same seat: its commands are Norland MFA's, and the facilitator sees one client on it.
    await norland.ok({ type: 'poc.ack', ping: seen.pings[0]?.id ?? '', text: 'Back online.' });
    await norlandCert.until<DelegationView>((v) => v.pings.some((p) => p.ackText === 'Back online.'));
    await control.until<FacilitatorView>((v) =>
      v.pings.some((p) => p.from === 'vesteria' && p.to === 'norland' && p.ackText === 'Back online.'),
    );
  });

  it('after the window must rejoin with its join code, and then holds the current view', async () => {
    const token = norland.room.reconnectionToken;
    const gone = control.next<PresenceMessage>('presence', (p) => seatsOf(p) === undefined);
    const started = Date.now();
    norland.drop();
    await playWhileAway('AWAY-2');
    await withTimeout(gone, 'the seat to be freed', (WINDOW_SECONDS + 3) * 1000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(WINDOW_SECONDS * 1000 - 100);

    await expect(server.sdk.reconnect(token)).rejects.toThrow(/token invalid or expired/);
    const back = await exercise.join(R.norland);
    expect(back.room.sessionId).not.toBe(norland.room.sessionId);
    expect(back.welcome.role).toEqual(R.norland);
    expect(viewDiff(back.view(), current())).toEqual([]);
    expect((back.view() as DelegationView).clock.now).toBeGreaterThanOrEqual(8 * MINUTE);
    await back.ok({ type: 'assess', severity: 2, suspect: null, confidence: 'low', note: 'rejoined' });
    await norlandCert.until<DelegationView>((v) => v.assessments.some((a) => a.note === 'rejoined'));
  }, 15_000);
});
