/** The scenario library as a page: what a trainer sees at `/` until the web client lands. */
import { localize } from '@parley/shared/scenario/localize.ts';
import type { LocalizedText, Scenario } from '@parley/shared/scenario/schema.ts';
import type { LibraryEntry } from './library.ts';

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Just enough Markdown for summaries: paragraphs, **bold** and *emphasis*. */
const paragraphs = (s: string): string =>
  s
    .trim()
    .split(/\n\s*\n/)
    .map(
      (p) =>
        `<p>${escapeHtml(p)
          .replace(/\*\*(.+?)\*\*/gs, '<strong>$1</strong>')
          .replace(/\*(.+?)\*/gs, '<em>$1</em>')}</p>`,
    )
    .join('');

function card(s: Scenario): string {
  const t = (x: LocalizedText) => escapeHtml(localize(x, 'en', s.fallbackLanguage));
  const norms = [...new Set(s.objectives.flatMap((o) => o.norms))].sort();
  const cbms = [...new Set(s.objectives.flatMap((o) => o.cbms))].sort((a, b) => a - b);
  return `<article class="card">
  <header><h2>${t(s.title)}</h2><span class="level">${escapeHtml(s.level)}</span></header>
  <div class="summary">${paragraphs(localize(s.summary, 'en', s.fallbackLanguage))}</div>
  <dl>
    <div><dt>Duration</dt><dd>${s.durationMinutes} min</dd></div>
    <div><dt>Delegations</dt><dd>${s.delegations.map((d) => t(d.name)).join(', ')}</dd></div>
    <div><dt>Injects</dt><dd>${s.injects.length}</dd></div>
    <div><dt>Languages</dt><dd>${s.languages.join(', ')}</dd></div>
    <div><dt>UN norms</dt><dd>${norms.join(' ') || '–'}</dd></div>
    <div><dt>OSCE CBMs</dt><dd>${cbms.join(' ') || '–'}</dd></div>
  </dl>
  <h3>Objectives</h3>
  <ul>${s.objectives.map((o) => `<li>${t(o.title)}</li>`).join('')}</ul>
</article>`;
}

function broken(file: string, errors: string[]): string {
  return `<article class="card broken"><header><h2>${escapeHtml(file)}</h2><span class="level">invalid</span></header>
  <pre>${errors.slice(0, 10).map(escapeHtml).join('\n')}</pre></article>`;
}

export function renderLibraryPage(library: LibraryEntry[]): string {
  const cards = library.map((e) => (e.ok ? card(e.scenario) : broken(e.file, e.errors))).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parley · Scenario library</title>
<style>
  :root { color-scheme: light; --ink: #1b2430; --muted: #5b6775; --line: #d9dee5; --accent: #1f4e79; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
         background: #f4f6f8; }
  header.top { background: var(--accent); color: #fff; padding: 1.25rem 2rem; }
  header.top h1 { margin: 0; font-size: 1.4rem; letter-spacing: .02em; }
  header.top p { margin: .25rem 0 0; opacity: .85; }
  main { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1rem; display: grid; gap: 1rem;
         grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); }
  .card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1.25rem; }
  .card header { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; }
  .card h2 { margin: 0; font-size: 1.15rem; }
  .card h3 { font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 1rem 0 .25rem; }
  .level { font-size: .75rem; text-transform: uppercase; letter-spacing: .06em; color: var(--accent);
           border: 1px solid currentColor; border-radius: 999px; padding: 0 .5rem; white-space: nowrap; }
  .summary { color: var(--muted); }
  dl { display: grid; grid-template-columns: 1fr 1fr; gap: .25rem 1rem; margin: 0; }
  dt { font-size: .75rem; color: var(--muted); } dd { margin: 0; }
  ul { margin: 0; padding-left: 1.1rem; }
  .broken { border-color: #b42318; } .broken .level { color: #b42318; }
  pre { white-space: pre-wrap; font-size: .8rem; color: #b42318; }
</style></head>
<body><header class="top"><h1>Parley</h1><p>Scenario library · ${library.length} scenarios</p></header>
<main>${cards}</main></body></html>`;
}
