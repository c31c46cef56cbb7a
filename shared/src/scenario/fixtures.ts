/**
 * A small but complete valid scenario, for tests across the code base (parser, engine, bots): three delegations and
 * a simulated actor, world and per-pair variables, nested timed phases, injects with every kind of trigger, a few
 * actions, a precondition rule and a poc.ping → poc.ack deadline rule, a negotiation template and three endings.
 * Helpers derive broken variants from it.
 */
import { parse, stringify } from 'yaml';
import { formatDiagnostic } from './diagnostics.ts';
import { parseScenario } from './parse.ts';
import type { ScenarioInput } from './schema.ts';

export const minimalScenarioYaml = `# yaml-language-server: $schema=./scenario.schema.json
version: 1
id: blackout-drill
title:
  en: Blackout drill
  fr: Exercice panne générale
summary: A grid operator loses control of substations; two states must talk before they accuse.
languages: [en, fr]
fallbackLanguage: en
durationMinutes: 60
timeLimit: 90
level: introductory
authors: [Parley test suite]
objectives:
  - id: poc-use
    title: Use the points of contact
    cbms: [8, 13]
  - id: restraint
    title: Signal before escalating
    norms: [b, f]
delegations:
  - id: norland
    name: Norland
    kind: state
    seats:
      - id: mfa
        title: Foreign ministry
      - id: cert
        title: National CERT
    briefing:
      public: Norland's grid lost three substations overnight.
      private: Your analysts suspect a group hosted in Sudmark.
    actions: [share-iocs, demarche, attribute, sanction]
  - id: sudmark
    name: Sudmark
    kind: state
    seats:
      - id: mfa
        title: Foreign ministry
    briefing:
      public: Sudmark is Norland's neighbour and trading partner.
      private: Your own CERT has seen the same malware.
    actions: [share-iocs, demarche, attribute]
  - id: gridco
    name: GridCo
    kind: company
    seats:
      - id: soc
        title: Security operations centre
    briefing:
      public: GridCo runs substations on both sides of the border.
      private: Your logs hold the indicators everyone wants.
    actions: [share-iocs]
actors:
  - id: press
    name: The Daily Wire
    kind: media
    actions: [publish]
channels:
  - id: regional
    title: Regional CERT network
    members: [norland, sudmark, gridco]
variables:
  - id: escalation
    label: Escalation
    scope: pair
    min: 0
    max: 9
    initial: 1
    pairs:
      - between: [norland, sudmark]
        initial: 2
  - id: trust
    label: Trust
    scope: pair
    min: 0
    max: 10
    initial: 5
    overall: mean
    visibility: parties
  - id: public_pressure
    label: Public pressure
    min: 0
    max: 10
    initial: 2
phases:
  - id: detection
    title: Detection
    timebox: 20
    onTimeout: { to: response }
    initial: triage
    phases:
      - id: triage
        title: Triage
        timebox: 10
        onTimeout: { to: analysis }
      - id: analysis
        title: Analysis
    transitions:
      - to: response
        when: { action: attribute }
  - id: response
    title: Response
    timebox: 40
    onTimeout: { end: stalemate }
    transitions:
      - end: cooperation
        when: { signed: info-sharing }
injects:
  - id: outage-news
    title: Blackout in the north
    at: 0
    to: all
    channel: news
    body: Three substations in northern Norland went dark at 03:10.
    objective: poc-use
  - id: cert-bulletin
    title: CERT bulletin
    onEnter: analysis
    delay: 2
    from: gridco
    to: [norland, sudmark]
    channel: cert
    indicators:
      - type: ip
        value: 203.0.113.7
    body: GridCo shares the command-and-control address.
    expects:
      text: Share the indicators with the other CERT.
      actions: [share-iocs]
  - id: intel-report
    title: Intelligence assessment
    at: 15
    phase: detection
    to: [norland]
    channel: intel
    confidence: medium
    body: The tooling matches a group that operates from Sudmark.
    objective: restraint
  - id: leak
    title: Leaked memo
    when: { var: public_pressure, gte: 6 }
    from: press
    to: all
    channel: social
    body: A leaked memo says Norland will name Sudmark today.
    effects:
      - { var: public_pressure, add: 1 }
  - id: ping-reminder
    title: Reminder from the OSCE
    manual: true
    to: [sudmark]
    channel: poc
    body: Please acknowledge Norland's ping.
  - id: missed-ack
    title: Unanswered ping
    when: { breached: ack-pings }
    delay: 1
    to: all
    channel: email
    body: A contact point did not answer in time.
actions:
  - id: share-iocs
    label: Share indicators
    command: act
    channel: cert
    visibility: bilateral
    targets: { min: 1, max: 1 }
    rung: 1
    effects:
      - { var: trust, pair: [$actor, $target], add: 1 }
    cbms: [2]
  - id: demarche
    label: Private démarche
    command: signal
    channel: diplomatic
    visibility: bilateral
    targets: { min: 1, max: 1 }
    rung: 3
  - id: attribute
    label: Public attribution
    command: signal
    channel: public
    visibility: public
    targets: { min: 1, max: 2, kinds: [state] }
    params:
      - { id: confidence, label: Confidence, type: confidence, required: true }
      - { id: basis, label: Basis, type: choice, options: [technical, political] }
    rung: 5
    effects:
      - { var: escalation, pair: [$actor, $target], add: 2 }
    norms: [b]
  - id: sanction
    label: Restrictive measures
    command: act
    channel: economic
    visibility: public
    targets: { min: 1, max: 1 }
    rung: 7
    effects:
      - { var: escalation, pair: [$actor, $target], add: 3 }
  - id: publish
    label: Publish a story
    command: act
    channel: press
    visibility: public
    rung: 0
    effects:
      - { var: public_pressure, add: 2 }
rules:
  - id: consult-first
    type: precondition
    title: Consult before attributing publicly
    on: [attribute]
    requires: { action: [demarche, poc.ping], by: $actor, to: $target }
    mode: warn
    cost:
      - { var: trust, pair: [$actor, $target], add: -2 }
    cbms: [3]
  - id: ack-pings
    type: deadline
    title: Acknowledge pings
    on: [poc.ping]
    satisfiedBy: [poc.ack]
    within: 5
    cbms: [8]
templates:
  - id: info-sharing
    title: Information-sharing arrangement
    kind: information-sharing
    clauses:
      - id: scope
        text: The parties share indicators of compromise on the grid incident.
      - id: contacts
        text: Each party names a 24/7 contact point.
    effects:
      - { var: trust, pair: [$signatory, $signatory], add: 2 }
endings:
  - id: cooperation
    title: Joint response
    narrative: The CERTs shared what they knew and the states agreed to keep talking.
    tone: positive
  - id: escalation-spiral
    title: Escalation spiral
    narrative: Accusations and sanctions followed each other.
    tone: negative
    when: { var: escalation, gte: 8 }
  - id: stalemate
    title: Stalemate
    narrative: Time ran out with nothing agreed.
    default: true
`;

/** A fresh, mutable copy of the fixture as plain data. */
export function minimalScenario(): ScenarioInput {
  return parse(minimalScenarioYaml) as ScenarioInput;
}

/** The fixture with `edit` applied to its data, as YAML (comments and layout are not kept). */
export function editFixture(edit: (scenario: ScenarioInput) => void): string {
  const scenario = minimalScenario();
  edit(scenario);
  return stringify(scenario, { lineWidth: 0 });
}

/** The fixture with one exact piece of text replaced; throws when `find` is not there exactly once. */
export function replaceInFixture(find: string, replacement: string): string {
  const first = minimalScenarioYaml.indexOf(find);
  if (first === -1 || minimalScenarioYaml.indexOf(find, first + 1) !== -1) {
    throw new Error(`fixture: expected exactly one occurrence of ${JSON.stringify(find)}`);
  }
  return minimalScenarioYaml.slice(0, first) + replacement + minimalScenarioYaml.slice(first + find.length);
}

/** Line and column (1-based) of the `nth` occurrence (from 1) of `needle` in `text`, for asserting positions. */
export function positionOf(text: string, needle: string, nth = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`positionOf: ${JSON.stringify(needle)} occurs fewer than ${nth} times`);
  }
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

/** Every diagnostic for `input` (errors first, then warnings), formatted as `test.yaml:line:column path: message`. */
export function problemsOf(input: string | Uint8Array): string[] {
  const result = parseScenario(input, 'test.yaml');
  return [...(result.ok ? [] : result.errors), ...result.warnings].map(formatDiagnostic);
}

/** `test.yaml:line:column ` for the `nth` occurrence of `needle` in `text`: the start of an expected diagnostic. */
export function at(text: string, needle: string, nth = 1): string {
  const { line, column } = positionOf(text, needle, nth);
  return `test.yaml:${line}:${column} `;
}
