/**
 * `createMetrics()`: the process's `Metrics` (see `types.ts`), rendered for Prometheus at `/metrics`:
 *
 *   parley_rooms                                   gauge      exercise rooms open in this process
 *   parley_clients                                 gauge      Colyseus clients connected
 *   parley_commands_total{type}                    counter    commands handled (accepted or refused)
 *   parley_commands_refused_total{type,code}       counter    commands refused, by refusal code
 *   parley_commands_per_second                     gauge      commands handled per second over the last minute
 *   parley_store_write_seconds                     histogram  duration of one event-store flush (transaction)
 *   parley_store_events_written_total              counter    events durably written
 *   parley_process_uptime_seconds                  gauge      seconds since start
 *
 * A rate is `rate(parley_commands_total[1m])` in Prometheus. Label values are bounded: at most `maxSeries` distinct
 * label sets per counter (further ones are counted under "other") and 64 characters each, so a client sending
 * made-up command types cannot grow memory without bound.
 */
import type { Family, Labels, Sample } from './promText.ts';
import { renderFamilies } from './promText.ts';
import { createRateWindow } from './rate.ts';
import type { Metrics } from './types.ts';

/** Upper bounds (seconds) of the store-write histogram: 0.5 ms … 5 s. */
export const STORE_WRITE_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
] as const;

export type MetricsOptions = {
  /** Milliseconds from a fixed origin, for uptime and the one-minute rate (default `performance.now()`). */
  readonly now?: () => number;
  /** Distinct label sets kept per labelled counter (default 200). */
  readonly maxSeries?: number;
};

const MAX_LABEL_LENGTH = 64;
const OTHER = 'other';

type LabelledCounter = { inc(values: readonly string[]): void; samples(): Sample[] };

function labelledCounter(names: readonly string[], maxSeries: number): LabelledCounter {
  const series = new Map<string, { labels: Labels; value: number }>();
  return {
    inc(values) {
      const clipped = values.map((v) => (v.length > MAX_LABEL_LENGTH ? v.slice(0, MAX_LABEL_LENGTH) : v));
      let key = JSON.stringify(clipped);
      let chosen = clipped;
      if (!series.has(key) && series.size >= maxSeries) {
        chosen = names.map(() => OTHER);
        key = JSON.stringify(chosen);
      }
      const found = series.get(key);
      if (found) {
        found.value += 1;
        return;
      }
      const labels = Object.fromEntries(names.map((n, i) => [n, chosen[i] ?? '']));
      series.set(key, { labels, value: 1 });
    },
    samples: () => [...series.values()].map((s) => ({ labels: s.labels, value: s.value })),
  };
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const now = options.now ?? (() => performance.now());
  const maxSeries = Math.max(1, options.maxSeries ?? 200);
  const startedAt = now();
  const perMinute = createRateWindow({ now });
  const commands = labelledCounter(['type'], maxSeries);
  const refused = labelledCounter(['type', 'code'], maxSeries);
  const writeCounts = new Array<number>(STORE_WRITE_BUCKETS.length + 1).fill(0);
  let writeSum = 0;
  let eventsWritten = 0;
  let rooms = 0;
  let clients = 0;

  const uptimeSeconds = () => Math.max(0, (now() - startedAt) / 1000);
  const commandsPerSecond = () => perMinute.perSecond();
  const gauge = (value: number): Sample[] => [{ labels: {}, value }];

  return {
    roomCreated: () => {
      rooms += 1;
    },
    roomDisposed: () => {
      rooms -= 1;
    },
    clientJoined: () => {
      clients += 1;
    },
    clientLeft: () => {
      clients -= 1;
    },
    commandAccepted(type) {
      commands.inc([type]);
      perMinute.add();
    },
    commandRefused(type, code) {
      commands.inc([type]);
      refused.inc([type, code]);
      perMinute.add();
    },
    storeWrite(seconds, events) {
      const s = Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
      const i = STORE_WRITE_BUCKETS.findIndex((le) => s <= le);
      const bucket = i === -1 ? STORE_WRITE_BUCKETS.length : i;
      writeCounts[bucket] = (writeCounts[bucket] ?? 0) + 1;
      writeSum += s;
      eventsWritten += Math.max(0, Math.floor(events));
    },
    rooms: () => rooms,
    clients: () => clients,
    uptimeSeconds,
    commandsPerSecond,
    render() {
      const families: Family[] = [
        { name: 'parley_rooms', help: 'Exercise rooms open in this process.', type: 'gauge', samples: gauge(rooms) },
        {
          name: 'parley_clients',
          help: 'Clients connected to exercise rooms.',
          type: 'gauge',
          samples: gauge(clients),
        },
        {
          name: 'parley_commands_total',
          help: 'Commands handled (accepted or refused), by command type.',
          type: 'counter',
          samples: commands.samples(),
        },
        {
          name: 'parley_commands_refused_total',
          help: 'Commands refused, by command type and refusal code.',
          type: 'counter',
          samples: refused.samples(),
        },
        {
          name: 'parley_commands_per_second',
          help: 'Commands handled per second, averaged over the last minute.',
          type: 'gauge',
          samples: gauge(commandsPerSecond()),
        },
        {
          name: 'parley_store_write_seconds',
          help: 'Duration of one event-store flush (one transaction), in seconds.',
          type: 'histogram',
          buckets: STORE_WRITE_BUCKETS,
          counts: writeCounts,
          sum: writeSum,
        },
        {
          name: 'parley_store_events_written_total',
          help: 'Events durably written to the event store.',
          type: 'counter',
          samples: gauge(eventsWritten),
        },
        {
          name: 'parley_process_uptime_seconds',
          help: 'Seconds since the server process started.',
          type: 'gauge',
          samples: gauge(uptimeSeconds()),
        },
      ];
      return renderFamilies(families);
    },
  };
}
