/**
 * The passive delegation: rarely acts. It records one low assessment after a few minutes and now and then says it
 * is monitoring the situation; it acknowledges nothing, answers no request, lets every deadline lapse and signs
 * nothing.
 */
import { elapsedMinutes, latestAssessment, severityEstimate } from './read.ts';
import type { Policy } from './types.ts';

export const passive: Policy = (view, ctx) => {
  if (latestAssessment(view) === null && elapsedMinutes(view) >= 5 && ctx.rng.chance(0.3)) {
    return [
      {
        type: 'assess',
        severity: Math.min(2, severityEstimate(view)),
        suspect: null,
        confidence: 'low',
        note: 'Monitoring.',
      },
    ];
  }
  if (ctx.rng.chance(0.04)) {
    return [{ type: 'message.send', channel: { kind: 'public' }, text: 'We are monitoring the situation closely.' }];
  }
  return [];
};
