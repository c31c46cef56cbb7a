import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config.ts';
import { createLogger, exerciseLogger, type LogSink, REDACTED, redactSecrets } from './logger.ts';

function collect(level = 'info') {
  const lines: string[] = [];
  const logger = createLogger({ logLevel: level }, { destination: { write: (s: string) => lines.push(s) } });
  const records = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { logger, lines, records };
}

describe('logger', () => {
  it('writes one JSON object per line with a level label, a time and the message', () => {
    const { logger, lines, records } = collect();
    logger.info({ rooms: 2 }, 'listening');
    logger.debug('not at info level');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith('\n')).toBe(true);
    const [r] = records();
    expect(r).toMatchObject({ level: 'info', msg: 'listening', rooms: 2 });
    expect(Number.isNaN(Date.parse(String(r?.time)))).toBe(false);
  });

  it('takes its level from the config and refuses an unknown one with a clear message', () => {
    const { logger, records } = collect('debug');
    logger.debug('visible');
    expect(records()).toHaveLength(1);
    expect(() => createLogger({ logLevel: 'loud' })).toThrow(ConfigError);
    expect(() => createLogger({ logLevel: 'loud' })).toThrow(/LOG_LEVEL must be one of .*info.* \(got "loud"\)/);
  });

  it('never writes tokens, join codes, passphrases or authorization headers, at any depth', () => {
    const { logger, lines, records } = collect();
    logger.info(
      {
        code: 'HX7K-9QPM',
        token: 'tok-facilitator-123',
        seat: { code: 'ZZ4R-2WXN', role: 'observer' },
        codes: ['AAAA-BBBB', 'CCCC-DDDD'],
        auth: { exerciseId: 'ex1', token: 'tok-auth-456' },
        req: { url: '/ex1?_authToken=tok-query-789&sessionId=s1', headers: { authorization: 'Bearer tok-hdr-0' } },
        body: { passphrase: 'correct horse', trainerToken: 'tok-trainer', facilitatorSecret: 'salt:hash' },
      },
      'joined',
    );
    const text = lines.join('');
    for (const secret of [
      'HX7K-9QPM',
      'ZZ4R-2WXN',
      'AAAA-BBBB',
      'tok-facilitator-123',
      'tok-auth-456',
      'tok-query-789',
      'tok-hdr-0',
      'correct horse',
      'tok-trainer',
      'salt:hash',
    ]) {
      expect(text).not.toContain(secret);
    }
    const [r] = records() as [Record<string, Record<string, unknown>>];
    expect(r.seat).toEqual({ code: REDACTED, role: 'observer' });
    expect(r.auth?.exerciseId).toBe('ex1');
    expect(r.req?.url).toBe(`/ex1?_authToken=${REDACTED}&sessionId=s1`);
  });

  it('keeps error codes and refusal codes, which are not secrets', () => {
    const { logger, records } = collect();
    const err = Object.assign(new Error('connect refused'), { code: 'ECONNREFUSED' });
    logger.warn({ err, refusal: { code: 'role', message: 'Only the facilitator can start' } }, 'refused');
    const [r] = records() as [Record<string, Record<string, unknown>>];
    expect(r.err?.code).toBe('ECONNREFUSED');
    expect(r.err?.message).toBe('connect refused');
    expect(r.refusal?.code).toBe('role');
  });

  it('gives each exercise a child logger that names it, and redacts child bindings too', () => {
    const { logger, lines, records } = collect();
    exerciseLogger(logger, 'ex-42').info('started');
    logger.child({ token: 'tok-child' }).info('child');
    expect(records()[0]).toMatchObject({ exerciseId: 'ex-42', msg: 'started' });
    expect(lines.join('')).not.toContain('tok-child');
  });

  it('copies instead of modifying what the caller logged', () => {
    const input = { nested: { token: 'keep-me' }, other: { a: 1 } };
    const out = redactSecrets(input);
    expect(input.nested.token).toBe('keep-me');
    expect(out.nested.token).toBe(REDACTED);
    expect(out.other).toBe(input.other);
  });

  it('serves as the small log sink the shutdown and health helpers take', () => {
    const { logger, records } = collect();
    const sink: LogSink = logger;
    sink.warn({ step: 'store', token: 'tok-sink' }, 'shutdown: step timed out');
    expect(records()).toEqual([expect.objectContaining({ level: 'warn', step: 'store', token: REDACTED })]);
  });
});
