/**
 * The web client's download size for `./parley bench`: the client is built into a temporary directory with Vite's
 * manifest, and the JavaScript each path needs before it can draw is added up, gzip-compressed (level 9, as a server
 * or CDN would send it): the join path (home page and join links: the entry and its static imports), and each console
 * on top of it (the lazy chunk and its static imports not already loaded). Review, studio and set-up pages load only
 * when opened, so they are not counted in the join path.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

type ManifestChunk = {
  readonly file: string;
  readonly src?: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
};
type Manifest = Readonly<Record<string, ManifestChunk>>;

export type PathSize = {
  readonly path: string;
  readonly files: number;
  readonly rawKb: number;
  readonly gzipKb: number;
};

const CLIENT = join(import.meta.dirname, '..', '..', '..', 'client');

const CONSOLE = 'src/features/shell/ConsolePage.tsx';
const CONSOLE_TEXTS = 'src/i18n/consoleTexts.ts';

/**
 * The paths measured: the manifest keys of the chunks that open each one (none: the entry; a lazy page loads its code
 * and its texts side by side), and what is already loaded when it opens (besides the entry).
 */
const PATHS: readonly { path: string; src: readonly string[]; after: readonly string[] }[] = [
  { path: 'join (home, join link)', src: [], after: [] },
  { path: '+ console shell and delegation console', src: [CONSOLE, CONSOLE_TEXTS], after: [] },
  {
    path: '+ facilitator console',
    src: ['src/features/facilitator/FacilitatorHome.tsx', 'src/i18n/controlTexts.ts'],
    after: [CONSOLE, CONSOLE_TEXTS],
  },
  { path: '+ after-action review', src: ['src/features/review/ReviewPage.tsx', 'src/i18n/reviewTexts.ts'], after: [] },
  {
    path: '+ studio (sign-in, library)',
    src: ['src/features/studio/StudioPage.tsx', 'src/i18n/studioTexts.ts'],
    after: [],
  },
  {
    path: '+ studio document (editors, diagram, dry run)',
    src: ['src/features/studio/library/DocumentPage.tsx'],
    after: ['src/features/studio/StudioPage.tsx', 'src/i18n/studioTexts.ts'],
  },
];

/** A chunk and every chunk it imports statically (what the browser must fetch before running it). */
function closure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  into.add(key);
  for (const k of manifest[key]?.imports ?? []) closure(manifest, k, into);
  return into;
}

function size(dir: string, manifest: Manifest, keys: Iterable<string>): { files: number; raw: number; gzip: number } {
  let files = 0;
  let raw = 0;
  let gzip = 0;
  for (const key of keys) {
    const chunk = manifest[key];
    if (!chunk?.file.endsWith('.js')) continue;
    const bytes = readFileSync(join(dir, chunk.file));
    files++;
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, raw, gzip };
}

const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));

/** Build the client into a temporary directory and measure each path. */
export function bundleFigures(): PathSize[] {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bundle-'));
  try {
    const build = spawnSync('pnpm', ['exec', 'vite', 'build', '--logLevel', 'error', '--outDir', dir, '--manifest'], {
      cwd: CLIENT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (build.status !== 0) throw new Error('bench: the client build failed');
    const manifest = JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
    const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
    if (!entry) throw new Error('bench: the client build has no entry chunk');
    const loaded = closure(manifest, entry);
    const out: PathSize[] = [];
    for (const { path, src, after } of PATHS) {
      if (src.length === 0) {
        const s = size(dir, manifest, loaded);
        out.push({ path, files: s.files, rawKb: kb(s.raw), gzipKb: kb(s.gzip) });
        continue;
      }
      if (src.some((k) => !manifest[k])) continue;
      const before = new Set(loaded);
      for (const k of after) closure(manifest, k, before);
      const needed = new Set<string>();
      for (const k of src) closure(manifest, k, needed);
      const extra = [...needed].filter((k) => !before.has(k));
      const s = size(dir, manifest, extra);
      out.push({ path, files: s.files, rawKb: kb(s.raw), gzipKb: kb(s.gzip) });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
