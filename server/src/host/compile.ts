/** The compiled scenario of a stored exercise: parsed from the source it was created with, never from the library. */
import { type CompiledScenario, compileScenario, formatDiagnostic, parseScenario } from '@parley/shared';
import type { ExerciseRecord } from '../store/types.ts';

/** A scenario that no longer parses is a bug or a damaged store, not a user error: it throws. */
export function compileExercise(exercise: ExerciseRecord): CompiledScenario {
  const parsed = parseScenario(exercise.scenarioSource, `${exercise.scenarioId}.yaml`);
  if (!parsed.ok) {
    const first = parsed.errors.slice(0, 3).map(formatDiagnostic).join('; ');
    throw new Error(`Exercise ${exercise.id}: its stored scenario does not parse (${first})`);
  }
  return compileScenario(parsed.scenario);
}

/**
 * Compiles each distinct scenario source once (several exercises often share one scenario); keeps the last
 * `capacity` sources, so a long-running server does not keep every scenario it ever hosted.
 */
export class CompiledScenarios {
  private readonly compiled = new Map<string, CompiledScenario>();
  private readonly capacity: number;

  constructor(capacity = 32) {
    this.capacity = capacity;
  }

  of(exercise: ExerciseRecord): CompiledScenario {
    const key = exercise.scenarioSource;
    const hit = this.compiled.get(key) ?? compileExercise(exercise);
    this.compiled.delete(key);
    this.compiled.set(key, hit);
    if (this.compiled.size > this.capacity) {
      const oldest = this.compiled.keys().next().value;
      if (oldest !== undefined) this.compiled.delete(oldest);
    }
    return hit;
  }
}
