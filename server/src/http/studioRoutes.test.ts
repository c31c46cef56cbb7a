/** The scenario studio's routes, as the studio client (or curl) calls them over HTTP. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_SCENARIO_BYTES } from '@parley/shared';
import { minimalScenarioYaml } from '@parley/shared/scenario/fixtures.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';
import { STUDIO_DISABLED_MESSAGE } from './studioRoutes.ts';
import { startTestServer, type TestServer } from './testServer.ts';

const TOKEN = 'atelier de crise 2025';
const config = (studioToken: string | null) => ({ clientDir: join(tmpdir(), 'parley-no-client'), studioToken });

let api: TestServer;
beforeEach(async () => {
  api = await startTestServer({ config: config(TOKEN) });
});
afterEach(() => api.close());

const asTrainer = { token: encodeURIComponent(TOKEN) };

async function newDocument(body: Record<string, unknown> = { from: 'template', title: 'Grid alert', author: 'Ana' }) {
  const res = await api.call('POST', '/api/studio/documents', { body, ...asTrainer });
  expect(res.status).toBe(201);
  return res.json;
}

async function saveVersion(id: string, source: string, baseVersion: number, author = 'Bilal') {
  return api.call('POST', `/api/studio/documents/${id}/versions`, {
    body: { source, baseVersion, author },
    ...asTrainer,
  });
}

describe('access', () => {
  it('takes the passphrase from PARLEY_STUDIO_TOKEN, refusing one too short to guard the library', () => {
    expect(loadConfig({}).studioToken).toBeNull();
    expect(loadConfig({ PARLEY_STUDIO_TOKEN: '  ' }).studioToken).toBeNull();
    expect(loadConfig({ PARLEY_STUDIO_TOKEN: ` ${TOKEN} ` }).studioToken).toBe(TOKEN);
    expect(() => loadConfig({ PARLEY_STUDIO_TOKEN: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ PARLEY_STUDIO_TOKEN: 'short' })).toThrow(
      'PARLEY_STUDIO_TOKEN must be a passphrase of 12 to 200 characters (got 5)',
    );
  });

  it('is off without PARLEY_STUDIO_TOKEN, and says how to turn it on', async () => {
    await api.close();
    api = await startTestServer({ config: config(null) });
    const status = await api.call('GET', '/api/studio');
    expect(status.json).toEqual({ enabled: false, authorized: false, message: STUDIO_DISABLED_MESSAGE });
    for (const [method, path] of [
      ['GET', '/api/studio/documents'],
      ['POST', '/api/studio/documents'],
      ['GET', '/api/studio/documents/x/export.yaml'],
    ] as const) {
      const res = await api.call(method, path, { token: 'anything at all' });
      expect(res.status).toBe(403);
      expect(res.json.error).toEqual({ code: 'studio-disabled', message: STUDIO_DISABLED_MESSAGE });
    }
    expect(STUDIO_DISABLED_MESSAGE).toMatch(/PARLEY_STUDIO_TOKEN/);
  });

  it('needs the studio passphrase as a bearer token, URL-encoded', async () => {
    expect((await api.call('GET', '/api/studio')).json).toEqual({ enabled: true, authorized: false });
    expect((await api.call('GET', '/api/studio', asTrainer)).json).toEqual({ enabled: true, authorized: true });
    const none = await api.call('GET', '/api/studio/documents');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(none.json.error.message).toMatch(/Authorization: Bearer <token>/);
    const wrong = await api.call('GET', '/api/studio/documents', { token: 'atelier%20de%20crise' });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.message).toBe('That is not the studio passphrase of this server.');
    expect((await api.call('GET', '/api/studio', { token: 'nope' })).status).toBe(401);
    expect((await api.call('GET', '/api/studio/documents', asTrainer)).json).toEqual({ documents: [] });
  });

  it('slows down guessing: after 20 wrong tokens the address must wait, even with the right one', async () => {
    for (let i = 0; i < 20; i++) {
      expect((await api.call('GET', '/api/studio/templates', { token: `guess-${i}` })).status).toBe(401);
    }
    const blocked = await api.call('GET', '/api/studio/templates', asTrainer);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // The same limit guards facilitator tokens.
    expect((await api.call('GET', '/api/exercises/any', { token: 'x' })).status).toBe(429);
  });
});

describe('documents and versions', () => {
  it('offers templates and shipped scenarios, and creates documents from each', async () => {
    const sources = await api.call('GET', '/api/studio/templates', asTrainer);
    expect(sources.json.templates).toEqual([expect.objectContaining({ id: 'minimal', title: 'Minimal scenario' })]);
    expect(sources.json.library).toEqual([
      expect.objectContaining({ scenarioId: 'blackout-drill', file: 'drill.yaml' }),
    ]);
    expect(JSON.stringify(sources.json)).not.toContain('version: 1');

    const res = await api.call('POST', '/api/studio/documents', {
      body: { from: 'template', title: 'Grid alert', author: 'Ana' },
      ...asTrainer,
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/studio/documents/${res.json.document.id}`);
    expect(res.json.document).toMatchObject({ latestVersion: 1, deletedAt: null, origin: { kind: 'template' } });
    expect(res.json.version).toMatchObject({
      version: 1,
      author: 'Ana',
      valid: true,
      scenario: { id: 'grid-alert', title: { en: 'Grid alert' }, level: 'introductory' },
      counts: { errors: 0, warnings: 0, findings: 0 },
    });
    expect(res.json.version.source).toMatch(/^# A new Parley scenario/);
    expect(res.json.check).toEqual({ valid: true, errors: [], warnings: [], findings: [] });

    const copy = await newDocument({ from: 'library', scenarioId: 'blackout-drill' });
    expect(copy.version.source).toBe(minimalScenarioYaml);
    const again = await newDocument({ from: 'document', documentId: copy.document.id });
    expect(again.document.origin).toEqual({ kind: 'copy', documentId: copy.document.id, version: 1 });
  });

  it('imports YAML sent as JSON or as a file, keeping an invalid one as a draft with its errors', async () => {
    const broken = minimalScenarioYaml.replace('durationMinutes: 60', 'durationMinutes: sixty');
    const json = await newDocument({ from: 'yaml', source: broken, fileName: 'drill.yaml', author: 'Ana' });
    expect(json.version).toMatchObject({ valid: false, scenario: { id: 'blackout-drill' } });
    expect(json.check.valid).toBe(false);
    expect(json.check.errors[0]).toMatchObject({ line: 10, path: 'durationMinutes', severity: 'error' });
    expect(json.check.errors[0].text).toMatch(/^blackout-drill\.yaml:10:\d+ durationMinutes: /);

    const file = await api.call('POST', '/api/studio/documents?author=Chen&fileName=drill.yaml', {
      raw: minimalScenarioYaml,
      headers: { 'content-type': 'application/yaml' },
      ...asTrainer,
    });
    expect(file.status).toBe(201);
    expect(file.json.version).toMatchObject({ valid: true, author: 'Chen', source: minimalScenarioYaml });
    expect(file.json.document.origin).toEqual({ kind: 'upload', fileName: 'drill.yaml' });
  });

  it('refuses what cannot be a document with a readable reason', async () => {
    const post = (body: unknown) => api.call('POST', '/api/studio/documents', { body, ...asTrainer });
    const unknownKind = await post({ from: 'somewhere' });
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.json.error.message).toMatch(/"from" is "template", "library", "yaml" or "document"/);
    expect((await post({ from: 'template' })).json.error.message).toMatch(/^title: /);
    expect((await post({ from: 'library', scenarioId: 'gridlok' })).status).toBe(404);
    expect((await post({ from: 'document', documentId: 'ghost' })).status).toBe(404);
    const big = await post({ from: 'yaml', source: `# ${'x'.repeat(MAX_SCENARIO_BYTES)}\n` });
    expect(big.status).toBe(413);
    expect(big.json.error.code).toBe('too-large');
    expect((await api.call('GET', '/api/studio/documents', asTrainer)).json.documents).toEqual([]);
  });

  it('saves versions, answers the same text with 200, and a stale save with 409 and the latest version', async () => {
    const { document, version } = await newDocument();
    const v2 = version.source.replace('timeLimit: 30', 'timeLimit: 25');
    const saved = await saveVersion(document.id, v2, 1);
    expect(saved.status).toBe(201);
    expect(saved.json).toMatchObject({ unchanged: false, version: { version: 2, author: 'Bilal', valid: true } });
    expect(saved.json.document.latestVersion).toBe(2);

    const same = await saveVersion(document.id, v2, 2);
    expect(same.status).toBe(200);
    expect(same.json).toMatchObject({ unchanged: true, version: { version: 2 } });

    const stale = await saveVersion(document.id, `${version.source}# mine\n`, 1, 'Chen');
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({ code: 'version-conflict', latestVersion: 2 });
    expect(stale.json.error.message).toMatch(/edited from version 1, but version 2 has been saved since/);

    const missing = await api.call('POST', `/api/studio/documents/${document.id}/versions`, {
      body: { source: v2 },
      ...asTrainer,
    });
    expect(missing.status).toBe(400);
    expect(missing.json.error.message).toMatch(/^baseVersion: /);
  });

  it('opens the latest or any version with its check, and lists the history newest first', async () => {
    const { document, version } = await newDocument();
    const broken = version.source.replace('    at: 0', '    at: soon');
    expect((await saveVersion(document.id, broken, 1)).status).toBe(201);

    const latest = await api.call('GET', `/api/studio/documents/${document.id}`, asTrainer);
    expect(latest.json.version).toMatchObject({ version: 2, valid: false, source: broken });
    expect(latest.json.check.errors.map((e: { text: string }) => e.text)).toEqual([
      'grid-alert.yaml:67:9 injects[0].at: expected a number, got "soon"',
    ]);
    const first = await api.call('GET', `/api/studio/documents/${document.id}/versions/1`, asTrainer);
    expect(first.json.version).toMatchObject({ version: 1, valid: true, source: version.source });
    expect((await api.call('GET', `/api/studio/documents/${document.id}/versions/3`, asTrainer)).status).toBe(404);
    const bad = await api.call('GET', `/api/studio/documents/${document.id}/versions/first`, asTrainer);
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toBe('The version must be a version number (1, 2, 3…), got "first".');

    const history = await api.call('GET', `/api/studio/documents/${document.id}/versions`, asTrainer);
    expect(
      history.json.versions.map((v: { version: number; author: string; valid: boolean }) => [
        v.version,
        v.author,
        v.valid,
      ]),
    ).toEqual([
      [2, 'Bilal', false],
      [1, 'Ana', true],
    ]);
    expect(history.json.versions[0]).toMatchObject({ counts: { errors: 1 }, size: Buffer.byteLength(broken) });
    expect(history.json.versions[0]).not.toHaveProperty('source');
  });

  it('shows the diff between two versions as hunks and as a unified diff', async () => {
    const { document, version } = await newDocument();
    const v2 = version.source.replace('level: introductory', 'level: intermediate');
    await saveVersion(document.id, v2, 1);
    const diff = await api.call('GET', `/api/studio/documents/${document.id}/diff`, asTrainer);
    expect(diff.status).toBe(200);
    expect(diff.json).toMatchObject({ from: { version: 1 }, to: { version: 2 }, added: 1, removed: 1, minimal: true });
    expect(diff.json.hunks).toHaveLength(1);
    expect(diff.json.hunks[0].lines.filter((l: { kind: string }) => l.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'level: introductory', oldLine: 14, newLine: null },
      { kind: 'added', text: 'level: intermediate', oldLine: null, newLine: 14 },
    ]);
    expect(diff.json.unified).toMatch(/^--- v1\n\+\+\+ v2\n@@ -11,7 \+11,7 @@\n/);
    const back = await api.call('GET', `/api/studio/documents/${document.id}/diff?from=2&to=1`, asTrainer);
    expect(back.json.unified).toContain('-level: intermediate\n+level: introductory\n');
    const bad = await api.call('GET', `/api/studio/documents/${document.id}/diff?from=0`, asTrainer);
    expect(bad.status).toBe(400);
  });

  it('exports a version as a YAML attachment named after the scenario', async () => {
    const { document, version } = await newDocument();
    await saveVersion(document.id, `${version.source}# v2\n`, 1);
    const latest = await api.call('GET', `/api/studio/documents/${document.id}/export.yaml`, asTrainer);
    expect(latest.status).toBe(200);
    expect(latest.headers.get('content-type')).toBe('application/yaml; charset=utf-8');
    expect(latest.headers.get('content-disposition')).toBe('attachment; filename="grid-alert.yaml"');
    expect(latest.text).toBe(`${version.source}# v2\n`);
    const first = await api.call('GET', `/api/studio/documents/${document.id}/export.yaml?version=1`, asTrainer);
    expect(first.text).toBe(version.source);
    expect(
      (await api.call('GET', `/api/studio/documents/${document.id}/export.yaml?version=9`, asTrainer)).status,
    ).toBe(404);
  });

  it('deletes softly: gone from the list and answering 410 until restored', async () => {
    const grid = await newDocument();
    const drill = await newDocument({ from: 'library', scenarioId: 'blackout-drill' });
    const removed = await api.call('DELETE', `/api/studio/documents/${grid.document.id}`, asTrainer);
    expect(removed.status).toBe(200);
    expect(removed.json.document.deletedAt).toEqual(expect.any(Number));
    const ids = async (query = '') =>
      (await api.call('GET', `/api/studio/documents${query}`, asTrainer)).json.documents.map(
        (d: { id: string }) => d.id,
      );
    expect(await ids()).toEqual([drill.document.id]);
    expect(await ids('?deleted=only')).toEqual([grid.document.id]);
    expect((await api.call('GET', '/api/studio/documents?deleted=maybe', asTrainer)).status).toBe(400);
    const gone = await api.call('GET', `/api/studio/documents/${grid.document.id}`, asTrainer);
    expect(gone.status).toBe(410);
    expect(gone.json.error.message).toMatch(/was deleted; restore it/);
    expect((await saveVersion(grid.document.id, 'x', 1)).status).toBe(410);
    const restored = await api.call('POST', `/api/studio/documents/${grid.document.id}/restore`, asTrainer);
    expect(restored.json.document.deletedAt).toBeNull();
    expect((await api.call('GET', `/api/studio/documents/${grid.document.id}`, asTrainer)).status).toBe(200);
    expect((await api.call('DELETE', '/api/studio/documents/ghost', asTrainer)).status).toBe(404);
  });

  it('lists documents with their latest version and finds them by title, id or summary', async () => {
    const grid = await newDocument({ from: 'template', title: 'Sécurité réseau', author: 'Ana' });
    const drill = await newDocument({ from: 'library', scenarioId: 'blackout-drill' });
    const list = await api.call('GET', '/api/studio/documents', asTrainer);
    expect(list.json.documents[0]).toMatchObject({
      id: drill.document.id,
      latestVersion: 1,
      latest: { version: 1, valid: true, scenario: { id: 'blackout-drill', title: { en: 'Blackout drill' } } },
    });
    expect(list.json.documents[0].latest).not.toHaveProperty('source');
    const found = async (q: string) =>
      (await api.call('GET', `/api/studio/documents?q=${encodeURIComponent(q)}`, asTrainer)).json.documents.map(
        (d: { id: string }) => d.id,
      );
    expect(await found('securite')).toEqual([grid.document.id]);
    expect(await found('Exercice panne')).toEqual([drill.document.id]);
    expect(await found('substations')).toEqual([drill.document.id]);
  });
});

describe('starting an exercise from a version', () => {
  it('creates the exercise with its codes from a valid version, which it keeps as its scenario', async () => {
    const { document, version } = await newDocument();
    await saveVersion(document.id, version.source.replace('timeLimit: 30', 'timeLimit: 20'), 1);
    const res = await api.call('POST', `/api/studio/documents/${document.id}/versions/1/exercises`, {
      body: { label: 'Table 1', seed: 7 },
      ...asTrainer,
    });
    expect(res.status).toBe(201);
    expect(res.json.exercise).toMatchObject({
      label: 'Table 1',
      scenario: { id: 'grid-alert', title: 'Grid alert' },
      seed: 7,
      live: true,
    });
    expect(res.json.from).toEqual({ documentId: document.id, version: 1 });
    expect(res.json.facilitatorToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(res.json.codes).toHaveLength(5);
    expect(res.json.codes[0].link).toBe(`${api.url}/join/${res.json.codes[0].code}`);
    expect(api.hosts.calls).toEqual([`open ${res.json.exercise.id}`]);
    expect((await api.store.getExercise(res.json.exercise.id))?.scenarioSource).toBe(version.source);
    expect(JSON.stringify(res.json)).not.toMatch(/scenarioSource|facilitatorSecret/);

    // The facilitator then manages it like any other exercise.
    const facilitator = await api.call('GET', `/api/exercises/${res.json.exercise.id}`, {
      token: res.json.facilitatorToken,
    });
    expect(facilitator.status).toBe(200);
  });

  it('refuses an invalid version (409) and attaches to a workshop only with its trainer token', async () => {
    const { document, version } = await newDocument();
    await saveVersion(document.id, version.source.replace('    at: 0', '    at: soon'), 1);
    const invalid = await api.call('POST', `/api/studio/documents/${document.id}/versions/2/exercises`, {
      body: {},
      ...asTrainer,
    });
    expect(invalid.status).toBe(409);
    expect(invalid.json.error.code).toBe('invalid-version');
    expect(invalid.json.error.message).toMatch(/grid-alert\.yaml:67:9 injects\[0\]\.at/);

    const workshop = await api.call('POST', '/api/workshops', { body: { title: 'Spring course' } });
    const path = `/api/studio/documents/${document.id}/versions/1/exercises`;
    const wrong = await api.call('POST', path, {
      body: { workshopId: workshop.json.workshop.id, trainerToken: 'not it' },
      ...asTrainer,
    });
    expect(wrong.status).toBe(401);
    const right = await api.call('POST', path, {
      body: { workshopId: workshop.json.workshop.id, trainerToken: workshop.json.trainerToken },
      ...asTrainer,
    });
    expect(right.status).toBe(201);
    expect(right.json.exercise.workshopId).toBe(workshop.json.workshop.id);
    const typo = await api.call('POST', path, { body: { scenarioId: 'gridlock' }, ...asTrainer });
    expect(typo.status).toBe(400);
  });
});
