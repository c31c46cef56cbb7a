import type { MselEntry } from '@parley/shared/engine/viewTypes.ts';
import { describe, expect, it } from 'vitest';
import { buildBroadcast, buildEdit, buildWrite, editFormOf, emptyWrite } from './injectForms.ts';

const entry = (over: Partial<MselEntry> = {}): MselEntry => ({
  id: 'm07',
  title: 'Island dark',
  status: 'scheduled',
  trigger: 'at',
  dueAt: 13 * 60_000,
  settledAt: null,
  phase: null,
  to: 'all',
  edits: {},
  expects: null,
  objective: null,
  notes: null,
  body: 'The **whole island** loses power.',
  ...over,
});

describe('writing an inject', () => {
  it('asks for a title, a text, some recipients and, for intelligence, a confidence', () => {
    const built = buildWrite({ ...emptyWrite(), channel: 'intel', recipients: { all: false, ids: [] } });
    expect(built).toEqual({
      ok: false,
      problems: {
        title: 'titleRequired',
        body: 'bodyRequired',
        recipients: 'recipients',
        confidence: 'confidenceRequired',
      },
    });
  });

  it('becomes an inject.write command, trimmed, with "from" and confidence only when given', () => {
    const form = { ...emptyWrite(), title: ' Ferry cancelled ', body: 'All sailings stop.', channel: 'news' as const };
    expect(buildWrite(form)).toEqual({
      ok: true,
      command: {
        type: 'inject.write',
        title: 'Ferry cancelled',
        body: 'All sailings stop.',
        channel: 'news',
        to: 'all',
      },
    });
    const intel = { ...form, channel: 'intel' as const, confidence: 'high' as const, from: 'teregal' };
    const built = buildWrite({ ...intel, recipients: { all: false, ids: ['lumara'] } });
    expect(built.ok && built.command).toMatchObject({ to: ['lumara'], from: 'teregal', confidence: 'high' });
  });
});

describe('editing an MSEL entry', () => {
  const e = entry();
  const initial = editFormOf(e, 'Island dark', 'The **whole island** loses power.', 0);

  it('opens with the current title, text, recipients and due minute', () => {
    expect(initial).toEqual({
      title: 'Island dark',
      body: 'The **whole island** loses power.',
      recipients: { all: true },
      minute: '13',
    });
    expect(editFormOf(entry({ dueAt: 20 * 60_000 }), 'x', 'y', 5 * 60_000).minute).toBe('15');
    expect(editFormOf(entry({ trigger: 'manual', dueAt: null }), 'x', 'y', 0).minute).toBe('');
  });

  it('sends only what changed', () => {
    const built = buildEdit(e, initial, { ...initial, title: 'Whole island dark', minute: '15' });
    expect(built).toEqual({
      ok: true,
      command: { type: 'inject.edit', inject: 'm07', changes: { title: 'Whole island dark', at: 15 } },
    });
    const to = buildEdit(e, initial, { ...initial, recipients: { all: false, ids: ['lumara'] }, body: 'New text' });
    expect(to.ok && to.command.changes).toEqual({ to: ['lumara'], body: 'New text' });
    // The text as it opened, give or take spaces at the ends, is not a change.
    const spaces = buildEdit(e, initial, { ...initial, title: 'Dark', body: ' The **whole island** loses power.\n' });
    expect(spaces.ok && spaces.command.changes).toEqual({ title: 'Dark' });
  });

  it('refuses an edit that changes nothing, an empty title or text and an impossible time', () => {
    expect(buildEdit(e, initial, initial)).toEqual({ ok: false, problems: { form: 'noChange' } });
    expect(buildEdit(e, initial, { ...initial, title: ' ', body: '', minute: '-3' })).toEqual({
      ok: false,
      problems: { title: 'titleRequired', body: 'bodyRequired', minute: 'minute' },
    });
    expect(buildEdit(e, initial, { ...initial, minute: 'soon' }).ok).toBe(false);
  });
});

describe('broadcasting', () => {
  it('needs a text and at least one delegation', () => {
    expect(buildBroadcast(' ', { all: false, ids: [] })).toEqual({
      ok: false,
      problems: { text: 'textRequired', recipients: 'recipients' },
    });
    expect(buildBroadcast('Ten minutes left.', { all: false, ids: ['kestria'] })).toEqual({
      ok: true,
      command: { type: 'broadcast', to: ['kestria'], text: 'Ten minutes left.' },
    });
  });
});
