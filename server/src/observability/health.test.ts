import { describe, expect, it } from 'vitest';
import { createHealth, healthHttpStatus } from './health.ts';
import { createMetrics } from './metrics.ts';

function setup(pingStore: () => Promise<unknown>, opts: { shuttingDown?: boolean; timeoutMs?: number } = {}) {
  let t = 0;
  const metrics = createMetrics({ now: () => t });
  const warnings: unknown[] = [];
  const health = createHealth({
    metrics,
    pingStore,
    isShuttingDown: () => opts.shuttingDown ?? false,
    timeoutMs: opts.timeoutMs ?? 2000,
    logger: { warn: (obj: unknown) => void warnings.push(obj) },
  });
  return { metrics, health, warnings, advance: (ms: number) => (t += ms) };
}

describe('health', () => {
  it('is ok with rooms, clients and uptime when the store answers', async () => {
    const { metrics, health, advance } = setup(async () => {});
    metrics.roomCreated();
    metrics.clientJoined();
    metrics.clientJoined();
    advance(12_500);
    const h = await health();
    expect(h).toEqual({ status: 'ok', uptimeSeconds: 12.5, rooms: 1, clients: 2, store: 'ok', shuttingDown: false });
    expect(healthHttpStatus(h)).toBe(200);
  });

  it('is degraded when the store fails, and keeps the reason in the log only', async () => {
    const { health, warnings } = setup(async () => {
      throw new Error('password authentication failed for user "parley"');
    });
    const h = await health();
    expect(h.status).toBe('degraded');
    expect(h.store).toBe('error');
    expect(JSON.stringify(h)).not.toContain('password');
    expect(healthHttpStatus(h)).toBe(503);
    expect(warnings).toHaveLength(1);
  });

  it('is degraded when the store hangs past the timeout', async () => {
    const { health } = setup(() => new Promise(() => {}), { timeoutMs: 30 });
    const h = await health();
    expect(h.store).toBe('timeout');
    expect(h.status).toBe('degraded');
  });

  it('is degraded while shutting down, so load balancers stop sending players', async () => {
    const { health } = setup(async () => {}, { shuttingDown: true });
    const h = await health();
    expect(h).toMatchObject({ status: 'degraded', store: 'ok', shuttingDown: true });
  });
});
