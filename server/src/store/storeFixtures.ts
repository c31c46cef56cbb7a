/** Records and events for store tests (no test runner here: a child process imports it too). */
import type { ExerciseEvent, Role } from '@parley/shared';
import type {
  ExerciseRecord,
  SeatCode,
  StudioDocumentRecord,
  StudioVersionFacts,
  StudioVersionRecord,
  WorkshopRecord,
} from './types.ts';

export const workshop = (id: string, createdAt = 1_000): WorkshopRecord => ({
  id,
  title: `Workshop ${id}`,
  trainerSecret: 'salt:hash',
  createdAt,
});

export const exercise = (id: string, over: Partial<ExerciseRecord> = {}): ExerciseRecord => ({
  id,
  scenarioId: 'blackout-drill',
  scenarioSource: 'version: 1\nid: blackout-drill\n# « scénario » ✓\n',
  options: { seed: 42, ruleModes: { 'consult-first': 'block' } },
  label: `Table ${id}`,
  workshopId: null,
  facilitatorSecret: 'abcd:ef01',
  createdAt: 2_000,
  status: 'open',
  endedAt: null,
  bots: {},
  ...over,
});

const delegate: Role = { kind: 'delegation', delegation: 'norland', seat: 'mfa' };

export const code = (value: string, exerciseId: string, role: Role = delegate, createdAt = 2_000): SeatCode => ({
  code: value,
  exerciseId,
  role,
  createdAt,
  revokedAt: null,
});

/** Events 1…n from `from`, with text that stresses encodings. */
export function events(from: number, count: number): ExerciseEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    type: 'message.send',
    channel: { kind: 'public' },
    text: `message ${from + i}: "quotes", back\\slash, new\nline, NUL \u0000, emoji 🛰️, العربية`,
    seq: from + i,
    at: (from + i) * 1_000,
    role: delegate,
    commandId: `cmd-${from + i}`,
    id: `message-${from + i}`,
  }));
}

export const studioDocument = (id: string, over: Partial<StudioDocumentRecord> = {}): StudioDocumentRecord => ({
  id,
  origin: { kind: 'library', scenarioId: 'blackout-drill', file: 'drill.yaml' },
  createdAt: 3_000,
  updatedAt: 3_000,
  latestVersion: 1,
  deletedAt: null,
  ...over,
});

export const facts = (over: Partial<StudioVersionFacts> = {}): StudioVersionFacts => ({
  scenarioId: 'blackout-drill',
  title: { en: 'Blackout drill', fr: 'Exercice « panne »' },
  summary: { en: 'Two states talk.' },
  level: 'introductory',
  languages: ['en', 'fr'],
  authors: ['Parley test suite'],
  durationMinutes: 60,
  errors: 0,
  warnings: 1,
  findings: 2,
  ...over,
});

/** Version `version` of a document, saved at 3 000 + version ms, with text that stresses encodings. */
export const studioVersion = (
  documentId: string,
  version: number,
  over: Partial<StudioVersionRecord> = {},
): StudioVersionRecord => {
  const source = `version: 1\nid: blackout-drill\n# v${version} « scénario » ✓ 🛰️ العربية \\ "q"\n`;
  return {
    documentId,
    version,
    source,
    author: `Trainer ${version}`,
    createdAt: 3_000 + version,
    size: new TextEncoder().encode(source).length,
    valid: version % 2 === 1,
    facts: facts({ errors: version % 2 === 1 ? 0 : 3 }),
    ...over,
  };
};
