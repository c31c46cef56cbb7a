/**
 * The studio's HTTP client (`/api/studio/…`, see server/src/http/studioRoutes.ts). The trainer's passphrase is kept
 * in sessionStorage for this tab and sent as `Authorization: Bearer <url-encoded passphrase>`. Every failure is a
 * value (status, code, the server's message); a 401 on any call signs the tab out, so the sign-in screen comes back.
 */
import type { LocalizedText } from '@parley/shared/scenario/schema.ts';
import type { DiffHunk, DiffLine } from '@parley/shared/studio/diff.ts';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { CreatedExercise } from '../../net/api.ts';

const PASSPHRASE_KEY = 'parley.studio.passphrase';
const AUTHOR_KEY = 'parley.studio.author';

function readStorage(storage: () => Storage, key: string): string {
  try {
    return storage().getItem(key) ?? '';
  } catch {
    return '';
  }
}

function writeStorage(storage: () => Storage, key: string, value: string): void {
  try {
    if (value) storage().setItem(key, value);
    else storage().removeItem(key);
  } catch {
    // Storage disabled: it lasts for this page only.
  }
}

type Auth = {
  /** The passphrase this tab signed in with ('' when signed out). */
  readonly passphrase: string;
  /** The trainer's name, shown in the history (kept on this device). */
  readonly author: string;
};

export const studioAuth = createStore<Auth>()(() => ({
  passphrase: readStorage(() => sessionStorage, PASSPHRASE_KEY),
  author: readStorage(() => localStorage, AUTHOR_KEY),
}));

export function useStudioAuth<T>(select: (auth: Auth) => T): T {
  return useStore(studioAuth, select);
}

export function signIn(passphrase: string, author: string): void {
  writeStorage(() => sessionStorage, PASSPHRASE_KEY, passphrase);
  writeStorage(() => localStorage, AUTHOR_KEY, author.trim());
  studioAuth.setState({ passphrase, author: author.trim() });
}

export function signOut(): void {
  writeStorage(() => sessionStorage, PASSPHRASE_KEY, '');
  studioAuth.setState({ passphrase: '' });
}

// ─── What the server answers ──────────────────────────────────────────────────────────────────────────────────────

export type StudioFailure = {
  readonly ok: false;
  /** HTTP status, 0 when the server could not be reached. */
  readonly status: number;
  /** The server's error code (`studio-disabled`, `unauthorized`, `too-many-attempts`, `version-conflict`…). */
  readonly code: string | null;
  readonly message: string | null;
  /** With `version-conflict`: the newest version. */
  readonly latestVersion?: number;
  /** With `too-many-attempts`: seconds to wait. */
  readonly retryAfter?: number;
};
export type StudioResult<T> = { readonly ok: true; readonly value: T } | StudioFailure;

export type StudioStatus = { readonly enabled: boolean; readonly authorized: boolean; readonly message?: string };

export type StudioDocument = {
  readonly id: string;
  readonly origin: unknown;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly latestVersion: number;
  readonly deletedAt: string | null;
};

export type VersionInfo = {
  readonly version: number;
  readonly author: string;
  readonly createdAt: string;
  readonly size: number;
  readonly valid: boolean;
  readonly scenario: {
    readonly id: string | null;
    readonly title: Readonly<Record<string, string>>;
    readonly summary: Readonly<Record<string, string>>;
    readonly level: string | null;
    readonly languages: readonly string[];
    readonly authors: readonly string[];
    readonly durationMinutes: number | null;
  };
  readonly counts: { readonly errors: number; readonly warnings: number; readonly findings: number };
};

export type Listing = StudioDocument & { readonly latest: VersionInfo };

export type CheckedVersion = {
  readonly document: StudioDocument;
  readonly version: VersionInfo & { readonly source: string };
  readonly check: { readonly valid: boolean };
};

export type Sources = {
  readonly templates: readonly { readonly id: string; readonly title: string; readonly description: string }[];
  readonly library: readonly {
    readonly scenarioId: string;
    readonly file: string;
    readonly title: LocalizedText;
    readonly summary: LocalizedText;
    readonly level: string;
    readonly languages: readonly string[];
    readonly durationMinutes: number;
  }[];
};

export type { DiffHunk, DiffLine };

export type VersionDiff = {
  readonly from: VersionInfo;
  readonly to: VersionInfo;
  readonly added: number;
  readonly removed: number;
  readonly hunks: readonly DiffHunk[];
  readonly unified: string;
};

export type StartedExercise = CreatedExercise & { readonly from: { documentId: string; version: number } };

// ─── Calls ────────────────────────────────────────────────────────────────────────────────────────────────────────

type Body = { readonly json: unknown } | undefined;

async function request(
  method: string,
  path: string,
  body?: Body,
  passphrase = studioAuth.getState().passphrase,
): Promise<Response | StudioFailure> {
  const headers: Record<string, string> = {};
  if (passphrase) headers.authorization = `Bearer ${encodeURIComponent(passphrase)}`;
  let payload: string | undefined;
  if (body) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body.json);
  }
  try {
    return await fetch(path, { method, headers, ...(payload === undefined ? {} : { body: payload }) });
  } catch {
    return { ok: false, status: 0, code: null, message: null };
  }
}

async function failure(res: Response): Promise<StudioFailure> {
  const body = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string; latestVersion?: number };
  } | null;
  const error = body?.error;
  const retry = Number(res.headers.get('retry-after'));
  if (res.status === 401) signOut();
  return {
    ok: false,
    status: res.status,
    code: error?.code ?? null,
    message: error?.message ?? null,
    ...(typeof error?.latestVersion === 'number' ? { latestVersion: error.latestVersion } : {}),
    ...(Number.isFinite(retry) && retry > 0 ? { retryAfter: retry } : {}),
  };
}

async function call<T>(method: string, path: string, body?: Body): Promise<StudioResult<T>> {
  const res = await request(method, path, body);
  if (!(res instanceof Response)) return res;
  if (!res.ok) return failure(res);
  const value = (await res.json().catch(() => null)) as T | null;
  return value === null ? { ok: false, status: res.status, code: null, message: null } : { ok: true, value };
}

const doc = (id: string) => `/api/studio/documents/${encodeURIComponent(id)}`;
const author = () => studioAuth.getState().author;

/** Whether the studio is on, and whether `passphrase` opens it (a wrong one answers 401 without signing out). */
export async function checkPassphrase(passphrase: string): Promise<StudioResult<StudioStatus>> {
  const res = await request('GET', '/api/studio', undefined, passphrase);
  if (!(res instanceof Response)) return res;
  if (res.ok) return { ok: true, value: (await res.json()) as StudioStatus };
  return failure(res);
}

export const studioApi = {
  sources: () => call<Sources>('GET', '/api/studio/templates'),
  list: (q: string, deleted: 'exclude' | 'only') => {
    const params = new URLSearchParams();
    if (q.trim()) params.set('q', q.trim());
    if (deleted === 'only') params.set('deleted', 'only');
    const query = params.toString();
    return call<{ documents: Listing[] }>('GET', `/api/studio/documents${query ? `?${query}` : ''}`);
  },
  fromTemplate: (template: string, title: string) =>
    call<CheckedVersion>('POST', '/api/studio/documents', {
      json: { from: 'template', template, title, author: author() },
    }),
  fromLibrary: (scenarioId: string) =>
    call<CheckedVersion>('POST', '/api/studio/documents', { json: { from: 'library', scenarioId, author: author() } }),
  duplicate: (documentId: string) =>
    call<CheckedVersion>('POST', '/api/studio/documents', { json: { from: 'document', documentId, author: author() } }),
  importYaml: (source: string, fileName: string) =>
    call<CheckedVersion>('POST', '/api/studio/documents', {
      json: { from: 'yaml', source, fileName: fileName.slice(0, 200), author: author() },
    }),
  get: (id: string, version?: number) =>
    call<CheckedVersion>('GET', version === undefined ? doc(id) : `${doc(id)}/versions/${version}`),
  history: (id: string) => call<{ document: StudioDocument; versions: VersionInfo[] }>('GET', `${doc(id)}/versions`),
  save: (id: string, source: string, baseVersion: number) =>
    call<CheckedVersion & { unchanged: boolean }>('POST', `${doc(id)}/versions`, {
      json: { source, baseVersion, author: author() },
    }),
  diff: (id: string, from: number, to: number) => call<VersionDiff>('GET', `${doc(id)}/diff?from=${from}&to=${to}`),
  remove: (id: string) => call<{ document: StudioDocument }>('DELETE', doc(id)),
  restore: (id: string) => call<{ document: StudioDocument }>('POST', `${doc(id)}/restore`),
  start: (id: string, version: number, label: string) =>
    call<StartedExercise>('POST', `${doc(id)}/versions/${version}/exercises`, {
      json: label.trim() ? { label: label.trim() } : {},
    }),
};

/** A scenario text in the reader's language, else English, else any. */
export function pickText(text: Readonly<Record<string, string>> | LocalizedText | null | undefined, lang: string) {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  const record = text as Readonly<Record<string, string>>;
  return record[lang] ?? record.en ?? Object.values(record)[0] ?? '';
}

/** Offers `text` as a file download. */
export function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
