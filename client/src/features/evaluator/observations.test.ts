import type { Observation } from '@parley/shared/engine/types.ts';
import { describe, expect, it } from 'vitest';
import {
  afterRecording,
  EMPTY_DRAFT,
  filterObservations,
  GENERAL,
  NO_FILTER,
  type ObservationDraft,
  observationCommand,
} from './observations.ts';

describe('the observation form', () => {
  it('records the text with every selection made', () => {
    const draft: ObservationDraft = {
      text: '  Pinged the POC within two minutes. ',
      rating: 'met',
      objective: 'obj_poc',
      inject: 'i03_blackouts_news',
      delegation: 'veldmark',
    };
    expect(observationCommand(draft)).toEqual({
      type: 'observation.record',
      text: 'Pinged the POC within two minutes.',
      rating: 'met',
      objective: 'obj_poc',
      inject: 'i03_blackouts_news',
      delegation: 'veldmark',
    });
  });

  it('leaves out what was not chosen: a general, unrated observation', () => {
    expect(observationCommand({ ...EMPTY_DRAFT, text: 'Room is quiet' })).toEqual({
      type: 'observation.record',
      text: 'Room is quiet',
      rating: null,
    });
  });

  it('records nothing while the text is blank', () => {
    expect(observationCommand({ ...EMPTY_DRAFT, text: '  \n ', rating: 'met' })).toBeNull();
  });

  it('keeps the objective, inject and delegation for the next one, not the text or the rating', () => {
    const draft: ObservationDraft = { text: 'x', rating: 'partially', objective: 'o', inject: 'i', delegation: 'd' };
    expect(afterRecording(draft)).toEqual({ text: '', rating: '', objective: 'o', inject: 'i', delegation: 'd' });
  });
});

const obs = (seq: number, about: Partial<Observation> = {}): Observation => ({
  id: `o${seq}`,
  seq,
  at: seq * 1000,
  by: 'evaluator',
  text: `note ${seq}`,
  objective: null,
  inject: null,
  delegation: null,
  rating: null,
  ...about,
});

describe('the observation list', () => {
  const list = [
    obs(1, { delegation: 'veldmark', rating: 'met', objective: 'obj_poc' }),
    obs(2),
    obs(3, { delegation: 'halvania', rating: 'not-met', objective: 'obj_poc' }),
    obs(4, { delegation: 'veldmark', objective: 'obj_share' }),
  ];
  const ids = (filtered: Observation[]) => filtered.map((o) => o.id);

  it('shows the newest first', () => {
    expect(ids(filterObservations(list, NO_FILTER))).toEqual(['o4', 'o3', 'o2', 'o1']);
  });

  it('filters by delegation, general observations, rating, unrated and objective', () => {
    expect(ids(filterObservations(list, { ...NO_FILTER, delegation: 'veldmark' }))).toEqual(['o4', 'o1']);
    expect(ids(filterObservations(list, { ...NO_FILTER, delegation: GENERAL }))).toEqual(['o2']);
    expect(ids(filterObservations(list, { ...NO_FILTER, rating: 'not-met' }))).toEqual(['o3']);
    expect(ids(filterObservations(list, { ...NO_FILTER, rating: 'none' }))).toEqual(['o4', 'o2']);
    expect(ids(filterObservations(list, { ...NO_FILTER, objective: 'obj_poc', delegation: 'veldmark' }))).toEqual([
      'o1',
    ]);
  });
});
