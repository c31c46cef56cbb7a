/** From the validator's messages to marks in the editor: the span, and the quick fix of a "did you mean". */
import { Text } from '@codemirror/state';
import { minimalScenarioYaml } from '@parley/shared/scenario/fixtures.ts';
import { parseScenario } from '@parley/shared/scenario/parse.ts';
import { describe, expect, it } from 'vitest';
import { markRange, marksFromFindings, marksFromParse, quickFixFor } from './diagnostics.ts';
import { lintAndPlace } from './lintPlace.ts';

const doc = (text: string) => Text.of(text.split('\n'));

/** Applies a fix to a text. */
function applied(text: string, fix: { from: number; to: number; insert: string } | null): string {
  if (fix === null) throw new Error('no fix');
  return text.slice(0, fix.from) + fix.insert + text.slice(fix.to);
}

describe('markRange', () => {
  const d = doc('title: Grid alert # note\nto: [norland, frnace]\nname: "Nor land"\nkey:\n');
  const slice = (line: number, column: number) => {
    const r = markRange(d, line, column);
    return d.sliceString(r.from, r.to);
  };
  it('marks a plain value up to a comment', () => expect(slice(1, 8)).toBe('Grid alert'));
  it('marks a key', () => expect(slice(1, 1)).toBe('title'));
  it('marks one item of a flow list', () => expect(slice(2, 15)).toBe('frnace'));
  it('marks a whole flow list', () => expect(slice(2, 5)).toBe('[norland, frnace]'));
  it('marks quoted text with its quotes', () => expect(slice(3, 7)).toBe('"Nor land"'));
  it('marks the line when pointing past its end', () => expect(slice(4, 10)).toBe('key:'));
  it('stays in the document when the line is out of range', () => {
    const r = markRange(d, 99, 1);
    expect(r.from).toBeLessThanOrEqual(d.length);
  });
});

describe('marks from the validator', () => {
  it('marks an unknown id where it is and offers the suggested one as a fix', () => {
    const text = minimalScenarioYaml.replace('to: [norland, sudmark]', 'to: [norland, sudmrak]');
    const parsed = parseScenario(text, 'drill.yaml');
    expect(parsed.ok).toBe(false);
    const marks = marksFromParse(parsed, doc(text));
    const mark = marks.find((m) => m.message.includes('sudmrak'));
    expect(mark).toMatchObject({ severity: 'error', field: 'injects[1].to[1]', source: 'validator' });
    expect(mark && text.slice(mark.from, mark.to)).toBe('sudmrak');
    const fixed = applied(text, mark?.fix ?? null);
    expect(fixed).toBe(minimalScenarioYaml);
    expect(parseScenario(fixed, 'drill.yaml').ok).toBe(true);
  });

  it('fixes a misspelt field name', () => {
    const text = minimalScenarioYaml.replace('    channel: news\n', '    chanel: news\n');
    const marks = marksFromParse(parseScenario(text, 'drill.yaml'), doc(text));
    const mark = marks.find((m) => m.message.includes('chanel'));
    expect(mark?.message).toContain('did you mean "channel"?');
    expect(mark && text.slice(mark.from, mark.to)).toBe('chanel');
    expect(applied(text, mark?.fix ?? null)).toBe(minimalScenarioYaml);
  });

  it('fixes a misspelt word from a list of allowed ones, quoted or not', () => {
    const text = minimalScenarioYaml.replace('level: introductory', 'level: "introductroy"');
    const mark = marksFromParse(parseScenario(text, 'drill.yaml'), doc(text)).find((m) => m.severity === 'error');
    expect(mark?.fix?.insert).toBe('introductory');
    expect(applied(text, mark?.fix ?? null)).toBe(minimalScenarioYaml.replace('introductory', '"introductory"'));
  });

  it('offers no fix without a suggestion', () => {
    const text = minimalScenarioYaml.replace('    channel: news\n', '    channel: news\n    zzzzzzzz: 1\n');
    const mark = marksFromParse(parseScenario(text, 'drill.yaml'), doc(text)).find((m) => m.severity === 'error');
    expect(mark?.message).toContain('unknown field "zzzzzzzz"');
    expect(mark?.fix).toBeNull();
  });

  it('keeps warnings of a valid text as warnings', () => {
    const text = minimalScenarioYaml.replace('  en: Blackout drill\n  fr: Exercice panne générale\n', '  en: Drill\n');
    const parsed = parseScenario(text, 'drill.yaml');
    const marks = marksFromParse(parsed, doc(text));
    expect(parsed.ok).toBe(true);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m.severity === 'warning')).toBe(true);
  });
});

describe('quickFixFor', () => {
  it('finds the wrong word further along the line when the mark is elsewhere', () => {
    const d = doc('  - when: { action: atribute }');
    const fix = quickFixFor('unknown action "atribute" (did you mean "attribute"?)', d, 4, 8);
    expect(fix).toEqual({ from: 20, to: 28, insert: 'attribute' });
  });
  it('gives nothing when the word is not on the line', () => {
    const d = doc('  - when: { action: other }');
    expect(quickFixFor('unknown action "atribute" (did you mean "attribute"?)', d, 4, 8)).toBeNull();
  });
});

describe('lint findings', () => {
  it('places findings at their line, without repeating missing translations', () => {
    const text = minimalScenarioYaml.replace(
      'injects:\n',
      'injects:\n  - id: asks\n    title: Press asks\n    at: 5\n    to: all\n    channel: news\n    body: A question.\n' +
        '    expects:\n      text: Publish.\n      actions: [publish]\n',
    );
    const findings = lintAndPlace(text);
    expect(findings).toEqual([
      {
        line: 118,
        column: 17,
        field: 'injects[0].expects.actions[0]',
        message: 'inject "asks" (Press asks) expects "publish", but no delegation may take it',
        severity: 'warning',
      },
    ]);
    expect(text.split('\n')[117]).toBe('      actions: [publish]');
    const [mark] = marksFromFindings(findings, doc(text));
    expect(mark && text.slice(mark.from, mark.to)).toBe('publish');
    expect(mark).toMatchObject({ source: 'lint', severity: 'warning', fix: null });
  });
  it('lints nothing in an invalid text', () => {
    expect(lintAndPlace('version: 1\n')).toEqual([]);
  });
});
