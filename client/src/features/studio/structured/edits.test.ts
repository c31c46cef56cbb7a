import { minimalScenarioYaml } from '@parley/shared/scenario/fixtures.ts';
import { parseScenario } from '@parley/shared/scenario/parse.ts';
import type { Inject } from '@parley/shared/scenario/schema.ts';
import { updateItem } from '@parley/shared/studio/yamlEdit.ts';
import { describe, expect, it } from 'vitest';
import { attempt, byTime, freshId, textIn, tidyMarkdown, triggerEdits } from './edits.ts';

describe('structured edits', () => {
  it('reads a text in the fallback language, plain or as a map', () => {
    expect(textIn('Hello', 'en', 'en')).toBe('Hello');
    expect(textIn({ en: 'Hello', fr: 'Bonjour' }, 'fr', 'en')).toBe('Bonjour');
    expect(textIn(undefined, 'en', 'en')).toBe('');
  });

  it('writes Markdown tidily: no trailing spaces, a final line break for several lines', () => {
    expect(tidyMarkdown('One line  ')).toBe('One line');
    expect(tidyMarkdown('One\ntwo  \n\n')).toBe('One\ntwo\n');
  });

  it('switching a trigger removes the other triggers, and the delay for a set minute', () => {
    expect(triggerEdits('at', 5)).toStrictEqual([
      { path: ['at'], value: 5 },
      { path: ['onEnter'], value: undefined },
      { path: ['when'], value: undefined },
      { path: ['manual'], value: undefined },
      { path: ['delay'], value: undefined },
    ]);
    const yaml = updateItem(minimalScenarioYaml, 'injects', 'cert-bulletin', triggerEdits('manual', true));
    const parsed = parseScenario(yaml ?? '', 'x.yaml');
    expect(parsed.ok && parsed.scenario.injects[1]).toMatchObject({ id: 'cert-bulletin', manual: true, delay: 0 });
  });

  it('finds a fresh id', () => {
    expect(freshId('inject-3', ['inject-1'])).toBe('inject-3');
    expect(freshId('leak-2', ['leak', 'leak-2', 'leak-3'])).toBe('leak-4');
  });

  it('orders by minute, untimed injects after, in file order', () => {
    const i = (id: string, at?: number) => ({ id, at }) as Inject;
    expect(byTime([i('a'), i('b', 10), i('c', 2), i('d'), i('e', 2)]).map((x) => x.id)).toStrictEqual([
      'c',
      'e',
      'b',
      'a',
      'd',
    ]);
  });

  it('refuses a rewrite the validator rejects, with the edited item’s errors first, worded without its path', () => {
    const bad = updateItem(minimalScenarioYaml, 'injects', 'intel-report', [{ path: ['phase'], value: 'nowhere' }]);
    const result = attempt(bad ?? '', 'injects[2]');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatch(/^phase: .*nowhere/);
    expect(attempt(minimalScenarioYaml).ok).toBe(true);
  });
});
