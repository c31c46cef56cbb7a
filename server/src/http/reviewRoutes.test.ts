/** The after-action review's routes, as the facilitator and an evaluator call them over HTTP. */
import { ExerciseSession, type Role } from '@parley/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileExercise } from '../host/compile.ts';
import { startTestServer, type TestServer } from './testServer.ts';

let api: TestServer;
beforeEach(async () => {
  api = await startTestServer();
});
afterEach(() => api.close());

type Code = { code: string; role: Role };

/** An exercise with a short stored log: a bilateral message, a control-only reason, an observation. */
async function played() {
  const created = await api.call('POST', '/api/exercises', { body: { scenarioId: 'blackout-drill', seed: 7 } });
  const id: string = created.json.exercise.id;
  const token: string = created.json.facilitatorToken;
  const codes: Code[] = created.json.codes;
  const record = await api.store.getExercise(id);
  if (!record) throw new Error('no exercise');
  const session = new ExerciseSession(compileExercise(record), record.options);
  const norland: Role = { kind: 'delegation', delegation: 'norland', seat: 'mfa' };
  session.submit({ kind: 'facilitator' }, { type: 'exercise.start' });
  session.submit(norland, { type: 'message.send', channel: { kind: 'bilateral', with: 'sudmark' }, text: 'DM-NS' });
  session.submit(
    { kind: 'facilitator' },
    { type: 'variable.adjust', var: 'public_pressure', add: 1, reason: 'CTL-REASON' },
  );
  const evaluator = codes.find((c) => c.role.kind === 'evaluator');
  if (!evaluator) throw new Error('no evaluator code');
  const note = session.submit(evaluator.role, { type: 'observation.record', text: '=OBS-1', rating: 'met' });
  expect(note.ok).toBe(true);
  await api.store.appendEvents(id, session.events);
  const observer = codes.find((c) => c.role.kind === 'observer')?.code ?? '';
  return { id, token, evaluator: evaluator.code, observer, events: session.events };
}

describe('GET /api/exercises/:id/review', () => {
  it('gives the facilitator the whole review and an evaluator (Authorization: Code) its share', async () => {
    const x = await played();
    const res = await api.call('GET', `/api/exercises/${x.id}/review`, { token: x.token });
    expect(res.status).toBe(200);
    expect(res.json.review.viewer).toEqual({ kind: 'facilitator' });
    expect(res.text).toContain('DM-NS');
    expect(res.text).toContain('CTL-REASON');
    expect(res.json.review.observations.map((o: { text: string }) => o.text)).toEqual(['=OBS-1']);
    const mine = await api.call('GET', `/api/exercises/${x.id}/review`, {
      headers: { authorization: `Code ${x.evaluator}` },
    });
    expect(mine.status).toBe(200);
    expect(mine.json.review.viewer.kind).toBe('evaluator');
    expect(mine.text).not.toContain('CTL-REASON');
    expect(mine.text).toContain('=OBS-1');
  });

  it('refuses observers, other exercises’ codes and missing credentials with readable messages', async () => {
    const x = await played();
    const observer = await api.call('GET', `/api/exercises/${x.id}/review`, {
      headers: { authorization: `Code ${x.observer}` },
    });
    expect(observer.status).toBe(403);
    expect(observer.json.error.message).toBe('Only the facilitator and evaluators can read the review.');
    const y = await played();
    const other = await api.call('GET', `/api/exercises/${y.id}/review`, {
      headers: { authorization: `Code ${x.evaluator}` },
    });
    expect(other.status).toBe(401);
    expect((await api.call('GET', `/api/exercises/${x.id}/review`)).status).toBe(401);
  });

  it('works for an ended exercise, loaded from the store', async () => {
    const x = await played();
    await api.store.markEnded(x.id, 1);
    const res = await api.call('GET', `/api/exercises/${x.id}/review`, { token: x.token });
    expect(res.status).toBe(200);
    expect(res.json.review.summary.events).toBe(x.events.length);
  });
});

describe('exports and the log', () => {
  it('exports JSON and each CSV table as attachments', async () => {
    const x = await played();
    const json = await api.call('GET', `/api/exercises/${x.id}/export.json`, { token: x.token });
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toBe(`attachment; filename="parley-${x.id}.json"`);
    expect(json.json).toMatchObject({ format: 'parley.review/1', scenario: 'blackout-drill', options: { seed: 7 } });
    expect(json.json.events).toHaveLength(x.events.length);
    const evaluator = await api.call('GET', `/api/exercises/${x.id}/export.json`, {
      headers: { authorization: `Code ${x.evaluator}` },
    });
    expect(evaluator.json.events).toBeNull();
    for (const table of ['timeline', 'compliance', 'observations']) {
      const csv = await api.call('GET', `/api/exercises/${x.id}/export/${table}.csv`, { token: x.token });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="parley-${x.id}-${table}.csv"`);
      expect(csv.text.endsWith('\r\n')).toBe(true);
    }
    const observations = await api.call('GET', `/api/exercises/${x.id}/export/observations.csv`, { token: x.token });
    expect(observations.text).toContain(",'=OBS-1,");
    const bogus = await api.call('GET', `/api/exercises/${x.id}/export/secrets.csv`, { token: x.token });
    expect(bogus.status).toBe(404);
    expect(bogus.json.error.message).toBe(
      'No table "secrets.csv": export one of timeline.csv, compliance.csv, observations.csv.',
    );
  });

  it('gives the raw log to the facilitator only', async () => {
    const x = await played();
    const log = await api.call('GET', `/api/exercises/${x.id}/log`, { token: x.token });
    expect(log.status).toBe(200);
    expect(log.json.events.map((e: { seq: number }) => e.seq)).toEqual(x.events.map((e) => e.seq));
    expect(log.json.scenarioSource).toMatch(/^id: /m);
    const evaluator = await api.call('GET', `/api/exercises/${x.id}/log`, {
      headers: { authorization: `Code ${x.evaluator}` },
    });
    expect(evaluator.status).toBe(401);
  });
});
