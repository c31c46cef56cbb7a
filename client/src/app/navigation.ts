/** The current route as React state: follows history (back/forward) and `navigate`. */
import { useSyncExternalStore } from 'react';
import { parseRoute, pathOf, type Route } from './routes.ts';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const currentPath = () => location.pathname;

export function navigate(route: Route, replace = false): void {
  const path = pathOf(route);
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.scrollTo(0, 0);
  for (const l of listeners) l();
}

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, currentPath));
}
