/**
 * The built web client from `clientDir`: files by path with their content type, `index.html` for any other page
 * path (the client routes itself: `/join/ABCD-EFGH`, `/facilitate/…`). Paths are decoded, normalised and must stay
 * inside the directory (no `..`, no NUL, no dotfiles, no symlink out). Hashed build assets are cached for a year;
 * everything else revalidates (ETag).
 */
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Vite-style hashed names: `index-B3x9_kQa.js`, `logo.4f3a9c2e.svg`. */
const HASHED = /[.-][A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/** Whether a built client is there to serve. */
export const hasClient = (clientDir: string): boolean => existsSync(join(clientDir, 'index.html'));

type Found = { readonly path: string; readonly size: number; readonly mtimeMs: number };

function fileInside(root: string, relative: string): Found | null {
  const path = join(root, relative);
  if (path !== root && !path.startsWith(root + sep)) return null;
  try {
    const real = realpathSync(path);
    if (!real.startsWith(realpathSync(root) + sep)) return null;
    const stat = statSync(real);
    return stat.isFile() ? { path: real, size: stat.size, mtimeMs: stat.mtimeMs } : null;
  } catch {
    return null;
  }
}

/** Answers a GET/HEAD for a page or asset of the client. */
export function serveClient(req: IncomingMessage, res: ServerResponse, clientDir: string, pathname: string): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    plain(res, 400, 'Bad request: the path is not valid URL encoding.');
    return;
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const parts = relative.split(/[/\\]/);
  const hidden = decoded.includes('\0') || parts.some((p) => p.startsWith('.'));
  const root = normalize(clientDir).replace(/[/\\]+$/, '');
  const file = hidden || relative === '' ? null : fileInside(root, relative);
  // A path with an extension names a file; any other path is a page of the client.
  const index = hidden || file || extname(relative) !== '' ? null : fileInside(root, 'index.html');
  if (file) send(req, res, file, HASHED.test(file.path) && parts.includes('assets'));
  else if (index) send(req, res, index, false);
  else plain(res, 404, 'Not found');
}

function send(req: IncomingMessage, res: ServerResponse, file: Found, immutable: boolean): void {
  const etag = `W/"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
  const headers = {
    'content-type': TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag,
    'last-modified': new Date(file.mtimeMs).toUTCString(),
    'x-content-type-options': 'nosniff',
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': file.size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file.path);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

export function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}
