/**
 * Starts the Parley server: reads the configuration, serves the handler, and shuts down
 * cleanly on SIGINT/SIGTERM. Everything else lives in `server/`.
 *
 * @module
 */
import { defaultNodeId, loadConfig } from "./server/config.ts";
import { createEngine } from "./server/engine.ts";
import { createLogger } from "./server/log.ts";
import { createParley } from "./server/mod.ts";
import { createMetrics, NO_METRICS } from "./server/metrics.ts";
import { StoreOpenError } from "./server/sqlite_store.ts";
import { ClusterNode, ClusterOpenError } from "./server/cluster.ts";
import { serveResilient } from "./server/serve.ts";
import { createStaticHandler } from "./server/static.ts";
import { prepareProcesses, type Processes } from "./server/supervisor.ts";

if (import.meta.main) {
  let config;
  let processes: Processes;
  try {
    config = loadConfig(Deno.args, (k) => Deno.env.get(k));
    // PARLEY_PROCESSES > 1: this process listens with reusePort and starts the others.
    processes = await prepareProcesses((k) => Deno.env.get(k));
  } catch (err) {
    // deno-lint-ignore no-console
    console.error(`parley: ${err instanceof Error ? err.message : err}`);
    Deno.exit(2);
  }
  // Every line names its node, so the logs of several processes can be merged and told apart.
  const nodeId = config.nodeId ?? defaultNodeId();
  const log = createLogger(config.logLevel, undefined, { nodeId });
  // One metrics registry for the cluster node and the server, so /metrics shows both.
  const metrics = config.metrics ? createMetrics() : NO_METRICS;
  let cluster: ClusterNode | undefined;
  if (config.redisUrl) {
    try {
      cluster = await ClusterNode.open({
        url: config.redisUrl,
        nodeId,
        leaseMs: config.nodeLeaseMs,
        checkMs: config.clusterCheckMs,
        ttlMs: config.sessionTtlMs,
        log,
        metrics,
      });
    } catch (err) {
      // Redis unreachable at start: one line, like the SQLite open errors.
      if (!(err instanceof ClusterOpenError)) throw err;
      // deno-lint-ignore no-console
      console.error(`parley: ${err.message}`);
      Deno.exit(1);
    }
  }
  let engine;
  try {
    engine = await createEngine(config);
  } catch (err) {
    // deno-lint-ignore no-console
    console.error(`parley: ${err instanceof Error ? err.message : err}`);
    Deno.exit(2);
  }
  let parley;
  try {
    parley = createParley(config, {
      log,
      engine,
      metrics,
      ...(cluster ? { cluster } : {}),
      staticHandler: createStaticHandler({ corsOrigins: config.corsOrigins }),
    });
  } catch (err) {
    // A database that cannot serve (corrupted, read-only, missing folder, in use by another
    // Parley): one line, `parley: <file>: <what> — <what to do>`, no stack trace.
    if (!(err instanceof StoreOpenError)) throw err;
    // deno-lint-ignore no-console
    console.error(`parley: ${err.message}`);
    Deno.exit(1);
  }
  const abort = new AbortController();
  const serving = serveResilient({
    hostname: config.host,
    port: config.port,
    signal: abort.signal,
    log,
    reusePort: processes.reusePort,
    onListen: ({ hostname, port }) => {
      log.info("listening", { url: `http://${hostname}:${port}`, engine: config.model });
      processes.listening(port, log, (why) => stop(why));
    },
  }, parley.handler).catch((err) => {
    // deno-lint-ignore no-console
    console.error(
      `parley: cannot listen on ${config.host}:${config.port}: ${
        err instanceof Error ? err.message : err
      }`,
    );
    Deno.exit(2);
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal, sessions: parley.sessionCount });
    await Promise.all([processes.stop(), parley.shutdown()]);
    abort.abort();
    await serving;
    log.info("stopped");
  };
  Deno.addSignalListener("SIGINT", () => stop("SIGINT"));
  Deno.addSignalListener("SIGTERM", () => stop("SIGTERM"));
}
