/**
 * The HTTP side of Parley on node:http: the JSON API (`/api/…`), `/healthz`, `/metrics`, and the built client (or,
 * without one, the scenario library page at `/`). Colyseus's matchmaking and socket.io paths go to `fallback`.
 *
 *   const handle = createHttpHandler(deps);
 *   server.on('request', handle);
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GuessLimiter } from '../exercises/guessLimiter.ts';
import { renderLibraryPage } from '../libraryPage.ts';
import type { Resolved, RouteHandler } from './context.ts';
import { addExerciseRoutes } from './exerciseRoutes.ts';
import { addPublicRoutes } from './publicRoutes.ts';
import { baseUrl, clientAddress, sendError } from './respond.ts';
import { addReviewRoutes } from './reviewRoutes.ts';
import { Router } from './router.ts';
import { hasClient, plain, serveClient } from './staticFiles.ts';
import { addStudioRoutes } from './studioRoutes.ts';
import type { HttpDeps } from './types.ts';

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** Paths served by others on the same port (Colyseus matchmaking, socket.io, Colyseus's own health check). */
const ELSEWHERE = /^\/(matchmake|socket\.io|__healthcheck)(\/|$)/;

const isApi = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/');

export function createHttpHandler(deps: HttpDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const resolved: Resolved = {
    ...deps,
    guesses: deps.guesses ?? new GuessLimiter(),
    maxBodyBytes: deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    trustProxy: deps.trustProxy ?? false,
  };
  const router = addStudioRoutes(addReviewRoutes(addPublicRoutes(addExerciseRoutes(new Router<RouteHandler>()))));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      return plain(res, 400, 'Bad request');
    }
    if (ELSEWHERE.test(pathname)) {
      if (deps.fallback) return deps.fallback(req, res);
      return plain(res, 404, 'Not found');
    }
    const match = router.match(method, pathname);
    if (match.kind === 'found') {
      await match.handler({
        req,
        res,
        params: match.params,
        deps: resolved,
        ip: clientAddress(req, resolved.trustProxy),
        base: baseUrl(req, deps.publicUrl ?? null, resolved.trustProxy),
      });
      return;
    }
    if (match.kind === 'method') {
      const message = `${method} is not allowed on ${pathname}; use ${match.allowed.join(' or ')}.`;
      return sendError(res, { status: 405, code: 'method-not-allowed', message }, { allow: match.allowed.join(', ') });
    }
    if (match.kind === 'malformed') {
      return sendError(res, { status: 400, code: 'invalid', message: 'The path is not valid URL encoding.' });
    }
    if (isApi(pathname)) {
      return sendError(res, {
        status: 404,
        code: 'not-found',
        message: `There is no API route ${method} ${pathname}.`,
      });
    }
    if (method !== 'GET' && method !== 'HEAD') {
      return plain(res, 405, `${method} is not allowed here.`);
    }
    if (hasClient(deps.config.clientDir)) return serveClient(req, res, deps.config.clientDir, pathname);
    if (pathname === '/') {
      const html = renderLibraryPage(deps.service.library.list());
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
      res.end(html);
      return;
    }
    plain(res, 404, 'Not found');
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      deps.onError?.(error, req);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const message = 'Something went wrong on the server; it has been logged. Try again, or tell the organisers.';
      sendError(res, { status: 500, code: 'internal', message });
    });
  };
}
