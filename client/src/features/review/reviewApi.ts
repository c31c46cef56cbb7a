/**
 * The review's HTTP calls, with this tab's seat as the credential: the facilitator's token (`Bearer`) or an
 * evaluator's join code (`Code`). Exports are fetched as blobs and saved, since a plain link cannot send a header.
 */
import type { Review } from '@parley/shared/review/types.ts';
import type { LocalizedText } from '@parley/shared/scenario/schema.ts';
import { type JoinInfo, listScenarios } from '../../net/api.ts';
import { loadSeat } from '../../net/seats.ts';
import type { ReviewLog } from './exact.ts';

export type ReviewAuth =
  | { readonly kind: 'facilitator'; readonly token: string }
  | { readonly kind: 'evaluator'; readonly code: string };

/** This tab's credential for the exercise, or null when it holds no seat. */
export function authOf(exerciseId: string): ReviewAuth | null {
  const seat = loadSeat(exerciseId);
  if (!seat) return null;
  const c = seat.credentials;
  return 'facilitatorToken' in c
    ? { kind: 'facilitator', token: c.facilitatorToken }
    : { kind: 'evaluator', code: c.code };
}

const header = (auth: ReviewAuth) => ({
  authorization: auth.kind === 'facilitator' ? `Bearer ${auth.token}` : `Code ${auth.code}`,
});

export type Problem = { readonly status: number; readonly message: string | null };
type Answer<T> = { readonly ok: true; readonly value: T } | ({ readonly ok: false } & Problem);

async function getJson<T>(path: string, init?: RequestInit): Promise<Answer<T>> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    return { ok: false, status: 0, message: null };
  }
  const body = (await res.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
  if (res.ok && body) return { ok: true, value: body };
  return { ok: false, status: res.status, message: body?.error?.message ?? null };
}

/** What the header of the report says about the exercise, beyond the review itself. */
export type ReviewMeta = {
  readonly label: string | null;
  readonly createdAt: number | null;
  readonly endedAt: number | null;
  readonly scenarioTitle: LocalizedText | null;
  readonly delegations: ReadonlyMap<string, string>;
};

export type Loaded = { readonly review: Review; readonly status: string; readonly meta: ReviewMeta };

type ExerciseAnswer = {
  readonly exercise: { readonly label: string; readonly createdAt: number; readonly endedAt: number | null };
};

export async function loadReview(exerciseId: string, auth: ReviewAuth): Promise<Answer<Loaded>> {
  const id = encodeURIComponent(exerciseId);
  const [answer, about, library] = await Promise.all([
    getJson<{ status: string; review: Review }>(`/api/exercises/${id}/review`, { headers: header(auth) }),
    auth.kind === 'facilitator'
      ? getJson<ExerciseAnswer>(`/api/exercises/${id}`, { headers: header(auth) })
      : getJson<JoinInfo>(`/api/join/${encodeURIComponent(auth.code)}`),
    listScenarios(),
  ]);
  if (!answer.ok) return answer;
  const { review, status } = answer.value;
  const scenario = library.ok ? library.value.find((s) => s.id === review.summary.scenario) : undefined;
  let label: string | null = null;
  let createdAt: number | null = null;
  let endedAt: number | null = null;
  if (about.ok) {
    const value = about.value;
    if ('role' in value) label = value.exercise.label;
    else ({ label, createdAt, endedAt } = value.exercise);
  }
  return {
    ok: true,
    value: {
      review,
      status,
      meta: {
        label,
        createdAt,
        endedAt,
        scenarioTitle: scenario?.title ?? null,
        delegations: new Map(scenario?.delegations.map((d) => [d.id, d.name]) ?? []),
      },
    },
  };
}

/**
 * The event log with the scenario text and options it replays against (facilitator only: an evaluator is refused,
 * and its replay stays the approximate one).
 */
export function loadLog(exerciseId: string, auth: ReviewAuth): Promise<Answer<ReviewLog>> {
  return getJson<ReviewLog>(`/api/exercises/${encodeURIComponent(exerciseId)}/log`, { headers: header(auth) });
}

export type ExportFile = 'json' | 'timeline' | 'compliance' | 'observations';

const exportPath = (exerciseId: string, file: ExportFile) =>
  file === 'json'
    ? `/api/exercises/${encodeURIComponent(exerciseId)}/export.json`
    : `/api/exercises/${encodeURIComponent(exerciseId)}/export/${file}.csv`;

/** The file name the server suggests (Content-Disposition), else a sensible one. */
function fileName(res: Response, exerciseId: string, file: ExportFile): string {
  const suggested = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  return suggested ?? (file === 'json' ? `parley-${exerciseId}.json` : `parley-${exerciseId}-${file}.csv`);
}

/** Fetches an export with the credential and hands it to the browser as a download. */
export async function downloadExport(exerciseId: string, auth: ReviewAuth, file: ExportFile): Promise<Problem | null> {
  let res: Response;
  try {
    res = await fetch(exportPath(exerciseId, file), { headers: header(auth) });
  } catch {
    return { status: 0, message: null };
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    return { status: res.status, message: body?.error?.message ?? null };
  }
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName(res, exerciseId, file);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return null;
}
