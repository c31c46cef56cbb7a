/** The JSON shapes the API answers with (no secrets: never a hash, never the scenario source). */
import type { Role } from '@parley/shared';
import { joinLink } from '../exercises/codes.ts';
import type { ExerciseService, IssuedCode } from '../exercises/service.ts';
import type { ExerciseRecord, WorkshopRecord } from '../store/types.ts';

export type CodeView = {
  /** `ABCD-EFGH`. */
  readonly code: string;
  readonly link: string;
  readonly role: Role;
  readonly label: string;
  readonly status: IssuedCode['status'];
  readonly createdAt: number;
  readonly revokedAt: number | null;
};

export type ExerciseView = {
  readonly id: string;
  readonly label: string;
  readonly scenario: { readonly id: string; readonly title: string };
  readonly workshopId: string | null;
  readonly status: ExerciseRecord['status'];
  readonly createdAt: number;
  readonly endedAt: number | null;
  readonly seed: number;
  readonly ruleModes: Readonly<Record<string, string>>;
  readonly bots: Readonly<Record<string, string>>;
  /** Hosted by this process right now. */
  readonly live: boolean;
};

export const codeView = (c: IssuedCode, base: string): CodeView => ({
  code: c.display,
  link: joinLink(base, c.code),
  role: c.role,
  label: c.label,
  status: c.status,
  createdAt: c.createdAt,
  revokedAt: c.revokedAt,
});

export const exerciseView = (e: ExerciseRecord, service: ExerciseService, live: boolean): ExerciseView => ({
  id: e.id,
  label: e.label,
  scenario: { id: e.scenarioId, title: service.scenarioTitle(e) },
  workshopId: e.workshopId,
  status: e.status,
  createdAt: e.createdAt,
  endedAt: e.endedAt,
  seed: e.options.seed,
  ruleModes: e.options.ruleModes ?? {},
  bots: e.bots,
  live,
});

export const workshopView = (w: WorkshopRecord) => ({ id: w.id, title: w.title, createdAt: w.createdAt });
