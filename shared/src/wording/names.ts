/** Display helpers for reports (the CLI, bots, reviews): texts in the scenario's fallback language, party names, game clock times. */
import type { CompiledScenario } from '../engine/compile.ts';
import type { LocalizedText } from '../scenario/schema.ts';

export function text(c: CompiledScenario, value: LocalizedText | null | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return value[c.lang] ?? Object.values(value)[0] ?? '';
}

export function partyName(c: CompiledScenario, id: string | null): string {
  if (id === null) return 'control';
  const party = c.parties.get(id);
  return party ? text(c, party.name) : id;
}

export const partyNames = (c: CompiledScenario, ids: readonly string[]) => ids.map((id) => partyName(c, id)).join(', ');

/** Game time as mm:ss, or h:mm:ss from the first hour. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** A value for display: integers as they are, others with one decimal. */
export const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

/** The opening sentence of a (Markdown) text's first paragraph, without emphasis markers. */
export function firstLine(value: string): string {
  const paragraph = value.trim().split(/\n\s*\n/)[0] ?? '';
  const flat = paragraph
    .replace(/[*_`>#]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const end = flat.search(/[.!?](\s|$)/);
  return end === -1 ? flat : flat.slice(0, end + 1);
}

/** A short quotation of free text (messages, notes). */
export function quote(value: string, max = 70): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
}

export function tags(norms: readonly string[], cbms: readonly number[]): string {
  const list = [...cbms.map((n) => `CBM ${n}`), ...norms.map((n) => `norm ${n}`)];
  return list.length === 0 ? '' : ` [${list.join(', ')}]`;
}
