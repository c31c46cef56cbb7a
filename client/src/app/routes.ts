/** The client's few routes, without a router dependency: a path becomes a route value and back. */

export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'join'; readonly code: string }
  | { readonly name: 'run' }
  | { readonly name: 'console'; readonly exerciseId: string }
  | { readonly name: 'review'; readonly exerciseId: string }
  | { readonly name: 'projector'; readonly exerciseId: string }
  | { readonly name: 'studio'; readonly documentId: string | null };

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'join') return { name: 'join', code: parts[1] ?? '' };
  if (parts[0] === 'run' && parts.length === 1) return { name: 'run' };
  if (parts[0] === 'x' && parts[1] && parts[2] === 'review') return { name: 'review', exerciseId: parts[1] };
  if (parts[0] === 'x' && parts[1] && parts[2] === 'projector') return { name: 'projector', exerciseId: parts[1] };
  if (parts[0] === 'x' && parts[1]) return { name: 'console', exerciseId: parts[1] };
  if (parts[0] === 'studio') return { name: 'studio', documentId: parts[1] ?? null };
  return { name: 'home' };
}

export function pathOf(route: Route): string {
  switch (route.name) {
    case 'home':
      return '/';
    case 'join':
      return route.code ? `/join/${encodeURIComponent(route.code)}` : '/join';
    case 'run':
      return '/run';
    case 'console':
      return `/x/${encodeURIComponent(route.exerciseId)}`;
    case 'review':
      return `/x/${encodeURIComponent(route.exerciseId)}/review`;
    case 'projector':
      return `/x/${encodeURIComponent(route.exerciseId)}/projector`;
    case 'studio':
      return route.documentId ? `/studio/${encodeURIComponent(route.documentId)}` : '/studio';
  }
}
