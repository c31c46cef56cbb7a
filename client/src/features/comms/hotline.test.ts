import type { AssistanceItem, Ping } from '@parley/shared/engine/types.ts';
import type { DeadlineView } from '@parley/shared/engine/viewTypes.ts';
import { describe, expect, it } from 'vitest';
import { deadlineOf, formatCountdown, hotlineOf, pingStatus, requestStatus, urgencyOf } from './hotline.ts';

const MIN = 60_000;

const ping = (over: Partial<Ping> = {}): Ping => ({
  id: 'ping-3',
  seq: 3,
  at: 2 * MIN,
  from: 'veldmark',
  to: 'halvania',
  text: 'Are you there?',
  ackedAt: null,
  ackText: null,
  ...over,
});

const deadline = (over: Partial<DeadlineView> = {}): DeadlineView => ({
  id: 'deadline-3-0',
  rule: 'poc_ack',
  title: 'Acknowledge POC pings within 5 minutes',
  party: 'halvania',
  counterpart: 'veldmark',
  action: 'poc.ping',
  openedAt: 2 * MIN,
  dueAt: 7 * MIN,
  status: 'open',
  closedAt: null,
  ...over,
});

const request = (over: Partial<AssistanceItem> = {}): AssistanceItem => ({
  id: 'request-5',
  kind: 'request',
  seq: 5,
  at: 4 * MIN,
  from: 'halvania',
  to: 'veldmark',
  text: 'Generators for two hospitals',
  request: null,
  answer: null,
  ...over,
});

describe('a ping’s deadline', () => {
  it('is the one its rule opened at the same moment between the same parties', () => {
    const other = deadline({ id: 'deadline-9-0', openedAt: 5 * MIN, dueAt: 10 * MIN });
    const reverse = deadline({ id: 'deadline-3-1', party: 'veldmark', counterpart: 'halvania' });
    expect(deadlineOf([other, reverse, deadline()], 'poc.ping', ping())?.id).toBe('deadline-3-0');
    expect(deadlineOf([other], 'poc.ping', ping())).toBeNull();
    expect(deadlineOf([deadline()], 'assistance.request', ping())).toBeNull();
  });

  it('is told apart by the seq when two pings share a moment', () => {
    const first = deadline({ id: 'deadline-3-0' });
    const second = deadline({ id: 'deadline-4-0' });
    expect(deadlineOf([first, second], 'poc.ping', ping({ id: 'ping-4', seq: 4 }))?.id).toBe('deadline-4-0');
  });
});

describe('where a ping stands', () => {
  it('awaits acknowledgement with its deadline until it is due', () => {
    expect(pingStatus(ping(), [deadline()], 3 * MIN)).toEqual({ kind: 'awaiting', deadline: deadline() });
    expect(pingStatus(ping(), [], 3 * MIN)).toEqual({ kind: 'awaiting', deadline: null });
  });

  it('is missed once the deadline passes, even before the server says so', () => {
    expect(pingStatus(ping(), [deadline()], 7 * MIN).kind).toBe('missed');
    expect(pingStatus(ping(), [deadline({ status: 'missed', closedAt: 7 * MIN })], 7 * MIN).kind).toBe('missed');
  });

  it('is acknowledged, late when its deadline was missed first', () => {
    expect(pingStatus(ping({ ackedAt: 4 * MIN }), [deadline({ status: 'met' })], 5 * MIN)).toEqual({
      kind: 'answered',
      at: 4 * MIN,
      how: 'ack',
      late: false,
    });
    const late = pingStatus(ping({ ackedAt: 9 * MIN }), [deadline({ status: 'missed' })], 10 * MIN);
    expect(late).toMatchObject({ kind: 'answered', late: true });
  });
});

describe('where a request for assistance stands', () => {
  const dl = deadline({
    id: 'deadline-5-0',
    rule: 'assistance_answered',
    action: 'assistance.request',
    party: 'veldmark',
    counterpart: 'halvania',
    openedAt: 4 * MIN,
    dueAt: 14 * MIN,
  });
  it('awaits an answer, then is offered or declined', () => {
    expect(requestStatus(request(), [dl], 5 * MIN)).toEqual({ kind: 'awaiting', deadline: dl });
    expect(requestStatus(request(), [dl], 15 * MIN).kind).toBe('missed');
    const offered = request({ answer: { kind: 'offer', at: 6 * MIN, ref: 'offer-8' } });
    expect(requestStatus(offered, [dl], 7 * MIN)).toMatchObject({ kind: 'answered', how: 'offer', at: 6 * MIN });
    const declined = request({ answer: { kind: 'decline', at: 6 * MIN, ref: 'request-5' } });
    expect(requestStatus(declined, [dl], 7 * MIN)).toMatchObject({ kind: 'answered', how: 'decline' });
  });
});

describe('the hotline', () => {
  it('puts what this delegation must answer first, soonest deadline first; the rest newest first', () => {
    const later = ping({ id: 'ping-8', seq: 8, at: 4 * MIN });
    const sooner = ping();
    const acked = ping({ id: 'ping-1', seq: 1, at: MIN, ackedAt: 2 * MIN });
    const sent = ping({ id: 'ping-6', seq: 6, from: 'halvania', to: 'veldmark' });
    const req = request({ from: 'veldmark', to: 'halvania' });
    const offer = request({ id: 'offer-7', kind: 'offer', seq: 7, from: 'veldmark', to: 'halvania' });
    const hotline = hotlineOf(
      {
        delegation: 'halvania',
        pings: [acked, sooner, sent, later],
        assistance: [req, offer],
        deadlines: [deadline(), deadline({ id: 'deadline-8-0', openedAt: 4 * MIN, dueAt: 9 * MIN })],
      },
      3 * MIN,
    );
    expect(hotline.toAnswer.map((i) => i.item.id)).toEqual(['ping-3', 'ping-8', 'request-5']);
    expect(hotline.received.map((i) => i.item.id)).toEqual(['offer-7', 'ping-1']);
    expect(hotline.sent.map((i) => i.item.id)).toEqual(['ping-6']);
  });
});

describe('countdowns', () => {
  it('reads minutes and seconds (hours when needed), never below zero', () => {
    expect(formatCountdown(4 * MIN + 5_000, 'en')).toBe('4:05');
    expect(formatCountdown(62 * MIN + 3_000, 'en')).toBe('1:02:03');
    expect(formatCountdown(-5_000, 'en')).toBe('0:00');
    expect(formatCountdown(1_200, 'en')).toBe('0:02');
  });

  it('becomes urgent in the last fifth of the time, or the last minute', () => {
    expect(urgencyOf(deadline(), 3 * MIN)).toBe('calm');
    expect(urgencyOf(deadline(), 6 * MIN)).toBe('urgent');
  });
});
