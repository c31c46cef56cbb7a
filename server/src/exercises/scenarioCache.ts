/**
 * Parsed scenarios of exercises, by exercise id. An exercise keeps the source text it was created from; parsing it
 * costs milliseconds, so the last few are kept (bounded: a long-running server hosts many exercises over time).
 */
import { localize, parseScenario, type Scenario } from '@parley/shared';
import type { ExerciseRecord } from '../store/types.ts';

const CAPACITY = 128;

export class ScenarioCache {
  private readonly byExercise = new Map<string, Scenario>();

  of(exercise: ExerciseRecord): Scenario {
    const cached = this.byExercise.get(exercise.id);
    if (cached) {
      this.byExercise.delete(exercise.id);
      this.byExercise.set(exercise.id, cached);
      return cached;
    }
    const result = parseScenario(exercise.scenarioSource, `${exercise.scenarioId}.yaml`);
    if (!result.ok) {
      // It parsed when the exercise was created: only a stricter parser in a newer version gets here.
      throw new Error(
        `the stored scenario of exercise ${exercise.id} no longer parses: ${result.errors[0]?.message ?? 'unknown error'}`,
      );
    }
    this.remember(exercise.id, result.scenario);
    return result.scenario;
  }

  remember(exerciseId: string, scenario: Scenario): void {
    this.byExercise.delete(exerciseId);
    this.byExercise.set(exerciseId, scenario);
    if (this.byExercise.size > CAPACITY) {
      const oldest = this.byExercise.keys().next().value;
      if (oldest !== undefined) this.byExercise.delete(oldest);
    }
  }

  title(scenario: Scenario): string {
    return localize(scenario.title, scenario.fallbackLanguage, scenario.fallbackLanguage);
  }
}
