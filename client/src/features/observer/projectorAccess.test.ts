import { describe, expect, it } from 'vitest';
import { accessFromFragment, accessFromSeat, projectorLink } from './projectorAccess.ts';

describe('projector access', () => {
  it('reads an observer code or a token from the link fragment', () => {
    expect(accessFromFragment('#code=abcd-efgh')).toEqual({ kind: 'code', token: 'ABCD-EFGH' });
    expect(accessFromFragment('#code=ABCDEFGH')).toEqual({ kind: 'code', token: 'ABCD-EFGH' });
    expect(accessFromFragment('#token=s3cret%2Bvalue')).toEqual({ kind: 'facilitator', token: 's3cret+value' });
  });

  it('ignores an empty fragment and an impossible code', () => {
    expect(accessFromFragment('')).toBeNull();
    expect(accessFromFragment('#code=ABC0-EFGH')).toBeNull();
    expect(accessFromFragment('#token=')).toBeNull();
  });

  it("takes this tab's seat, except a delegation's", () => {
    expect(accessFromSeat({ credentials: { code: 'ABCD-EFGH' }, name: 'Obs' })).toEqual({
      kind: 'code',
      token: 'ABCD-EFGH',
    });
    expect(accessFromSeat({ credentials: { facilitatorToken: 't' }, name: 'F' })).toEqual({
      kind: 'facilitator',
      token: 't',
    });
    const delegation = { kind: 'delegation', delegation: 'lumara', seat: 'mfa' } as const;
    expect(
      accessFromSeat({
        credentials: { code: 'X' },
        name: 'D',
        welcome: { exerciseId: 'e', role: delegation, doc: 'd' },
      }),
    ).toBeNull();
    expect(accessFromSeat(null)).toBeNull();
  });

  it('builds a link whose fragment opens the projector again', () => {
    const link = projectorLink('https://parley.example', 'ex 1', { kind: 'code', token: 'ABCD-EFGH' });
    expect(link).toBe('https://parley.example/x/ex%201/projector#code=ABCD-EFGH');
    expect(accessFromFragment(new URL(link).hash)).toEqual({ kind: 'code', token: 'ABCD-EFGH' });
  });
});
