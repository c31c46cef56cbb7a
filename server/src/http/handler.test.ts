/** Bad input of every kind is refused with a status and a message a person can read; bugs answer 500 and are logged. */
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testServer.ts';

let api: TestServer;
beforeEach(async () => {
  api = await startTestServer();
});
afterEach(() => api.close());

/** A POST streamed in chunks without Content-Length, so the limit must be enforced while reading. */
function postChunked(url: string, chunks: number, chunkBytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/workshops`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => {
          body += d.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.write('{"title":"');
    for (let i = 0; i < chunks; i++) req.write('x'.repeat(chunkBytes));
    req.end('"}');
  });
}

describe('bad requests', () => {
  it('refuses malformed JSON (400), a non-JSON content type (415) and an empty body (400)', async () => {
    const broken = await api.call('POST', '/api/workshops', {
      raw: '{"title": "x",',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.status).toBe(400);
    expect(broken.json.error.code).toBe('bad-json');
    expect(broken.json.error.message).toMatch(/^The body is not valid JSON: /);
    const form = await api.call('POST', '/api/workshops', {
      raw: 'title=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    expect(form.json.error.message).toBe('Send the body as JSON (Content-Type: application/json).');
    const empty = await api.call('POST', '/api/workshops', { headers: { 'content-type': 'application/json' } });
    expect(empty.status).toBe(400);
    const array = await api.call('POST', '/api/workshops', { body: ['title'] });
    expect(array.status).toBe(400);
    expect(array.json.error.code).toBe('invalid');
  });

  it('refuses bodies over 64 KiB, declared or streamed, with 413', async () => {
    const declared = await api.call('POST', '/api/workshops', { body: { title: 'x'.repeat(70 * 1024) } });
    expect(declared.status).toBe(413);
    expect(declared.json.error).toEqual({ code: 'too-large', message: 'The request body is larger than 64 KiB.' });
    const streamed = await postChunked(api.url, 20, 4096);
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body).error.code).toBe('too-large');
    const fine = await postChunked(api.url, 2, 30);
    expect(fine.status).toBe(201);
    expect(await api.store.listExercises()).toEqual([]);
  });

  it('answers unknown API routes with 404, wrong methods with 405 and Allow, bad encoding with 400', async () => {
    const unknown = await api.call('GET', '/api/nothing');
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toEqual({ code: 'not-found', message: 'There is no API route GET /api/nothing.' });
    const method = await api.call('PUT', '/api/exercises');
    expect(method.status).toBe(405);
    expect(method.headers.get('allow')).toBe('POST');
    expect(method.json.error.message).toBe('PUT is not allowed on /api/exercises; use POST.');
    const bad = await api.call('GET', '/api/join/%E0%A4%A');
    expect(bad.status).toBe(400);
  });

  it('answers a bug with 500 and a plain message, no stack trace, and reports it', async () => {
    api.store.getExercise = async () => {
      throw new Error('disk on fire at store.ts:12:3');
    };
    const res = await api.call('GET', '/api/exercises/abcdefghjk', { token: 'x' });
    expect(res.status).toBe(500);
    expect(res.json.error.code).toBe('internal');
    expect(res.text).not.toMatch(/disk on fire|\.ts:\d+/);
    expect(api.errors).toHaveLength(1);
  });
});

describe('pages', () => {
  it('shows the scenario library at / when no client is built, and 404 for other pages', async () => {
    const page = await api.call('GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('<h2>Blackout drill</h2>');
    expect((await api.call('GET', '/join/ABCD-EFGH')).status).toBe(404);
    expect((await api.call('POST', '/')).status).toBe(405);
  });

  it('leaves matchmaking and socket.io paths to the fallback', async () => {
    expect((await api.call('POST', '/matchmake/joinById/abc')).status).toBe(404);
    await api.close();
    api = await startTestServer({ fallback: (_req, res) => res.writeHead(299).end('colyseus') });
    const passed = await api.call('POST', '/matchmake/joinById/abc');
    expect([passed.status, passed.text]).toEqual([299, 'colyseus']);
    expect((await api.call('GET', '/socket.io/?EIO=4&transport=polling')).status).toBe(299);
    expect((await api.call('GET', '/api/scenarios')).status).toBe(200);
  });
});
