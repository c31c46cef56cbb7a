/**
 * Refusals carry a stable key and raw params (ids, numbers) beside the English message, so that a client can say them
 * in the reader's language. The English messages are asserted elsewhere; here, what the key and params are.
 */
import { describe, expect, it } from 'vitest';
import { previewCommand } from './decide.ts';
import { C, compiled, idOf, ok, R, refusal, session } from './testKit.ts';

const keyed = (r: ReturnType<typeof refusal>) => ({ key: r.key, params: r.params });

describe('refusal keys', () => {
  it('names the exercise status', () => {
    const s = session({ seed: 1 }, false);
    expect(keyed(refusal(s.submit(R.norland, C.assess(1))))).toEqual({ key: 'status.notStarted', params: undefined });
    ok(s.submit(R.facilitator, C.start()));
    expect(keyed(refusal(s.submit(R.facilitator, C.start())))).toEqual({ key: 'status.started', params: undefined });
    ok(s.submit(R.facilitator, C.pause()));
    const paused = refusal(s.submit(R.norland, C.assess(1)));
    expect(paused).toEqual({ code: 'status', message: 'The exercise is paused', key: 'status.paused' });
    expect(refusal(s.submit(R.facilitator, C.pause())).key).toBe('status.alreadyPaused');
    ok(s.submit(R.facilitator, C.resume()));
    expect(refusal(s.submit(R.facilitator, C.resume())).key).toBe('status.notPaused');
    ok(s.submit(R.facilitator, C.end()));
    expect(refusal(s.submit(R.norland, C.assess(1))).key).toBe('status.ended');
  });

  it('gives party and action ids, not names, for actions a party may not take and bad targets', () => {
    const s = session();
    expect(refusal(s.submit(R.vesteria, C.act('sanctions', ['vesteria'], { severity: 2 })))).toEqual({
      code: 'not-allowed',
      message: 'Vesteria cannot take “Restrictive measures” in this scenario',
      key: 'action.notAllowed',
      params: { party: 'vesteria', action: 'sanctions' },
    });
    expect(keyed(refusal(s.submit(R.vesteria, C.act('share_iocs', []))))).toEqual({
      key: 'action.targetsExactly',
      params: { action: 'share_iocs', targets: 1 },
    });
    expect(keyed(refusal(s.submit(R.vesteria, C.act('share_iocs', ['vesteria']))))).toEqual({
      key: 'action.targetSelf',
      params: { action: 'share_iocs', party: 'vesteria' },
    });
    expect(keyed(refusal(s.submit(R.vesteria, C.act('share_iocs', ['press']))))).toEqual({
      key: 'action.targetKind',
      params: { action: 'share_iocs', target: 'press' },
    });
    expect(keyed(refusal(s.submit(R.vesteria, C.act('share_iocs', ['frnace']))))).toEqual({
      key: 'unknown.party',
      params: { id: 'frnace' },
    });
    expect(keyed(refusal(s.submit(R.vesteria, C.signal('demarche', ['norland'], { tone: 'angry' }))))).toEqual({
      key: 'param.choice',
      params: { action: 'demarche', param: 'tone', options: 'firm, conciliatory' },
    });
  });

  it('names the channel a party is not a member of', () => {
    const s = session();
    expect(keyed(refusal(s.submit(R.kestrel, C.say({ kind: 'group', group: 'nordic' }, 'x'))))).toEqual({
      key: 'channel.notMember',
      params: { party: 'kestrel', group: 'nordic' },
    });
  });

  it('gives the current version of a text that changed', () => {
    const s = session();
    const p = idOf(s.submit(R.norland, C.propose(['norland', 'vesteria', 'kestrel'])));
    ok(s.submit(R.vesteria, C.amend(p, 'no-ci', 'No attacks on grids or hospitals.')));
    expect(refusal(s.submit(R.norland, C.accept(p, 1)))).toEqual({
      code: 'stale',
      message: 'This text changed since you read it (now version 2)',
      key: 'proposal.stale',
      params: { version: 2 },
    });
  });

  it('names the rule that blocks, when sent and when previewed', () => {
    const s = session();
    const attribution = C.signal('public_attribution', ['vesteria'], { confidence: 'high' });
    const sent = refusal(s.submit(R.norland, attribution));
    expect(keyed(sent)).toEqual({ key: 'rule.blocked', params: { rule: 'consult-first' } });
    const preview = previewCommand(compiled, s.state, { actor: R.norland, command: attribution });
    expect(preview.ok ? null : preview.refusal).toEqual(sent);
  });
});
