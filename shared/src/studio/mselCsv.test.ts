import { describe, expect, it } from 'vitest';
import { editFixture, minimalScenarioYaml } from '../scenario/fixtures.ts';
import { formatDiagnostic, type Inject, parseScenario, type Scenario, type ScenarioInput } from '../scenario/index.ts';
import { parseCsv } from './csv.ts';
import { type MselError, mselFromCsv, mselToCsv } from './mselCsv.ts';

function scenarioOf(yaml: string): Scenario {
  const result = parseScenario(yaml, 'test.yaml');
  if (!result.ok) throw new Error(result.errors.map(formatDiagnostic).join('\n'));
  return result.scenario;
}

const fixture = scenarioOf(minimalScenarioYaml);
type Injects = NonNullable<ScenarioInput['injects']>;

/** The fixture with translations, awkward text and every kind of cell content. */
const rich = scenarioOf(
  editFixture((s) => {
    const injects = s.injects as Injects;
    const [news, bulletin, intel] = injects;
    if (!news || !bulletin || !intel) throw new Error('fixture changed');
    news.title = { en: 'Blackout in the north', fr: 'Panne dans le nord' };
    news.body = {
      en: '**03:10** "Three substations", one said; then:\n\n- =SUM(A1) is not a formula\n- @mention\n',
      fr: 'Trois postes, à 03 h 10 ; puis « rien ».\n',
    };
    news.notes = { en: "'=already quoted", fr: '+33 1 23 45 67 89' };
    bulletin.expects = {
      text: { en: 'Share the indicators.', fr: 'Partager les indicateurs.' },
      actions: ['share-iocs', 'poc.ping'],
    };
    bulletin.indicators = [
      { type: 'ip', value: '203.0.113.7', note: 'beacon, HTTPS 443' },
      { type: 'file', value: 'C:\\ProgramData\\agent.exe' },
    ];
    intel.when = { all: [{ action: ['demarche', 'poc.ping'], by: 'norland', atLeast: 2 }, { elapsed: { gte: 5 } }] };
    delete intel.at;
    intel.delay = 1.5;
    intel.effects = [{ var: 'trust', pair: ['norland', 'sudmark'], add: -1 }];
  }),
);

function roundTrip(scenario: Scenario, options?: Parameters<typeof mselToCsv>[1]): Inject[] {
  const back = mselFromCsv(mselToCsv(scenario, options), scenario, { language: options?.language });
  if (!back.ok) throw new Error(JSON.stringify(back.errors));
  return back.injects;
}

const HEADER =
  'id,trigger,delay,phase,audience,channel,from,confidence,title,body,expected action,expected action ids,objective,facilitator notes,indicators,effects';

/** A CSV with the fixture's columns, one line per row (for error tests). */
const csvOf = (...rows: string[]): string => [HEADER, ...rows].join('\r\n');
const GOOD = 'outage-news,at 0,,,all,news,,,Blackout,Dark at 03:10.,,,poc-use,,,';

function errorsOf(text: string, scenario = fixture): MselError[] {
  const result = mselFromCsv(text, scenario);
  return result.ok ? [] : result.errors;
}

describe('mselToCsv', () => {
  it('writes a header, one row per inject, CRLF line ends and a byte-order mark', () => {
    const csv = mselToCsv(fixture);
    expect(csv.startsWith(`\uFEFF${HEADER},title (fr),body (fr),expected action (fr),facilitator notes (fr)\r\n`)).toBe(
      true,
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(csv).records.map((r) => r.cells.slice(0, 6).join(' | '))).toEqual([
      'id | trigger | delay | phase | audience | channel',
      'outage-news | at 0 |  |  | all | news',
      'cert-bulletin | enter analysis | 2 |  | norland; sudmark | cert',
      'intel-report | at 15 |  | detection | norland | intel',
      'leak | when { var: public_pressure, gte: 6 } |  |  | all | social',
      'ping-reminder | manual |  |  | sudmark | poc',
      'missed-ack | when { breached: ack-pings } | 1 |  | all | email',
    ]);
  });

  it('quotes what needs quoting and defuses formulas', () => {
    const csv = mselToCsv(rich, { bom: false });
    expect(csv).toContain(
      '"**03:10** ""Three substations"", one said; then:\n\n- =SUM(A1) is not a formula\n- @mention\n"',
    );
    expect(csv).toContain(",''=already quoted,");
    expect(csv).toContain(",'+33 1 23 45 67 89\r\n");
    expect(csv).toContain('"[{ type: ip, value: 203.0.113.7, note: ""beacon, HTTPS 443"" },\n { type: file, value: ');
  });

  it('with ";" as delimiter, also quotes cells holding ";"', () => {
    const csv = mselToCsv(fixture, { delimiter: ';', bom: false });
    expect(csv.split('\r\n')[2]).toBe(
      'cert-bulletin;enter analysis;2;;"norland; sudmark";cert;gridco;;CERT bulletin;GridCo shares the command-and-control address.;Share the indicators with the other CERT.;share-iocs;;;"[{ type: ip, value: 203.0.113.7 }]";;;;;',
    );
  });
});

describe('mselFromCsv(mselToCsv(s), s)', () => {
  it.each([
    ['the fixture', fixture, {}],
    ['the fixture with ";"', fixture, { delimiter: ';' as const }],
    ['translations, quotes, formulas, lists and conditions', rich, {}],
    ['the same with French in the main columns', rich, { language: 'fr' }],
  ])('gives back the same injects: %s', (_, scenario, options) => {
    expect(roundTrip(scenario, options)).toStrictEqual(scenario.injects);
  });
});

describe('mselFromCsv', () => {
  it('reads what French Excel saves: sep line, ";", decimal commas, another column order, fewer columns', () => {
    const text = [
      'sep=;',
      'ID;Title;Trigger;Delay;Audience;Channel;Body;Title (FR);Expected_Action_IDs',
      'cert-bulletin;CERT bulletin;enter analysis;2,5;norland;Cert;"Shared: ""203.0.113.7"";\r\nthanks";Bulletin du CERT;share-iocs',
      'new-one;Fresh news;12;;all;news;Text.;;',
    ].join('\r\n');
    const result = mselFromCsv(`\uFEFF${text}\r\n`, fixture);
    expect(result).toStrictEqual({
      ok: true,
      injects: [
        {
          ...fixture.injects[1],
          title: { en: 'CERT bulletin', fr: 'Bulletin du CERT' },
          delay: 2.5,
          to: ['norland'],
          body: 'Shared: "203.0.113.7";\r\nthanks',
          // Columns left out (from, indicators, the expected action text) are kept from the scenario's inject.
        },
        {
          id: 'new-one',
          title: 'Fresh news',
          at: 12,
          to: 'all',
          channel: 'news',
          body: 'Text.',
          delay: 0,
          indicators: [],
          effects: [],
        },
      ],
    });
  });

  it('reports each bad cell by spreadsheet row and column, and still returns the good rows', () => {
    const text = csvOf(
      GOOD,
      'b1,enter detecton,,respons,all,news,,,T,B,,,,,,',
      'b2,at 5,soon,,norlnd; press,newz,,,,B,,,,,,',
      'b3,"when { var: pressure, gte: 6 }",,,all,news,,,T,"multi\nline\nbody",,,nope,,,"[{ var: trust, set: x }]"',
      'outage-news,at 1,,,all,email,,,Again,B,,,,,,',
      'b5,at two,,,all,intel,,,T,B,,share-iocs,,,"[{ type: ip",',
      'b6,at 5,,,all,intel,,,T,B,,,,,,',
      'b7,at 5,,,all,news,,,T,B,,,,,,,extra',
    );
    const result = mselFromCsv(text, fixture);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { row: 3, column: 'trigger', message: 'unknown phase "detecton" (did you mean "detection"?)' },
      { row: 3, column: 'phase', message: 'unknown phase "respons" (did you mean "response"?)' },
      { row: 4, column: 'delay', message: 'expected minutes: a number from 0 to 1440, got "soon"' },
      { row: 4, column: 'audience', message: 'unknown delegation "norlnd" (did you mean "norland"?)' },
      {
        row: 4,
        column: 'audience',
        message: '"press" is an actor, played by the facilitator; injects go to delegations',
      },
      { row: 4, column: 'title', message: 'missing title' },
      {
        row: 4,
        column: 'channel',
        message: 'expected one of intel, cert, news, social, poc, email, phone, got "newz" (did you mean "news"?)',
      },
      { row: 5, column: 'objective', message: 'unknown objective "nope"' },
      { row: 5, column: 'effects', message: 'item 1, set: expected a number, got "x"' },
      { row: 5, column: 'trigger', message: 'unknown variable "pressure"' },
      { row: 6, column: 'id', message: 'duplicate id "outage-news" (already on row 2)' },
      {
        row: 7,
        column: 'trigger',
        message: 'expected "at <minute>", "enter <phase>", "when <condition>" or "manual", got "at two"',
      },
      {
        row: 7,
        column: 'expected action',
        message: 'write the expected action (a sentence for evaluators) for the expected action ids',
      },
      { row: 7, column: 'indicators', message: expect.stringContaining('not valid YAML or JSON: Flow map') },
      { row: 7, column: 'confidence', message: 'an intelligence report needs a "confidence" (low, medium, high)' },
      { row: 8, column: 'confidence', message: 'an intelligence report needs a "confidence" (low, medium, high)' },
      { row: 9, column: null, message: 'this row has more cells (17) than the header has columns (16)' },
    ]);
    expect(result.injects.map((i) => i.id)).toEqual(['outage-news']);
  });

  it('explains a broken condition in the trigger as the validator does', () => {
    expect(errorsOf(csvOf('x,"when { relesed: leak }",,,all,news,,,T,B,,,,,,'))).toEqual([
      { row: 2, column: 'trigger', message: 'unknown condition "relesed" (did you mean "released"?)' },
    ]);
    expect(
      errorsOf(
        csvOf(
          'x,"when { all: [{ var: trust, gte: 2, pair: [norland, sudmark] }, { phase: 3 }] }",,,all,news,,,T,B,,,,,,',
        ),
      ),
    ).toEqual([{ row: 2, column: 'trigger', message: expect.stringMatching(/^all\[1\]\.phase: expected .*got 3/) }]);
  });

  it('counts rows as a spreadsheet does: a multi-line cell is one row, blank rows count', () => {
    expect(
      errorsOf(
        csvOf(
          'a,at 1,,,all,news,,,T,"one\r\ntwo\r\nthree",,,,,,',
          '',
          ',,,,,,,,,,,,,,,',
          'b,at x,,,all,news,,,T,B,,,,,,',
        ),
      ),
    ).toEqual([{ row: 5, column: 'trigger', message: expect.stringContaining('got "at x"') }]);
  });

  it('refuses a header it does not understand, with suggestions', () => {
    const header = HEADER.replace('channel', 'chanel').replace(',body', '');
    expect(errorsOf(`${header}\r\n${GOOD}`)).toEqual([
      { row: 1, column: 'chanel', message: 'unknown column "chanel" (did you mean "channel"?)' },
      { row: 1, column: 'channel', message: 'missing column "channel"' },
      { row: 1, column: 'body', message: 'missing column "body"' },
    ]);
    expect(errorsOf(`${HEADER},Title\r\n${GOOD}`)).toEqual([
      { row: 1, column: 'Title', message: 'column "Title" appears twice (also "title")' },
    ]);
  });

  it('never throws on broken files', () => {
    expect(errorsOf('')).toEqual([{ row: 1, column: null, message: expect.stringContaining('the file is empty') }]);
    expect(errorsOf(csvOf(GOOD, 'x,at 1,,,all,news,,,T,"never closed'))).toEqual([
      { row: 3, column: null, message: expect.stringContaining('never closes') },
    ]);
    expect(errorsOf(csvOf('x,when [[[,,,all,news,,,T,B,,,,,,'))[0]?.column).toBe('trigger');
    expect(errorsOf(csvOf('x,when 12,,,all,news,,,T,B,,,,,,'))[0]?.column).toBe('trigger');
    expect(errorsOf('\u0000\u0001,"\u0002\n')).not.toEqual([]);
  });
});

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, CR, LF and CRLF, and a byte-order mark', () => {
    expect(parseCsv('\uFEFFa,"b,""c""\nd"\re,f\r\n"",g\nlast').records).toEqual([
      { row: 1, cells: ['a', 'b,"c"\nd'] },
      { row: 2, cells: ['e', 'f'] },
      { row: 3, cells: ['', 'g'] },
      { row: 4, cells: ['last'] },
    ]);
  });

  it('picks the delimiter of the header row', () => {
    expect(parseCsv('a;b,c;d\n1;2').delimiter).toBe(';');
    expect(parseCsv('a\tb\n1\t2').records[1]?.cells).toEqual(['1', '2']);
    expect(parseCsv('"a;b",c\n').delimiter).toBe(',');
  });
});
