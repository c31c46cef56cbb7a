import { describe, expect, it } from 'vitest';
import { formatNumber } from './format.ts';

describe('formatNumber', () => {
  it('rounds a world variable to one decimal in the reader’s locale', () => {
    expect(formatNumber(4.972222222, 'en')).toBe('5');
    expect(formatNumber(4.94, 'en')).toBe('4.9');
    expect(formatNumber(4.94, 'fr')).toBe('4,9');
    expect(formatNumber(12500, 'en')).toBe('12,500');
  });
});
