/**
 * The HTTP API the join and set-up screens use. Every failure is a value with a message a person can read: the
 * server's own message when it sent one, else a network message key.
 */
import type { Role } from '@parley/shared/protocol/roles.ts';
import type { LocalizedText } from '@parley/shared/scenario/schema.ts';

export type Failure = { readonly ok: false; readonly message: string | null; readonly status: number };
export type Result<T> = { readonly ok: true; readonly value: T } | Failure;

export type JoinInfo = {
  readonly exerciseId: string;
  readonly role: Role;
  readonly label: string | null;
  readonly exercise: { readonly label: string; readonly status: string };
  readonly scenario: { readonly id: string; readonly title: string; readonly languages: readonly string[] };
};

export type LibraryScenario = {
  readonly ok: true;
  readonly id: string;
  readonly title: LocalizedText;
  readonly summary: LocalizedText;
  readonly level: string;
  readonly durationMinutes: number;
  readonly languages: readonly string[];
  readonly delegations: readonly { readonly id: string; readonly name: string }[];
};

export type IssuedCode = {
  readonly code: string;
  readonly link: string;
  readonly role: Role;
  readonly label: string;
  readonly status: string;
};

export type CreatedExercise = {
  readonly exercise: { readonly id: string; readonly label: string; readonly scenario: { readonly title: string } };
  readonly facilitatorToken: string;
  readonly codes: readonly IssuedCode[];
};

async function call<T>(path: string, init?: RequestInit): Promise<Result<T>> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    return { ok: false, message: null, status: 0 };
  }
  const body = (await res.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
  if (res.ok && body) return { ok: true, value: body };
  return { ok: false, message: body?.error?.message ?? null, status: res.status };
}

export const lookUpCode = (code: string) => call<JoinInfo>(`/api/join/${encodeURIComponent(code)}`);

export async function listScenarios(): Promise<Result<readonly LibraryScenario[]>> {
  const all = await call<readonly (LibraryScenario | { ok: false })[]>('/api/scenarios');
  return all.ok ? { ok: true, value: all.value.filter((s): s is LibraryScenario => s.ok) } : all;
}

export const createExercise = (scenarioId: string, label: string) =>
  call<CreatedExercise>('/api/exercises', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenarioId, ...(label.trim() ? { label: label.trim() } : {}) }),
  });
