import type { EndingCard } from '@parley/shared/engine/viewTypes.ts';
import { describe, expect, it } from 'vitest';
import { endCommand, initialEnding, NO_ENDING, offersNoEnding } from './endings.ts';

const ending = (id: string, isDefault = false): EndingCard => ({
  id,
  title: { en: id },
  tone: 'mixed',
  default: isDefault,
});

describe('choosing how play ends', () => {
  it('starts on the scenario’s default ending, and offers none named only when there is no default', () => {
    const endings = [ending('spiral'), ending('stalemate', true), ending('compact')];
    expect(initialEnding(endings)).toBe('stalemate');
    expect(offersNoEnding(endings)).toBe(false);
    expect(initialEnding([ending('spiral'), ending('compact')])).toBe(NO_ENDING);
    expect(offersNoEnding([ending('spiral')])).toBe(true);
    expect(initialEnding([])).toBe(NO_ENDING);
  });

  it('sends the chosen ending and the note, each only when given', () => {
    expect(endCommand('compact', '  Time is up. ')).toEqual({
      type: 'exercise.end',
      ending: 'compact',
      note: 'Time is up.',
    });
    expect(endCommand(NO_ENDING, ' ')).toEqual({ type: 'exercise.end' });
  });
});
