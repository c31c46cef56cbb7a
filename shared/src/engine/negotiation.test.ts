import { describe, expect, it } from 'vitest';
import { mapGet } from './persist.ts';
import { C, idOf, ok, R, refusal, session } from './testKit.ts';

const proposal = (s: ReturnType<typeof session>, id: string) => mapGet(s.state.proposals, id);

describe('negotiating a text', () => {
  it('goes open → agreed → signed, applying the template’s effects to the signatories', () => {
    const s = session();
    const p = idOf(s.submit(R.norland, C.propose(['norland', 'vesteria'])));
    expect(p).toMatch(/^proposal-\d+$/);
    expect(proposal(s, p)).toMatchObject({ version: 1, status: 'open', proposer: 'norland' });
    expect(proposal(s, p)?.clauses.map((c) => c.id)).toEqual(['no-ci', 'consult']);
    ok(s.submit(R.norland, C.accept(p, 1)));
    expect(refusal(s.submit(R.norland, C.sign(p))).message).toBe(
      'Every party must accept the text before anyone signs it',
    );
    ok(s.submit(R.vesteria, C.accept(p, 1)));
    expect(proposal(s, p)?.status).toBe('agreed');
    ok(s.submit(R.vesteria, C.sign(p)));
    expect(refusal(s.submit(R.vesteria, C.sign(p))).message).toBe('Vesteria already signed this text');
    expect(s.state.vars.world.escalation).toBe(2);
    ok(s.submit(R.norland, C.sign(p)));
    expect(proposal(s, p)?.status).toBe('signed');
    expect(s.state.signed.restraint).toEqual([['vesteria', 'norland']]);
    expect(s.state.vars.world.escalation).toBe(0);
    expect(s.state.vars.pairs.trust?.['norland|vesteria']).toBe(6);
    expect(s.state.vars.pairs.trust?.['kestrel|norland']).toBe(5);
    expect(refusal(s.submit(R.norland, C.amend(p, 'no-ci', 'x'))).message).toBe(
      'This text is signed by all its parties and closed',
    );
    expect(refusal(s.submit(R.norland, C.sign(p))).message).toBe('This text is signed by all its parties and closed');
  });

  it('bumps the version on amendment and clears acceptances and rejections', () => {
    const s = session();
    const p = idOf(s.submit(R.norland, C.propose(['norland', 'vesteria', 'kestrel'])));
    ok(s.submit(R.norland, C.accept(p, 1)));
    ok(s.submit(R.kestrel, C.reject(p, 'Too vague')));
    expect(refusal(s.submit(R.kestrel, C.reject(p))).message).toBe('Kestrel Cloud already rejected version 1');
    ok(s.submit(R.vesteria, C.amend(p, 'no-ci', 'No attacks on grids or hospitals.')));
    expect(proposal(s, p)).toMatchObject({ version: 2, accepted: [], rejected: [] });
    expect(proposal(s, p)?.clauses[0]?.text).toBe('No attacks on grids or hospitals.');
    expect(refusal(s.submit(R.norland, C.accept(p, 1))).message).toBe(
      'This text changed since you read it (now version 2)',
    );
    ok(s.submit(R.kestrel, C.amend(p, null, 'Kestrel will share logs.')));
    ok(s.submit(R.norland, C.amend(p, 'consult', null)));
    expect(proposal(s, p)?.clauses.map((c) => c.text)).toEqual([
      'No attacks on grids or hospitals.',
      'Kestrel will share logs.',
    ]);
    expect(proposal(s, p)?.version).toBe(4);
    expect(proposal(s, p)?.history.map((h) => h.by)).toEqual(['vesteria', 'kestrel', 'norland']);
    // Each amendment keeps the wording it replaced, so any version's text can be shown.
    expect(proposal(s, p)?.history.map((h) => h.was)).toEqual([
      'The parties will not target critical infrastructure.',
      null,
      'The parties will consult before any attribution.',
    ]);
    ok(s.submit(R.norland, C.accept(p, 4)));
    expect(refusal(s.submit(R.norland, C.accept(p, 4))).message).toBe('Norland already accepted version 4');
  });

  it('refuses non-parties (as unknown), bad parties, unknown clauses and amendment once signing began', () => {
    const s = session();
    expect(refusal(s.submit(R.norland, C.propose(['vesteria', 'kestrel']))).message).toBe(
      'Norland must be one of the parties it proposes to',
    );
    expect(refusal(s.submit(R.norland, C.propose(['norland', 'frnace']))).message).toBe('Unknown delegation "frnace"');
    expect(refusal(s.submit(R.norland, C.propose(['norland', 'press']))).message).toMatch(/cannot sign/);
    expect(refusal(s.submit(R.norland, C.propose(['norland', 'vesteria'], 'treaty'))).message).toBe(
      'Unknown template "treaty"',
    );
    expect(
      refusal(
        s.submit(
          R.norland,
          C.propose(['norland', 'vesteria'], 'restraint', [
            { id: 'a', text: 'x' },
            { id: 'a', text: 'y' },
          ]),
        ),
      ).message,
    ).toBe('Each clause needs its own id');
    const p = idOf(s.submit(R.norland, C.propose(['norland', 'vesteria'])));
    expect(refusal(s.submit(R.kestrel, C.accept(p, 1))).message).toBe(`Unknown proposal "${p}"`);
    expect(refusal(s.submit(R.vesteria, C.amend(p, 'zz', 'x'))).message).toBe('This text has no clause "zz"');
    expect(refusal(s.submit(R.vesteria, C.amend(p, null, null))).message).toBe('Give the text of the new clause');
    ok(s.submit(R.norland, C.accept(p, 1)));
    ok(s.submit(R.vesteria, C.accept(p, 1)));
    ok(s.submit(R.norland, C.sign(p)));
    expect(refusal(s.submit(R.vesteria, C.amend(p, 'no-ci', 'x'))).message).toBe(
      'Signing has begun: the text can no longer be amended',
    );
    expect(refusal(s.submit(R.vesteria, C.reject(p))).message).toBe(
      'Signing has begun: the text can no longer be rejected',
    );
  });

  it('returns an agreed text to open when a party withdraws its acceptance by rejecting', () => {
    const s = session();
    const p = idOf(s.submit(R.norland, C.propose(['norland', 'vesteria'])));
    ok(s.submit(R.norland, C.accept(p, 1)));
    ok(s.submit(R.vesteria, C.accept(p, 1)));
    ok(s.submit(R.vesteria, C.reject(p, 'On reflection, no')));
    expect(proposal(s, p)).toMatchObject({ status: 'open', accepted: ['norland'] });
    expect(refusal(s.submit(R.norland, C.sign(p))).message).toMatch(/must accept/);
  });

  it('a signed text moves play from response to de-escalation', () => {
    const s = session();
    ok(s.submit(R.facilitator, C.adjudicate('Move on', [], 'response')));
    const p = idOf(s.submit(R.norland, C.propose(['norland', 'vesteria'])));
    for (const r of [R.norland, R.vesteria]) ok(s.submit(r, C.accept(p, 1)));
    for (const r of [R.norland, R.vesteria]) ok(s.submit(r, C.sign(p)));
    expect(s.state.phase.active).toEqual(['deescalation']);
  });
});
