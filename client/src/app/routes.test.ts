import { describe, expect, it } from 'vitest';
import { parseRoute, pathOf, type Route } from './routes.ts';

describe('routes', () => {
  it('reads join links, the console and the set-up page', () => {
    expect(parseRoute('/join/ABCD-EFGH')).toEqual({ name: 'join', code: 'ABCD-EFGH' });
    expect(parseRoute('/join')).toEqual({ name: 'join', code: '' });
    expect(parseRoute('/x/k3v9q2m7pa/')).toEqual({ name: 'console', exerciseId: 'k3v9q2m7pa' });
    expect(parseRoute('/run')).toEqual({ name: 'run' });
    expect(parseRoute('/x/k3v9q2m7pa/review')).toEqual({ name: 'review', exerciseId: 'k3v9q2m7pa' });
    expect(parseRoute('/x/k3v9q2m7pa/projector')).toEqual({ name: 'projector', exerciseId: 'k3v9q2m7pa' });
  });

  it('sends anything else home', () => {
    expect(parseRoute('/nowhere/at/all')).toEqual({ name: 'home' });
    expect(parseRoute('/x')).toEqual({ name: 'home' });
  });

  it('writes a path that reads back as the same route', () => {
    const routes: Route[] = [
      { name: 'home' },
      { name: 'join', code: 'ABCD-EFGH' },
      { name: 'run' },
      { name: 'console', exerciseId: 'abc' },
      { name: 'review', exerciseId: 'abc' },
      { name: 'projector', exerciseId: 'abc' },
      { name: 'studio', documentId: null },
      { name: 'studio', documentId: 'doc-1' },
    ];
    for (const r of routes) expect(parseRoute(pathOf(r))).toEqual(r);
  });
});
