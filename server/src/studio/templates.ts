/**
 * What a trainer can start a new studio document from: a small, valid scenario written to be read and edited (every
 * part of the format once, with comments saying what to change), or a copy of a shipped scenario (the library).
 */

export type StudioTemplate = {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly source: string;
};

/** `{{id}}` and `{{title}}` are replaced when a document is made from the template. */
const MINIMAL = `# A new Parley scenario. Every field is described in scenarios/README.md; the studio checks it as you save.
version: 1
id: {{id}}
title:
  en: {{title}}
summary:
  en: |
    One paragraph for the trainer choosing a scenario: the incident, who is at the table, what it practises.
languages: [en]
fallbackLanguage: en
# Real minutes of play; play ends with the default ending at game minute timeLimit.
durationMinutes: 30
timeLimit: 30
level: introductory
authors: []

# What evaluators look for. Injects and rules point at objectives and at the UN norms (a-k) and OSCE CBMs (1-16).
objectives:
  - id: reach_contacts
    title:
      en: Reach each other through points of contact, and answer
    norms: [a]
    cbms: [8]

# The seated parties: at least two. Each seat gets its own join code.
delegations:
  - id: state_a
    name:
      en: State A
    kind: state
    seats:
      - id: mfa
        title: { en: Ministry of Foreign Affairs }
      - id: cert
        title: { en: National CERT }
    briefing:
      public:
        en: What every delegation knows about State A.
      private:
        en: What only State A knows (its interests, constraints and secrets).
    actions: []
  - id: state_b
    name:
      en: State B
    kind: state
    seats:
      - id: mfa
        title: { en: Ministry of Foreign Affairs }
    briefing:
      public:
        en: What every delegation knows about State B.
      private:
        en: What only State B knows.
    actions: []

# The phases of play, in order; the first is where play starts.
phases:
  - id: detection
    title:
      en: Detection

# The MSEL: what happens when. \`at\` is the game minute.
injects:
  - id: first_report
    title:
      en: First report
    at: 0
    to: all
    channel: news
    body:
      en: Something has happened. Describe it as a news item, an email or a CERT bulletin.
    objective: reach_contacts

# How play can end; the default one applies when time runs out.
endings:
  - id: time_up
    title:
      en: Time is up
    narrative:
      en: What the facilitator reads at the hot wash when time runs out.
    default: true
`;

export const TEMPLATES: readonly StudioTemplate[] = [
  {
    id: 'minimal',
    title: 'Minimal scenario',
    description: 'Two states, one phase, one inject and one ending, with comments: a valid start to build on.',
    source: MINIMAL,
  },
];

/** A scenario id from a title: lower case, letters and digits joined by "-" (e.g. "Grid Alert 2" → "grid-alert-2"). */
export function idFromTitle(title: string): string {
  const id = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return /^[a-z]/.test(id) ? id : `scenario${id ? `-${id}` : ''}`;
}

/** The template's text with its id and title filled in (the title as a YAML double-quoted string). */
export function fillTemplate(template: StudioTemplate, title: string): string {
  return template.source.replaceAll('{{id}}', idFromTitle(title)).replaceAll('{{title}}', JSON.stringify(title));
}
