import { C, compiled, idOf, ok, R, refusal, session } from '@parley/shared/engine/testKit.ts';
import { viewFor } from '@parley/shared/engine/view.ts';
import type { Command } from '@parley/shared/protocol/commands.ts';
import type { Role } from '@parley/shared/protocol/roles.ts';
import { localize } from '@parley/shared/scenario/localize.ts';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { describeRefusal, namesFromView, type RefusalLike, type Translate } from './refusal.ts';
import { refusalText } from './refusalText.ts';

function translator(lng: 'en' | 'fr'): Translate {
  const i18n = i18next.createInstance();
  void i18n.init({
    lng,
    resources: { [lng]: { translation: { refusals: refusalText[lng] } } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return (key, values) => (i18n.exists(key) ? i18n.t(key, values) : null);
}

const fr = translator('fr');
const en = translator('en');

/** Submit a command that must be refused; its refusal as this seat's client would say it. */
function say(s: ReturnType<typeof session>, role: Role, command: Command, translate: Translate, lng = 'fr') {
  const r = refusal(s.submit(role, command));
  const names = namesFromView(viewFor(compiled, s.state, role), (text) => localize(text, lng, 'en'));
  return { english: r.message, said: describeRefusal(r, translate, names) };
}

describe('describeRefusal', () => {
  const names = namesFromView(null, () => '');

  it('shows the English message when there is no key or the key has no text', () => {
    expect(describeRefusal({ message: 'Play has not started.' }, fr, names)).toBe('Play has not started.');
    expect(describeRefusal({ message: 'Something new', key: 'brand.new' }, fr, names)).toBe('Something new');
  });

  it('says a keyed refusal in the reader’s language', () => {
    expect(describeRefusal({ message: 'The exercise is paused', key: 'status.paused' }, fr, names)).toBe(
      'L’exercice est en pause',
    );
    expect(describeRefusal({ message: 'x', key: 'proposal.stale', params: { version: 3 } }, fr, names)).toBe(
      'Ce texte a changé depuis votre lecture (il en est à la version 3)',
    );
  });

  it('falls back to the English message when a name is not in this seat’s view', () => {
    const r: RefusalLike = {
      message: 'Norland cannot take “Sanctions” in this scenario',
      key: 'action.notAllowed',
      params: { party: 'norland', action: 'sanctions' },
    };
    expect(describeRefusal(r, fr, names)).toBe(r.message);
  });
});

describe('refusals from the engine, named from the view', () => {
  it('names parties and actions in the reader’s language', () => {
    const s = session();
    expect(say(s, R.vesteria, C.act('share_iocs', ['vesteria']), fr).said).toBe(
      '« Share indicators » ne peut pas viser Vesteria elle-même',
    );
    expect(say(s, R.vesteria, C.signal('demarche', ['norland']), fr).said).toBe('« Démarche » exige « Tone »');
  });

  it('keeps the English message when an action or channel is not in the reader’s view', () => {
    const s = session();
    const r = say(s, R.vesteria, C.act('sanctions', ['vesteria'], { severity: 2 }), fr);
    expect(r.english).toBe('Vesteria cannot take “Restrictive measures” in this scenario');
    expect(r.said).toBe(r.english);
    const channel = say(s, R.kestrel, C.say({ kind: 'group', group: 'nordic' }, 'x'), fr);
    expect(channel.said).toBe('Kestrel Cloud is not a member of “Nordic CERT forum”');
  });

  it('names the rule that blocks, and keeps the English detail', () => {
    const s = session();
    const blocked = say(s, R.norland, C.signal('public_attribution', ['vesteria'], { confidence: 'high' }), fr);
    expect(blocked.said).toMatch(/^Bloqué par la règle « .+ » : /);
    expect(blocked.said.endsWith(blocked.english)).toBe(true);
  });

  it('the English texts say what the engine says', () => {
    const s = session();
    const p = idOf(s.submit(R.norland, C.propose(['norland', 'vesteria', 'kestrel'])));
    ok(s.submit(R.vesteria, C.amend(p, 'no-ci', 'No attacks on grids or hospitals.')));
    const cases: [Role, Command][] = [
      [R.vesteria, C.act('sanctions', ['vesteria'], { severity: 2 })],
      [R.vesteria, C.act('share_iocs', ['vesteria'])],
      [R.vesteria, C.act('share_iocs', ['frnace'])],
      [R.vesteria, C.signal('demarche', ['norland'], { tone: 'angry' })],
      [R.vesteria, C.signal('demarche', ['norland'])],
      [R.kestrel, C.say({ kind: 'group', group: 'nordic' }, 'x')],
      [R.norland, C.accept(p, 1)],
    ];
    for (const [role, command] of cases) {
      const r = say(s, role, command, en, 'en');
      expect(r.said).toBe(r.english);
    }
  });
});
