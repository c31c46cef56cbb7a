import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minimalScenarioYaml } from '@parley/shared/scenario/fixtures.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { ScenarioLibrary } from './library.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-library-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ScenarioLibrary', () => {
  it('lists valid and invalid files by name, finds scenarios by id with their source, and sees edits', () => {
    writeFileSync(join(dir, 'b-drill.yaml'), minimalScenarioYaml);
    writeFileSync(join(dir, 'a-broken.yaml'), 'version: 1\nid: 7\n');
    writeFileSync(join(dir, 'notes.txt'), 'not a scenario');
    const library = new ScenarioLibrary(dir);

    const list = library.list();
    expect(list.map((i) => [i.file, i.ok])).toEqual([
      ['a-broken.yaml', false],
      ['b-drill.yaml', true],
    ]);
    const broken = list[0];
    expect(broken && !broken.ok && broken.errors[0]).toMatch(/^a-broken\.yaml:\d+:\d+ /);
    expect(library.find('blackout-drill')?.source).toBe(minimalScenarioYaml);
    expect(library.find('nothing')).toBeNull();

    const renamed = minimalScenarioYaml.replace('id: blackout-drill', 'id: renamed-drill');
    writeFileSync(join(dir, 'b-drill.yaml'), renamed);
    utimesSync(join(dir, 'b-drill.yaml'), new Date(), new Date(Date.now() + 5_000));
    expect(library.find('blackout-drill')).toBeNull();
    expect(library.find('renamed-drill')?.scenario.id).toBe('renamed-drill');
  });

  it('is empty when its directory does not exist', () => {
    expect(new ScenarioLibrary(join(dir, 'missing')).list()).toEqual([]);
  });
});
