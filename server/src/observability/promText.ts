/**
 * Prometheus text exposition format (version 0.0.4), just what Parley needs: counters and gauges with labels, and
 * histograms. No dependency. `metrics.ts` keeps the numbers; this module only writes them out.
 *
 * Label values are escaped (backslash, double quote, line feed); HELP text too (backslash, line feed).
 */

export type Labels = Readonly<Record<string, string>>;

export type Sample = { readonly labels: Labels; readonly value: number };

export type Family =
  | {
      readonly name: string;
      readonly help: string;
      readonly type: 'counter' | 'gauge';
      readonly samples: readonly Sample[];
    }
  | {
      readonly name: string;
      readonly help: string;
      readonly type: 'histogram';
      /** Upper bounds, ascending, without +Inf. */
      readonly buckets: readonly number[];
      /** Per-bucket (not cumulative) counts, one more than `buckets` (the last one is above every bound). */
      readonly counts: readonly number[];
      readonly sum: number;
    };

/** The content type to serve the text with. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export const escapeLabelValue = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

const escapeHelp = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');

export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return '+Inf';
  if (v === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(v);
}

function formatLabels(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabelValue(v)}"`);
  return parts.length === 0 ? '' : `{${parts.join(',')}}`;
}

function renderFamily(f: Family): string[] {
  const lines = [`# HELP ${f.name} ${escapeHelp(f.help)}`, `# TYPE ${f.name} ${f.type}`];
  if (f.type !== 'histogram') {
    for (const s of f.samples) lines.push(`${f.name}${formatLabels(s.labels)} ${formatValue(s.value)}`);
    return lines;
  }
  let cumulative = 0;
  f.buckets.forEach((le, i) => {
    cumulative += f.counts[i] ?? 0;
    lines.push(`${f.name}_bucket{le="${formatValue(le)}"} ${cumulative}`);
  });
  cumulative += f.counts[f.buckets.length] ?? 0;
  lines.push(`${f.name}_bucket{le="+Inf"} ${cumulative}`);
  lines.push(`${f.name}_sum ${formatValue(f.sum)}`);
  lines.push(`${f.name}_count ${cumulative}`);
  return lines;
}

export function renderFamilies(families: readonly Family[]): string {
  return `${families.flatMap(renderFamily).join('\n')}\n`;
}
