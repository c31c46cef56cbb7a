/**
 * The observer join link the projector shows as a QR code, so people in the room can follow on their phones. With
 * an observer code it is that code's link; with the facilitator token the exercise's first active observer code is
 * fetched (`GET /api/exercises/:id`). An evaluator's code is never put on the wall: no link then.
 */
import type { Role } from '@parley/shared/protocol/roles.ts';
import type { ProjectorAccess } from './projectorAccess.ts';

type Code = { readonly code: string; readonly link: string; readonly role: Role; readonly status: string };

async function json<T>(path: string, init?: RequestInit): Promise<T | null> {
  try {
    const res = await fetch(path, init);
    return res.ok ? ((await res.json()) as T) : null;
  } catch {
    return null;
  }
}

export type JoinLink = { readonly code: string; readonly link: string };

export async function observerJoinLink(
  exerciseId: string,
  access: ProjectorAccess,
  origin: string,
): Promise<JoinLink | null> {
  if (access.kind === 'code') {
    const info = await json<{ role: Role }>(`/api/join/${encodeURIComponent(access.token)}`);
    return info?.role.kind === 'observer' ? { code: access.token, link: `${origin}/join/${access.token}` } : null;
  }
  const exercise = await json<{ codes: readonly Code[] }>(`/api/exercises/${encodeURIComponent(exerciseId)}`, {
    headers: { authorization: `Bearer ${access.token}` },
  });
  const observer = exercise?.codes.find((c) => c.role.kind === 'observer' && c.status === 'active');
  return observer ? { code: observer.code, link: observer.link } : null;
}
