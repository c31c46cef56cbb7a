/**
 * Hostile and broken input: every case must end in a positioned message (exit-status-1 material), never a crash,
 * a hang or a polluted prototype. Inputs are sized to hurt a naive parser (10,000-deep nesting, 3 MiB, a
 * billion-laughs document).
 */
import { describe, expect, it } from 'vitest';
import { minimalScenarioYaml, problemsOf, replaceInFixture } from './fixtures.ts';
import { parseScenario } from './parse.ts';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

const billionLaughs = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((x, i) => `${x}: &${x} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
].join('\n');

describe('empty and non-mapping documents', () => {
  it.each([
    [
      'an empty file',
      '',
      'test.yaml:1:1 the file is empty: expected a scenario: a YAML mapping of fields, starting with "version: 1"',
    ],
    [
      'blank lines only',
      '\n\n  \n',
      'test.yaml:1:1 the file is empty: expected a scenario: a YAML mapping of fields, starting with "version: 1"',
    ],
    [
      'only comments',
      '# yaml-language-server: $schema=./scenario.schema.json\n# TODO\n',
      'test.yaml:1:1 the file holds only comments: expected a scenario: a YAML mapping of fields, starting with "version: 1"',
    ],
    [
      'a scalar',
      'hello\n',
      'test.yaml:1:1 expected a scenario: a YAML mapping of fields, starting with "version: 1", got a single value ("hello")',
    ],
    [
      'a list',
      '- version: 1\n',
      'test.yaml:1:1 expected a scenario: a YAML mapping of fields, starting with "version: 1", got a list',
    ],
  ])('%s', (_, input, expected) => {
    expect(problemsOf(input)).toEqual([expected]);
  });
});

describe('YAML syntax', () => {
  it('reports a syntax error at its position', () => {
    expect(problemsOf('version: 1\nid: [gridlock\ntitle: x\n')).toEqual([
      'test.yaml:3:1 YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('explains tabs used for indentation', () => {
    expect(problemsOf('version: 1\nauthors:\n\t- me\n')).toEqual([
      'test.yaml:3:1 YAML syntax error: tabs are not allowed for indentation; use spaces',
    ]);
  });

  it('refuses a second document in the file', () => {
    expect(problemsOf(`${minimalScenarioYaml}---\nversion: 1\n`)).toEqual([
      `test.yaml:${minimalScenarioYaml.split('\n').length}:1 a second YAML document starts here ("---"); a scenario file holds exactly one`,
    ]);
  });

  it('reports an alias without its anchor', () => {
    expect(problemsOf('version: 1\nid: *nowhere\n')).toEqual([
      'test.yaml:2:5 unknown alias "*nowhere": an alias needs its anchor "&nowhere" defined before it',
    ]);
  });

  it('reports duplicate keys at the repeated key', () => {
    const yaml = replaceInFixture('    at: 15\n', '    at: 15\n    at: 16\n');
    const line = yaml.split('\n').indexOf('    at: 16') + 1;
    expect(problemsOf(yaml)).toEqual([
      `test.yaml:${line}:5 injects[2]: duplicate key "at": each field may appear only once`,
    ]);
  });
});

describe('resource exhaustion', () => {
  it('refuses a file above 512 KiB before parsing, giving its size', () => {
    const huge = `version: 1\nsummary: "${'x'.repeat(3 * 1024 * 1024)}"\n`;
    expect(problemsOf(huge)).toEqual(['test.yaml:1:1 the file is 3.0 MiB; a scenario file may be at most 512 KiB']);
    expect(problemsOf(new TextEncoder().encode(huge))).toEqual([
      'test.yaml:1:1 the file is 3.0 MiB; a scenario file may be at most 512 KiB',
    ]);
  });

  it('refuses a billion-laughs alias bomb', () => {
    expect(problemsOf(billionLaughs)).toEqual([
      'test.yaml:2:8 aliases expand too much (more than 100 expansions): this looks like a "billion laughs" attack',
    ]);
  });

  it.each([
    ['flow sequences', `${'['.repeat(10_000)}${']'.repeat(10_000)}`],
    ['flow mappings', `${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}`],
    ['block sequences', `${'- '.repeat(10_000)}x`],
    ['block mappings', Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')],
    [
      'deep nesting inside a scenario',
      replaceInFixture('authors: [Parley test suite]', `authors: ${'['.repeat(10_000)}${']'.repeat(10_000)}`),
    ],
  ])('refuses 10,000-deep %s without overflowing the stack', (_, input) => {
    const problems = problemsOf(input);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^test\.yaml:\d+:\d+ (\S+: )?nested more than 64 levels deep; a scenario never needs that many$/,
    );
  });

  it('allows 64 levels and refuses 65, pointing at the 65th', () => {
    const nest = (n: number): string => `version: ${'['.repeat(n)}${']'.repeat(n)}`;
    expect(problemsOf(nest(63)).join()).not.toContain('nested');
    expect(problemsOf(nest(64))).toEqual([
      'test.yaml:1:73 version[0]: nested more than 64 levels deep; a scenario never needs that many',
    ]);
  });

  it('refuses an alias that contains itself', () => {
    expect(problemsOf('version: 1\nauthors: &a [*a]\n')).toEqual([
      'test.yaml:2:14 authors[0]: an alias refers to a node that contains it (a loop)',
    ]);
  });
});

describe('bytes that are not UTF-8 text', () => {
  it('refuses a binary file (NUL bytes), pointing at the first', () => {
    expect(problemsOf(bytes('version: 1\nid: a', [0, 0, 1, 2]))).toEqual([
      'test.yaml:2:6 the file contains a NUL byte: it looks like a binary file, not a YAML scenario',
    ]);
  });

  it('refuses Latin-1 text, pointing at the first bad byte', () => {
    expect(problemsOf(bytes('version: 1\ntitle: caf', [0xe9], '\n'))).toEqual([
      'test.yaml:2:11 the file is not valid UTF-8 text (a binary file, or text in another encoding); save it as UTF-8',
    ]);
  });

  it('recognises UTF-16', () => {
    expect(problemsOf(bytes([0xff, 0xfe], 'v\u0000'))).toEqual([
      'test.yaml:1:1 the file is UTF-16 text; save it as UTF-8',
    ]);
  });

  it('accepts a UTF-8 byte-order mark', () => {
    expect(parseScenario(bytes([0xef, 0xbb, 0xbf], minimalScenarioYaml), 'test.yaml').ok).toBe(true);
  });

  it('refuses random binary noise with a message', () => {
    let seed = 42;
    const noise = Uint8Array.from({ length: 64 * 1024 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % 256;
    });
    const problems = problemsOf(noise);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/NUL byte|not valid UTF-8/);
  });
});

describe('keys that could reach prototypes', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('refuses "%s" and pollutes nothing', (key) => {
    const yaml = replaceInFixture('level: introductory\n', `level: introductory\n${key}: { polluted: true }\n`);
    const line = yaml.split('\n').findIndex((l) => l.startsWith(key)) + 1;
    expect(problemsOf(yaml)).toEqual([`test.yaml:${line}:1 the key "${key}" is not allowed (a reserved name)`]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses them when nested too', () => {
    const yaml = replaceInFixture('    timebox: 40\n', '    timebox: 40\n    __proto__: { isAdmin: true }\n');
    expect(problemsOf(yaml)[0]).toMatch(/phases\[1\]: the key "__proto__" is not allowed/);
  });
});
