/** The studio service on the in-memory store: documents, versions, checks, search, diffs and exercises. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_SCENARIO_BYTES } from '@parley/shared';
import { minimalScenarioYaml } from '@parley/shared/scenario/fixtures.ts';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ScenarioLibrary } from '../exercises/library.ts';
import { ExerciseService } from '../exercises/service.ts';
import { MemoryStore } from '../store/memoryStore.ts';
import { CreateDocumentInput, SaveVersionInput, StartExerciseInput } from './inputs.ts';
import { type CheckedVersion, type StudioResult, StudioService, scenarioIdIn } from './service.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-studio-'));
writeFileSync(join(dir, 'drill.yaml'), minimalScenarioYaml);
writeFileSync(join(dir, 'broken.yaml'), 'version: 1\nid: broken\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let store: MemoryStore;
let studio: StudioService;
let clock: number;

beforeEach(() => {
  store = new MemoryStore();
  clock = 1_000;
  studio = new StudioService({ store, library: new ScenarioLibrary(dir), now: () => clock++ });
});

function value<T>(result: StudioResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const create = async (input: Record<string, unknown>) => studio.create(CreateDocumentInput.parse(input));
const save = async (id: string, input: Record<string, unknown>) => studio.save(id, SaveVersionInput.parse(input));

async function fromTemplate(title = 'Grid alert'): Promise<CheckedVersion> {
  return value(await create({ from: 'template', title, author: 'Ana' }));
}

/** The source with one line replaced. */
const edit = (source: string, from: string, to: string) => {
  expect(source).toContain(from);
  return source.replace(from, to);
};

describe('creating documents', () => {
  it('fills the template with the title and an id made from it, valid and without findings', async () => {
    const created = await fromTemplate('Sécurité du réseau: « test »');
    expect(created.document).toMatchObject({ latestVersion: 1, deletedAt: null, origin: { kind: 'template' } });
    expect(created.version).toMatchObject({ version: 1, author: 'Ana', valid: true, createdAt: 1_000 });
    expect(created.check).toMatchObject({ valid: true, errors: [], warnings: [], findings: [] });
    expect(created.version.facts).toMatchObject({
      scenarioId: 'securite-du-reseau-test',
      title: { en: 'Sécurité du réseau: « test »' },
      level: 'introductory',
      errors: 0,
    });
    expect(created.version.size).toBe(Buffer.byteLength(created.version.source));
  });

  it('copies a shipped scenario, and names the library when the id is wrong', async () => {
    const copy = value(await create({ from: 'library', scenarioId: 'blackout-drill' }));
    expect(copy.version.source).toBe(minimalScenarioYaml);
    expect(copy.document.origin).toEqual({ kind: 'library', scenarioId: 'blackout-drill', file: 'drill.yaml' });
    const wrong = await create({ from: 'library', scenarioId: 'blackout-dril' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(!wrong.ok && wrong.error.message).toMatch(/did you mean "blackout-drill"\?.*Available: blackout-drill\./);
  });

  it("keeps an uploaded text that does not validate, as an invalid version with the validator's messages", async () => {
    const text = edit(minimalScenarioYaml, 'durationMinutes: 60', 'durationMinutes: sixty');
    const created = value(await create({ from: 'yaml', source: text, fileName: 'drill.yaml' }));
    expect(created.version).toMatchObject({ valid: false, source: text });
    expect(created.document.origin).toEqual({ kind: 'upload', fileName: 'drill.yaml' });
    expect(created.check.valid).toBe(false);
    expect(created.check.errors[0]).toMatchObject({ line: 10, path: 'durationMinutes' });
    expect(created.check.errors[0]?.text).toMatch(/^blackout-drill\.yaml:10:\d+ durationMinutes: /);
    // What could be read of it still names it in the library.
    expect(created.version.facts).toMatchObject({ scenarioId: 'blackout-drill', title: { en: 'Blackout drill' } });
    expect(created.version.facts.errors).toBeGreaterThan(0);
  });

  it('copies a version of another document', async () => {
    const original = await fromTemplate();
    const second = edit(original.version.source, 'durationMinutes: 30', 'durationMinutes: 45');
    value(await save(original.document.id, { source: second, baseVersion: 1 }));
    const copy = value(await create({ from: 'document', documentId: original.document.id, version: 1 }));
    expect(copy.document.id).not.toBe(original.document.id);
    expect(copy.version.source).toBe(original.version.source);
    expect(copy.document.origin).toEqual({ kind: 'copy', documentId: original.document.id, version: 1 });
    const latest = value(await create({ from: 'document', documentId: original.document.id }));
    expect(latest.version.source).toBe(second);
  });

  it('refuses a text over the size limit or holding a NUL character, storing nothing', async () => {
    const big = await create({ from: 'yaml', source: `# ${'x'.repeat(MAX_SCENARIO_BYTES)}\n` });
    expect(big).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(!big.ok && big.error.message).toMatch(/^The scenario text is 512 KiB; a scenario may be at most 512 KiB\.$/);
    const nul = await create({ from: 'yaml', source: 'version: 1\u0000' });
    expect(nul).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await studio.list()).toEqual([]);
  });
});

describe('saving versions', () => {
  it('saves each change as the next version and answers the same version for the same text', async () => {
    const { document, version } = await fromTemplate();
    const v2 = edit(version.source, 'timeLimit: 30', 'timeLimit: 25');
    const saved = value(await save(document.id, { source: v2, baseVersion: 1, author: 'Bilal' }));
    expect(saved).toMatchObject({ unchanged: false, version: { version: 2, author: 'Bilal', valid: true } });
    expect(saved.document).toMatchObject({ latestVersion: 2, updatedAt: saved.version.createdAt });
    const again = value(await save(document.id, { source: v2, baseVersion: 2, author: 'Bilal' }));
    expect(again).toMatchObject({ unchanged: true, version: { version: 2 } });
    expect((await store.listStudioVersions(document.id)).map((v) => v.version)).toEqual([2, 1]);
  });

  it('refuses a save edited from an older version, naming the latest, and keeps both texts apart', async () => {
    const { document, version } = await fromTemplate();
    value(await save(document.id, { source: `${version.source}# Ana\n`, baseVersion: 1 }));
    const late = await save(document.id, { source: `${version.source}# Bilal\n`, baseVersion: 1 });
    expect(late).toEqual({
      ok: false,
      error: {
        code: 'version-conflict',
        latestVersion: 2,
        message:
          'This text was edited from version 1, but version 2 has been saved since. Open version 2, compare, and save your changes on top of it.',
      },
    });
    const ahead = await save(document.id, { source: 'x', baseVersion: 7 });
    expect(ahead).toMatchObject({ ok: false, error: { code: 'version-conflict', latestVersion: 2 } });
    expect(value(await studio.version(document.id)).version.source).toMatch(/# Ana\n$/);
  });

  it('saves an invalid text as an invalid version without losing it, and a valid one after it', async () => {
    const { document, version } = await fromTemplate();
    const broken = edit(version.source, '    at: 0', '    at: soon');
    const v2 = value(await save(document.id, { source: broken, baseVersion: 1 }));
    expect(v2.version).toMatchObject({ version: 2, valid: false, source: broken });
    expect(v2.check.errors.map((e) => e.text)).toEqual([
      expect.stringMatching(/^grid-alert\.yaml:67:9 injects\[0\]\.at: /),
    ]);
    const fixed = value(await save(document.id, { source: version.source, baseVersion: 2 }));
    expect(fixed.version).toMatchObject({ version: 3, valid: true });
  });

  it('reports lint findings of a valid version at their line', async () => {
    const { document, version } = await fromTemplate();
    const bilingual = edit(version.source, 'languages: [en]', 'languages: [en, fr]');
    const saved = value(await save(document.id, { source: bilingual, baseVersion: 1 }));
    expect(saved.check.valid).toBe(true);
    expect(saved.check.warnings.length).toBeGreaterThan(0);
    const [first] = saved.check.findings;
    expect(first).toMatchObject({ code: 'missing-translation', field: 'title', line: 5, severity: 'warning' });
    expect(first?.text).toBe('grid-alert.yaml:5:3 warning: title: missing translation for "fr"');
    expect(saved.version.facts.findings).toBe(saved.check.findings.length);
  });

  it('answers deleted for a deleted document until it is restored', async () => {
    const { document, version } = await fromTemplate();
    value(await studio.remove(document.id));
    expect(await studio.version(document.id)).toMatchObject({ ok: false, error: { code: 'deleted' } });
    expect(await save(document.id, { source: 'x', baseVersion: 1 })).toMatchObject({ error: { code: 'deleted' } });
    expect(await studio.history(document.id)).toMatchObject({ error: { code: 'deleted' } });
    const restored = value(await studio.restore(document.id));
    expect(restored.deletedAt).toBeNull();
    expect(value(await studio.version(document.id)).version.source).toBe(version.source);
    expect(await studio.remove('ghost')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await studio.version(document.id, 9)).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'Version 9 does not exist; this document has versions 1 to 1.' },
    });
  });
});

describe('history and diffs', () => {
  it('lists versions newest first with time, author, size and validity', async () => {
    const { document, version } = await fromTemplate();
    value(await save(document.id, { source: `${version.source}oops: [\n`, baseVersion: 1, author: 'Chen' }));
    const { versions } = value(await studio.history(document.id));
    expect(versions.map((v) => [v.version, v.author, v.valid, v.createdAt])).toEqual([
      [2, 'Chen', false, 1_001],
      [1, 'Ana', true, 1_000],
    ]);
    expect(versions[0]?.size).toBe(Buffer.byteLength(version.source) + 8);
    expect(versions[0]).not.toHaveProperty('source');
  });

  it('shows what changed between two versions, by default the latest against the one before', async () => {
    const { document, version } = await fromTemplate();
    const v2 = edit(version.source, 'durationMinutes: 30', 'durationMinutes: 45');
    value(await save(document.id, { source: v2, baseVersion: 1 }));
    const v3 = edit(v2, 'level: introductory', 'level: intermediate');
    value(await save(document.id, { source: v3, baseVersion: 2 }));

    const latest = value(await studio.diff(document.id));
    expect([latest.from.version, latest.to.version]).toEqual([2, 3]);
    expect(latest.diff).toMatchObject({ added: 1, removed: 1, minimal: true });
    expect(latest.unified).toContain('--- v2\n+++ v3\n@@ ');
    expect(latest.unified).toContain('\n-level: introductory\n+level: intermediate\n');

    const all = value(await studio.diff(document.id, 1, 3));
    expect(all.diff).toMatchObject({ added: 2, removed: 2 });
    expect(all.diff.hunks).toHaveLength(1);
    const back = value(await studio.diff(document.id, 3, 1));
    expect(back.unified).toContain('\n-level: intermediate\n+level: introductory\n');
    expect(value(await studio.diff(document.id, 1, 1)).diff).toMatchObject({ added: 0, removed: 0, hunks: [] });
    expect(await studio.diff(document.id, 1, 4)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('the library list', () => {
  async function library() {
    const grid = await fromTemplate('Grid alert');
    const flood = await fromTemplate('Fausse crue à Brenn');
    const drill = value(await create({ from: 'library', scenarioId: 'blackout-drill', author: 'Dana' }));
    return { grid, flood, drill };
  }

  it('lists the most recently saved first, without deleted documents unless asked', async () => {
    const { grid, flood, drill } = await library();
    const ids = async (options?: Parameters<StudioService['list']>[0]) =>
      (await studio.list(options)).map((l) => l.document.id);
    expect(await ids()).toEqual([drill.document.id, flood.document.id, grid.document.id]);
    value(await save(grid.document.id, { source: `${grid.version.source}\n`, baseVersion: 1 }));
    expect(await ids()).toEqual([grid.document.id, drill.document.id, flood.document.id]);
    value(await studio.remove(flood.document.id));
    expect(await ids()).toEqual([grid.document.id, drill.document.id]);
    expect(await ids({ deleted: 'only' })).toEqual([flood.document.id]);
  });

  it('finds documents by words of the title in any language, id, summary or author, ignoring case and accents', async () => {
    const { grid, flood, drill } = await library();
    const found = async (query: string) => (await studio.list({ query })).map((l) => l.document.id);
    expect(await found('GRID Alert')).toEqual([grid.document.id]);
    expect(await found('grid')).toEqual([grid.document.id, drill.document.id]);
    expect(await found('a brenn')).toEqual([flood.document.id]);
    expect(await found('fausse-crue-a')).toEqual([flood.document.id]);
    expect(await found('panne générale')).toEqual([drill.document.id]);
    expect(await found('substations')).toEqual([drill.document.id]);
    expect(await found(drill.document.id)).toEqual([drill.document.id]);
    expect(await found('nothing like it')).toEqual([]);
    expect(await found('   ')).toHaveLength(3);
  });

  it('ranks title matches above summary matches', async () => {
    const { grid, drill } = await library();
    const source = edit(grid.version.source, 'title:\n  en: "Grid alert"', 'title:\n  en: "Two states talk"');
    value(await save(grid.document.id, { source, baseVersion: 1 }));
    // The drill's summary says "two states must talk"; the grid's title now says it.
    const found = (await studio.list({ query: 'two states' })).map((l) => l.document.id);
    expect(found).toEqual([grid.document.id, drill.document.id]);
  });

  it('offers the templates and the valid shipped scenarios to start from', () => {
    const sources = studio.sources();
    expect(sources.templates.map((t) => t.id)).toEqual(['minimal']);
    expect(sources.library.map((s) => s.scenarioId)).toEqual(['blackout-drill']);
    expect(sources.library[0]).toMatchObject({ file: 'drill.yaml', level: 'introductory', durationMinutes: 60 });
  });
});

describe('starting exercises', () => {
  const options = (input: Record<string, unknown> = {}) => StartExerciseInput.parse(input);

  it("creates an exercise from a valid version, which keeps that version's text", async () => {
    const { document, version } = await fromTemplate();
    const v2 = edit(version.source, 'timeLimit: 30', 'timeLimit: 20');
    value(await save(document.id, { source: v2, baseVersion: 1 }));
    const started = value(await studio.startExercise(document.id, 1, options({ label: 'Table 1', seed: 5 })));
    expect(started.exercise).toMatchObject({
      scenarioId: 'grid-alert',
      scenarioSource: version.source,
      label: 'Table 1',
      options: { seed: 5 },
    });
    expect(started.facilitatorToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(started.codes.map((c) => c.label)).toEqual([
      'State A · Ministry of Foreign Affairs',
      'State A · National CERT',
      'State B · Ministry of Foreign Affairs',
      'Evaluator · all delegations',
      'Observer',
    ]);
    expect(await store.getExercise(started.exercise.id)).toEqual(started.exercise);
    // The app's own exercise service reads it back from the stored text.
    const exercises = new ExerciseService({ store, library: new ScenarioLibrary(dir) });
    expect(exercises.scenarioTitle(started.exercise)).toBe('Grid alert');
  });

  it('refuses an invalid version, an unknown version and bad options with the reason', async () => {
    const { document, version } = await fromTemplate();
    value(await save(document.id, { source: edit(version.source, '    at: 0', '    at: soon'), baseVersion: 1 }));
    const invalid = await studio.startExercise(document.id, 2, options());
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-version' } });
    expect(!invalid.ok && invalid.error.message).toMatch(
      /^Version 2 is not a valid scenario, so it cannot start an exercise: grid-alert\.yaml:67:9 injects\[0\]\.at: .*Fix it and save a new version\.$/,
    );
    expect(await studio.startExercise(document.id, 3, options())).toMatchObject({ error: { code: 'not-found' } });
    const rule = await studio.startExercise(document.id, 1, options({ ruleModes: { 'no-such-rule': 'block' } }));
    expect(rule).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await store.listExercises()).toEqual([]);
  });

  it('attaches the exercise to a workshop only with its trainer token', async () => {
    const { document } = await fromTemplate();
    const exercises = new ExerciseService({ store, library: new ScenarioLibrary(dir) });
    const { workshop, trainerToken } = await exercises.createWorkshop({ title: 'Spring course' });
    const without = await studio.startExercise(document.id, 1, options({ workshopId: workshop.id }));
    expect(without).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const wrong = await studio.startExercise(document.id, 1, options({ workshopId: workshop.id, trainerToken: 'x' }));
    expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const right = value(await studio.startExercise(document.id, 1, options({ workshopId: workshop.id, trainerToken })));
    expect(right.exercise.workshopId).toBe(workshop.id);
  });
});

describe('scenarioIdIn', () => {
  it('reads the top-level id, quoted or not, and nothing else', () => {
    expect(scenarioIdIn('version: 1\nid: grid-alert\n')).toBe('grid-alert');
    expect(scenarioIdIn("id: 'q_1' # note\n")).toBe('q_1');
    expect(scenarioIdIn('  id: nested\n')).toBeNull();
    expect(scenarioIdIn('id: Not-An-Id\n')).toBeNull();
  });
});
