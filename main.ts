/**
 * Starts the Parley server: reads the configuration, serves the handler, and shuts down
 * cleanly on SIGINT/SIGTERM. Everything else lives in `server/`.
 *
 * @module
 */
import { loadConfig } from "./server/config.ts";
import { createEngine } from "./server/engine.ts";
import { createLogger } from "./server/log.ts";
import { createParley } from "./server/mod.ts";
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
  let log = createLogger(config.logLevel);
  let cluster: ClusterNode | undefined;
  if (config.redisUrl) {
    try {
      cluster = await ClusterNode.open({
        url: config.redisUrl,
        ...(config.nodeId ? { nodeId: config.nodeId } : {}),
        leaseMs: config.nodeLeaseMs,
        checkMs: config.clusterCheckMs,
        ttlMs: config.sessionTtlMs,
        log,
      });
    } catch (err) {
      // Redis unreachable at start: one line, like the SQLite open errors.
      if (!(err instanceof ClusterOpenError)) throw err;
      // deno-lint-ignore no-console
      console.error(`parley: ${err.message}`);
      Deno.exit(1);
    }
    // Every line of a clustered node names it.
    const base = log;
    const nodeId = cluster.nodeId;
    log = {
      debug: (m, f) => base.debug(m, { nodeId, ...f }),
      info: (m, f) => base.info(m, { nodeId, ...f }),
      warn: (m, f) => base.warn(m, { nodeId, ...f }),
      error: (m, f) => base.error(m, { nodeId, ...f }),
    };
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
