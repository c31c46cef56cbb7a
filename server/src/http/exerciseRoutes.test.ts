/** The trainer's and facilitator's routes, as a client calls them over HTTP. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testServer.ts';

let api: TestServer;
beforeEach(async () => {
  api = await startTestServer();
});
afterEach(() => api.close());

async function createExercise(body: Record<string, unknown> = {}, token?: string) {
  const created = await api.call('POST', '/api/exercises', { body: { scenarioId: 'blackout-drill', ...body }, token });
  expect(created.status).toBe(201);
  return created.json;
}

describe('POST /api/workshops', () => {
  it('creates a workshop and returns its trainer token once', async () => {
    const res = await api.call('POST', '/api/workshops', { body: { title: '  Spring course  ' } });
    expect(res.status).toBe(201);
    expect(res.json.workshop).toMatchObject({ title: 'Spring course', id: expect.stringMatching(/^[2-9a-z]{10}$/) });
    expect(res.json.trainerToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.text).not.toMatch(/trainerSecret|:[0-9a-f]{64}/);
  });

  it('refuses a missing or overlong title with a readable message', async () => {
    const none = await api.call('POST', '/api/workshops', { body: {} });
    expect(none.status).toBe(400);
    expect(none.json.error.code).toBe('invalid');
    expect(none.json.error.message).toMatch(/^title: /);
    const long = await api.call('POST', '/api/workshops', { body: { title: 'x'.repeat(121) } });
    expect(long.json.error.message).toBe('title: the title must be at most 120 characters');
    const control = await api.call('POST', '/api/workshops', { body: { title: 'two\nlines\u0000' } });
    expect(control.json.error.message).toBe('title: the title must be one line of plain text');
  });
});

describe('POST /api/exercises', () => {
  it('answers the exercise, the facilitator token and a code with a link for every seat and role', async () => {
    const created = await createExercise({ label: 'Table 1', seed: 99 });
    expect(created.exercise).toMatchObject({
      label: 'Table 1',
      scenario: { id: 'blackout-drill', title: 'Blackout drill' },
      status: 'open',
      seed: 99,
      live: true,
      bots: {},
    });
    expect(created.facilitatorToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(created.codes).toHaveLength(6);
    const [first] = created.codes;
    expect(first).toMatchObject({
      label: 'Norland · Foreign ministry',
      role: { kind: 'delegation', delegation: 'norland', seat: 'mfa' },
      status: 'active',
    });
    expect(first.code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(first.link).toBe(`${api.url}/join/${first.code}`);
    expect(api.hosts.calls).toEqual([`open ${created.exercise.id}`]);
    expect(JSON.stringify(created)).not.toMatch(/facilitatorSecret|scenarioSource|version: 1/);
  });

  it('uses the configured public URL for links', async () => {
    await api.close();
    api = await startTestServer({ publicUrl: 'https://parley.example.org/' });
    const created = await createExercise();
    expect(created.codes[0].link).toMatch(/^https:\/\/parley\.example\.org\/join\/[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  });

  it('refuses an unknown scenario (404), a bad rule mode and unknown fields (400)', async () => {
    const unknown = await api.call('POST', '/api/exercises', { body: { scenarioId: 'nothing-here' } });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.message).toMatch(/There is no scenario "nothing-here" in the library/);
    const mode = await api.call('POST', '/api/exercises', {
      body: { scenarioId: 'blackout-drill', ruleModes: { 'ack-pings': 'block' } },
    });
    expect(mode.status).toBe(400);
    expect(mode.json.error.message).toMatch(/deadline rule/);
    const typo = await api.call('POST', '/api/exercises', { body: { scenarioId: 'blackout-drill', seeed: 3 } });
    expect(typo.status).toBe(400);
    expect(typo.json.error.message).toMatch(/seeed/);
    const short = await api.call('POST', '/api/exercises', {
      body: { scenarioId: 'blackout-drill', facilitatorPassphrase: 'short' },
    });
    expect(short.json.error.message).toBe(
      'facilitatorPassphrase: a facilitator passphrase needs at least 8 characters',
    );
  });

  it('attaches to a workshop with its trainer token, which then lists it', async () => {
    const ws = (await api.call('POST', '/api/workshops', { body: { title: 'Course' } })).json;
    const path = `/api/workshops/${ws.workshop.id}/exercises`;
    const without = await api.call('POST', '/api/exercises', {
      body: { scenarioId: 'blackout-drill', workshopId: ws.workshop.id },
    });
    expect(without.status).toBe(401);
    expect(without.json.error.message).toMatch(/trainer token/);
    const a = await createExercise({ workshopId: ws.workshop.id, label: 'A' }, ws.trainerToken);
    await createExercise({ label: 'not in the workshop' });

    const listed = await api.call('GET', path, { token: ws.trainerToken });
    expect(listed.status).toBe(200);
    expect(listed.json.workshop).toMatchObject({ id: ws.workshop.id, title: 'Course' });
    expect(listed.json.exercises.map((e: { id: string }) => e.id)).toEqual([a.exercise.id]);
    expect((await api.call('GET', path)).status).toBe(401);
    expect((await api.call('GET', path, { token: a.facilitatorToken })).status).toBe(401);
    expect((await api.call('GET', '/api/workshops/unknown123/exercises', { token: ws.trainerToken })).status).toBe(404);
  });
});

describe('GET /api/exercises/:id', () => {
  it('shows the facilitator the exercise, its codes with their status, and its bots', async () => {
    const passphrase = 'table one: phrase de passe 100% sûre';
    const created = await createExercise({ facilitatorPassphrase: passphrase });
    expect(created.facilitatorToken).toBeNull();
    const path = `/api/exercises/${created.exercise.id}`;
    const res = await api.call('GET', path, { token: encodeURIComponent(passphrase) });
    expect(res.status).toBe(200);
    expect(res.json.exercise.id).toBe(created.exercise.id);
    expect(res.json.codes).toEqual(created.codes);
    expect(res.json.bots).toEqual({});
    expect((await api.call('GET', path, { token: 'table one: phrase de passe' })).status).toBe(401);
  });

  it('refuses without the token (401, says how to send it), with a wrong one (401), for an unknown id (404)', async () => {
    const created = await createExercise();
    const path = `/api/exercises/${created.exercise.id}`;
    const none = await api.call('GET', path);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(none.json.error.message).toMatch(/Authorization: Bearer <token>/);
    const wrong = await api.call('GET', path, { token: 'not-the-token' });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error).toEqual({
      code: 'unauthorized',
      message: 'That is not the facilitator token or passphrase of this exercise.',
    });
    const basic = await api.call('GET', path, { headers: { authorization: `Basic ${created.facilitatorToken}` } });
    expect(basic.status).toBe(401);
    const unknown = await api.call('GET', '/api/exercises/zzzzzzzzzz', { token: created.facilitatorToken });
    expect(unknown.status).toBe(404);
  });

  it('slows down someone trying tokens: 20 wrong ones a minute, then 429 with Retry-After', async () => {
    const created = await createExercise();
    const path = `/api/exercises/${created.exercise.id}`;
    for (let i = 0; i < 20; i++) expect((await api.call('GET', path, { token: `guess-${i}` })).status).toBe(401);
    const limited = await api.call('GET', path, { token: created.facilitatorToken });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.json.error.message).toMatch(/Too many wrong tokens/);
  });
});

describe('revoking and reissuing codes', () => {
  it('revokes a code (the host is told), reissues a fresh one for the same seat, refuses strangers', async () => {
    const created = await createExercise();
    const id = created.exercise.id;
    const token = created.facilitatorToken;
    const seat = created.codes[1];

    const revoked = await api.call('POST', `/api/exercises/${id}/codes/${seat.code}/revoke`, { token });
    expect(revoked.status).toBe(200);
    expect(revoked.json.code).toMatchObject({ code: seat.code, status: 'revoked' });
    expect(api.hosts.calls).toContain(`revoked ${id} ${seat.code.replace('-', '')}`);
    expect((await api.call('GET', `/api/join/${seat.code}`)).status).toBe(404);

    const reissued = await api.call('POST', `/api/exercises/${id}/codes/${seat.code.toLowerCase()}/reissue`, { token });
    expect(reissued.status).toBe(201);
    expect(reissued.json.code.role).toEqual(seat.role);
    expect(reissued.json.code.code).not.toBe(seat.code);
    const joined = await api.call('GET', `/api/join/${reissued.json.code.code}`);
    expect(joined.json.role).toEqual(seat.role);

    const again = await api.call('POST', `/api/exercises/${id}/codes/${seat.code}/reissue`, { token });
    expect(again.status).toBe(409);
    expect((await api.call('POST', `/api/exercises/${id}/codes/${seat.code}/revoke`)).status).toBe(401);
    expect((await api.call('POST', `/api/exercises/${id}/codes/2222-2222/revoke`, { token })).status).toBe(404);
    const bad = await api.call('POST', `/api/exercises/${id}/codes/OOPS/revoke`, { token });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/never use 0, O, 1 or I/);

    const other = await createExercise();
    const foreign = await api.call('POST', `/api/exercises/${id}/codes/${other.codes[0].code}/revoke`, { token });
    expect(foreign.status).toBe(404);
    expect((await api.call('GET', `/api/join/${other.codes[0].code}`)).status).toBe(200);
  });
});
