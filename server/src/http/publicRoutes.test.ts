/** Join lookups, the library, health and metrics; bots in empty seats. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testServer.ts';

let api: TestServer;
let now = 0;
beforeEach(async () => {
  now = 1_000_000;
  api = await startTestServer({ now: () => now });
});
afterEach(() => api.close());

async function createExercise() {
  return (await api.call('POST', '/api/exercises', { body: { scenarioId: 'blackout-drill' } })).json;
}

describe('GET /api/join/:code', () => {
  it('tells a participant which exercise and role a code opens, and nothing secret', async () => {
    const created = await createExercise();
    const seat = created.codes[3];
    const res = await api.call('GET', `/api/join/${encodeURIComponent(seat.code.toLowerCase().replace('-', ' '))}`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      exerciseId: created.exercise.id,
      role: { kind: 'delegation', delegation: 'gridco', seat: 'soc' },
      label: 'GridCo · Security operations centre',
      exercise: { label: 'Blackout drill', status: 'open' },
      scenario: { id: 'blackout-drill', title: 'Blackout drill', languages: ['en', 'fr'] },
    });
    expect(res.text).not.toContain(created.facilitatorToken);
  });

  it('answers 404 for unknown codes, 400 for malformed ones, and 429 after 20 failures a minute', async () => {
    const created = await createExercise();
    const unknown = await api.call('GET', '/api/join/2222-2222');
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toEqual({
      code: 'unknown-code',
      message: '2222-2222 is not a join code of any exercise here; check it.',
    });
    const malformed = await api.call('GET', '/api/join/ABC');
    expect(malformed.status).toBe(400);
    for (const c of 'ABCDEFGHJKLMNPQRST') expect((await api.call('GET', `/api/join/3333-333${c}`)).status).toBe(404);
    const limited = await api.call('GET', `/api/join/${created.codes[0].code}`);
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe('too-many-attempts');
    expect(limited.headers.get('retry-after')).toBe('60');
    now += 61_000;
    expect((await api.call('GET', `/api/join/${created.codes[0].code}`)).status).toBe(200);
  });
});

describe('bots in empty seats', () => {
  it('seats and unseats a bot through the hosts, and the exercise shows it', async () => {
    const created = await createExercise();
    const id = created.exercise.id;
    const token = created.facilitatorToken;
    const seated = await api.call('POST', `/api/exercises/${id}/seats/sudmark/bot`, {
      body: { policy: 'hawkish' },
      token,
    });
    expect(seated.status).toBe(200);
    expect(seated.json).toEqual({ bots: { sudmark: 'hawkish' } });
    expect((await api.call('GET', `/api/exercises/${id}`, { token })).json.bots).toEqual({ sudmark: 'hawkish' });
    const unseated = await api.call('DELETE', `/api/exercises/${id}/seats/sudmark/bot`, { token });
    expect(unseated.json).toEqual({ bots: {} });
    expect(api.hosts.calls.slice(1)).toEqual([`seat ${id} sudmark hawkish`, `unseat ${id} sudmark`]);
  });

  it('refuses unknown policies and delegations, empty bot seats, seats a person holds, and rooms not running', async () => {
    const created = await createExercise();
    const id = created.exercise.id;
    const token = created.facilitatorToken;
    const seat = (delegation: string, body: unknown = { policy: 'cooperative' }) =>
      api.call('POST', `/api/exercises/${id}/seats/${delegation}/bot`, { body, token });

    const policy = await seat('sudmark', { policy: 'chaotic' });
    expect(policy.status).toBe(400);
    expect(policy.json.error.message).toBe('policy: the policy must be one of cooperative, hawkish, passive, random');
    const nobody = await seat('atlantis');
    expect(nobody.status).toBe(404);
    expect(nobody.json.error.message).toBe(
      '"atlantis" is not a delegation of this exercise (norland, sudmark, gridco).',
    );
    expect((await api.call('DELETE', `/api/exercises/${id}/seats/norland/bot`, { token })).status).toBe(404);
    api.hosts.occupied.add('norland');
    const taken = await seat('norland');
    expect(taken.status).toBe(409);
    expect(taken.json.error).toEqual({ code: 'seat', message: "norland's seat is taken by a participant." });
    const empty = await api.call('POST', `/api/exercises/${id}/seats/gridco/bot`, { token });
    expect(empty.status).toBe(400);
    expect(empty.json.error.message).toBe('The request needs a JSON body.');
    expect(
      (await api.call('POST', `/api/exercises/${id}/seats/gridco/bot`, { body: { policy: 'passive' } })).status,
    ).toBe(401);

    api.hosts.live.delete(id);
    const down = await seat('gridco');
    expect(down.status).toBe(409);
    expect(down.json.error.code).toBe('not-live');
    await api.store.markEnded(id, 5);
    expect((await seat('gridco')).json.error.code).toBe('ended');
  });
});

describe('GET /api/scenarios', () => {
  it('lists the library with what a facilitator needs to set up an exercise', async () => {
    const res = await api.call('GET', '/api/scenarios');
    expect(res.status).toBe(200);
    expect(res.json).toHaveLength(1);
    expect(res.json[0]).toMatchObject({
      file: 'drill.yaml',
      ok: true,
      id: 'blackout-drill',
      title: { en: 'Blackout drill' },
      delegations: [
        {
          id: 'norland',
          name: 'Norland',
          seats: [
            { id: 'mfa', title: 'Foreign ministry' },
            { id: 'cert', title: 'National CERT' },
          ],
        },
        { id: 'sudmark' },
        { id: 'gridco' },
      ],
      rules: [
        { id: 'consult-first', type: 'precondition' },
        { id: 'ack-pings', type: 'deadline' },
      ],
    });
  });
});

describe('/healthz and /metrics', () => {
  it('reports health as 200, or 503 when not ok or when the check fails', async () => {
    const ok = await api.call('GET', '/healthz');
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ ok: true, store: 'ok' });
    api.health = { ok: false, store: 'unreachable' };
    expect((await api.call('GET', '/healthz')).status).toBe(503);
  });

  it('serves the metrics in Prometheus text format', async () => {
    const res = await api.call('GET', '/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.text).toBe('# TYPE parley_rooms gauge\nparley_rooms 0\n');
  });
});
