/**
 * `./parley start`: one process on one port. For now it serves the scenario library (HTML and JSON) and a health
 * check; the exercise server (Colyseus rooms, live feed, client) grows here in the next issues.
 */
import { createServer } from 'node:http';
import { join } from 'node:path';
import { loadLibrary } from './library.ts';
import { renderLibraryPage } from './libraryPage.ts';

const port = Number(process.env.PORT ?? 2567);
const host = process.env.HOST ?? '0.0.0.0';
const scenariosDir = process.env.PARLEY_SCENARIOS_DIR ?? join(import.meta.dirname, '..', '..', 'scenarios');

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/healthz') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    return;
  }
  const library = loadLibrary(scenariosDir);
  if (url.pathname === '/api/scenarios') {
    const body = library.map((e) =>
      e.ok ? { file: e.file, ok: true, id: e.scenario.id, title: e.scenario.title, summary: e.scenario.summary } : e,
    );
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    return;
  }
  if (url.pathname === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(renderLibraryPage(library));
    return;
  }
  res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
});

server.listen(port, host, () => {
  process.stdout.write(`Parley is listening on http://localhost:${port} (scenarios from ${scenariosDir})\n`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
  });
}
