/**
 * The small pieces every API route uses: JSON replies and error bodies (`{ error: { code, message } }`), reading a
 * bounded JSON body, the bearer token, the client's address and the public base URL.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { z } from 'zod';
import { formatIssues } from '../exercises/inputs.ts';
import type { ServiceError, ServiceErrorCode } from '../exercises/result.ts';

export type ApiError = { readonly status: number; readonly code: string; readonly message: string };

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: ApiError, headers: Record<string, string> = {}): void {
  sendJson(res, error.status, { error: { code: error.code, message: error.message } }, headers);
}

const STATUS: Record<ServiceErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  'not-found': 404,
  'unknown-code': 404,
  'revoked-code': 404,
  conflict: 409,
};

export const fromService = (e: ServiceError): ApiError => ({
  status: STATUS[e.code],
  code: e.code,
  message: e.message,
});

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

/** The request body as JSON checked against `schema`: 413 when too big, 415 when not JSON, 400 when malformed. */
export async function readJson<S extends z.ZodType>(
  req: IncomingMessage,
  schema: S,
  maxBytes: number,
): Promise<Parsed<z.infer<S>>> {
  const tooBig: ApiError = {
    status: 413,
    code: 'too-large',
    message: `The request body is larger than ${Math.floor(maxBytes / 1024)} KiB.`,
  };
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) return { ok: false, error: tooBig };
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const text = await readText(req, maxBytes);
  if (text === null) return { ok: false, error: tooBig };
  if (text.trim() === '') {
    return { ok: false, error: { status: 400, code: 'invalid', message: 'The request needs a JSON body.' } };
  }
  if (type !== 'application/json') {
    return {
      ok: false,
      error: {
        status: 415,
        code: 'unsupported-media-type',
        message: 'Send the body as JSON (Content-Type: application/json).',
      },
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? `: ${error.message}` : '';
    return { ok: false, error: { status: 400, code: 'bad-json', message: `The body is not valid JSON${detail}.` } };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, error: { status: 400, code: 'invalid', message: formatIssues(parsed.error) } };
  }
  return { ok: true, value: parsed.data };
}

/** The body as UTF-8 text, or null once it passes `maxBytes` (the rest is discarded, the connection closed after). */
function readText(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off('data', onData);
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The token of `Authorization: Bearer <token>`, or null. The value is URI-decoded, so that a passphrase with spaces
 * or non-ASCII letters can travel in a header (send `encodeURIComponent(passphrase)`; generated tokens need nothing).
 */
export function bearer(req: IncomingMessage): string | null {
  const raw = /^Bearer\s+(.+?)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
  if (raw === undefined) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

const first = (value: string | string[] | undefined): string | undefined =>
  (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim() || undefined;

export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  return (trustProxy ? first(req.headers['x-forwarded-for']) : undefined) ?? req.socket.remoteAddress ?? 'unknown';
}

/** Where this server is reached, for join links: the configured public URL, else the request's own host. */
export function baseUrl(req: IncomingMessage, publicUrl: string | null, trustProxy: boolean): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  const encrypted = (req.socket as Partial<TLSSocket>).encrypted === true;
  const proto = (trustProxy ? first(req.headers['x-forwarded-proto']) : undefined) ?? (encrypted ? 'https' : 'http');
  const host = (trustProxy ? first(req.headers['x-forwarded-host']) : undefined) ?? req.headers.host ?? 'localhost';
  const safeHost = /^[A-Za-z0-9.\-:[\]]+$/.test(host) ? host : 'localhost';
  return `${proto === 'https' ? 'https' : 'http'}://${safeHost}`;
}
