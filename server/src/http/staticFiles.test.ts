/** The built client: files with their types and caching, the single-page fallback, and no way out of the directory. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testServer.ts';

const root = mkdtempSync(join(tmpdir(), 'parley-client-'));
const client = join(root, 'dist');
mkdirSync(join(client, 'assets'), { recursive: true });
writeFileSync(join(client, 'index.html'), '<!doctype html><title>Parley client</title>');
writeFileSync(join(client, 'assets', 'index-B3x9_kQa.js'), 'console.log("app")');
writeFileSync(join(client, 'assets', 'style-Cq1w2e3r.css'), 'body{}');
writeFileSync(join(client, 'favicon.svg'), '<svg/>');
writeFileSync(join(client, '.env'), 'SECRET=1');
writeFileSync(join(root, 'outside.txt'), 'private');
symlinkSync(join(root, 'outside.txt'), join(client, 'link.txt'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let api: TestServer;
beforeEach(async () => {
  api = await startTestServer({ config: { clientDir: client } });
});
afterEach(() => api.close());

/** Sends a request line byte for byte (fetch would normalise `..` away). */
function rawGet(url: string, path: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    });
    let data = '';
    socket.on('data', (d: Buffer) => {
      data += d.toString();
    });
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

describe('the built client', () => {
  it('serves files with their content type; hashed assets cached for a year, the rest revalidated', async () => {
    const js = await api.call('GET', '/assets/index-B3x9_kQa.js');
    expect(js.status).toBe(200);
    expect(js.text).toBe('console.log("app")');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const css = await api.call('GET', '/assets/style-Cq1w2e3r.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const svg = await api.call('GET', '/favicon.svg');
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(svg.headers.get('cache-control')).toBe('no-cache');
    const index = await api.call('GET', '/');
    expect(index.text).toContain('Parley client');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const etag = index.headers.get('etag') ?? '';
    expect((await api.call('GET', '/', { headers: { 'if-none-match': etag } })).status).toBe(304);
    const head = await api.call('HEAD', '/favicon.svg');
    expect([head.status, head.text, head.headers.get('content-length')]).toEqual([200, '', '6']);
  });

  it('answers client routes with index.html and missing files with 404', async () => {
    for (const page of ['/join/ABCD-EFGH', '/facilitate/abc', '/observe']) {
      const res = await api.call('GET', page);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.text).toContain('Parley client');
    }
    expect((await api.call('GET', '/assets/missing-12345678.js')).status).toBe(404);
    expect((await api.call('GET', '/api/scenarios')).headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('never serves anything outside the directory, dotfiles or symlinks out', async () => {
    for (const path of [
      '/../outside.txt',
      '/assets/../../outside.txt',
      '/%2e%2e/outside.txt',
      '/..%2foutside.txt',
      '/%2e%2e%2f%2e%2e%2foutside.txt',
    ]) {
      const raw = await rawGet(api.url, path);
      expect(raw).not.toContain('private');
    }
    expect((await api.call('GET', '/.env')).text).not.toContain('SECRET');
    expect((await api.call('GET', '/link.txt')).status).toBe(404);
    expect((await api.call('GET', '/x%00.js')).status).toBe(404);
    expect((await api.call('GET', '/%E0%A4%A')).status).toBe(400);
  });
});
