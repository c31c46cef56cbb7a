/**
 * Time series of the world variables for the review: a point at the start and at every change of each value the
 * viewer may see (world values, the overall value of per-pair variables, and each pair's value).
 */
import type { CompiledScenario } from '../engine/compile.ts';
import type { ExerciseState } from '../engine/state.ts';
import { variablesFor } from '../engine/view.ts';
import { text } from '../wording/names.ts';
import type { ReviewLens } from './timeline.ts';
import type { SeriesPoint, VariableSeries } from './types.ts';

type Track = {
  overall: SeriesPoint[];
  pairs: Map<string, { between: readonly [string, string]; points: SeriesPoint[] }>;
};

/** Collects points as states go by; `sample` is cheap when the variables did not change. */
export class SeriesRecorder {
  private readonly tracks = new Map<string, Track>();
  private last: ExerciseState['vars'] | null = null;
  private readonly c: CompiledScenario;
  private readonly lens: ReviewLens;

  constructor(c: CompiledScenario, lens: ReviewLens) {
    this.c = c;
    this.lens = lens;
    for (const v of c.variables.values()) this.tracks.set(v.id, { overall: [], pairs: new Map() });
  }

  sample(state: ExerciseState): void {
    if (state.vars === this.last) return;
    this.last = state.vars;
    const point = (value: number): SeriesPoint => ({ seq: state.seq, at: state.now, value });
    const push = (points: SeriesPoint[], value: number) => {
      if (points.at(-1)?.value !== value) points.push(point(value));
    };
    for (const v of variablesFor(this.c, state, this.lens)) {
      const track = this.tracks.get(v.id);
      if (!track) continue;
      if (v.value !== null) push(track.overall, v.value);
      for (const p of v.pairs) {
        const key = p.between.join('|');
        let pair = track.pairs.get(key);
        if (!pair) {
          pair = { between: p.between, points: [] };
          track.pairs.set(key, pair);
        }
        push(pair.points, p.value);
      }
    }
  }

  result(): VariableSeries[] {
    const out: VariableSeries[] = [];
    for (const v of this.c.variables.values()) {
      const track = this.tracks.get(v.id);
      if (!track || (track.overall.length === 0 && track.pairs.size === 0)) continue;
      out.push({
        id: v.id,
        label: text(this.c, v.label) || v.id,
        scope: v.scope,
        min: v.min,
        max: v.max,
        overall: track.overall,
        pairs: [...track.pairs.values()],
      });
    }
    return out;
  }
}
