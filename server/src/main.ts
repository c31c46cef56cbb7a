/**
 * `./parley start`: one process on one port (default 2567) serving the API, the client (or the scenario library page
 * when no client is built), the Colyseus endpoint and the live feed. Configuration comes from the environment
 * (config.ts); a bad value stops start-up with a clear message. SIGINT/SIGTERM shut down gracefully: stop accepting,
 * save queued events, close rooms, feed and store.
 */
import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { onShutdownSignals } from './observability/shutdown.ts';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`parley: ${error.message}\n`);
    process.exit(1);
  }
  const app = await createApp(config);
  onShutdownSignals(app.close, { logger: app.logger });
  const { port } = await app.listen();
  process.stdout.write(`Parley is listening on http://localhost:${port} (data in ${config.dataDir})\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`parley: ${error.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`parley: could not start: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
  process.exit(1);
});
