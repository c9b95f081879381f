/**
 * Starts a real Parley server on a free loopback port for a test, and stops it when the
 * test's `await using` scope ends.
 *
 * @module
 */
import { type Config, DEFAULTS } from "../server/config.ts";
import { createLogger, type Logger } from "../server/log.ts";
import { createParley, type Parley, type ParleyOptions } from "../server/mod.ts";
import { createStaticHandler } from "../server/static.ts";

/** A server started for one test. */
export interface TestServer extends AsyncDisposable {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  parley: Parley;
  /** `ws://127.0.0.1:PORT/ws/{clientId}` */
  wsUrl(clientId: string): string;
  /** Log lines written so far, parsed. */
  logs: Record<string, unknown>[];
}

/** Starts a server with test-friendly defaults (port 0, logs captured, not printed). */
export async function startTestServer(
  overrides: Partial<Config> = {},
  options: ParleyOptions & { printLogs?: boolean } = {},
): Promise<TestServer> {
  const config: Config = { ...DEFAULTS, port: 0, logLevel: "debug", db: ":memory:", ...overrides };
  const logs: Record<string, unknown>[] = [];
  const log: Logger = createLogger(config.logLevel, (line) => {
    logs.push(JSON.parse(line));
    // deno-lint-ignore no-console
    if (options.printLogs) console.error(line);
  });
  const parley = createParley(config, {
    log,
    staticHandler: createStaticHandler({ corsOrigins: config.corsOrigins }),
    ...options,
  });
  const abort = new AbortController();
  const { promise: listening, resolve } = Promise.withResolvers<Deno.NetAddr>();
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, signal: abort.signal, onListen: resolve },
    parley.handler,
  );
  const addr = await listening;
  const url = `http://127.0.0.1:${addr.port}`;
  return {
    url,
    port: addr.port,
    parley,
    logs,
    wsUrl: (clientId) => `ws://127.0.0.1:${addr.port}/ws/${encodeURIComponent(clientId)}`,
    async [Symbol.asyncDispose]() {
      await parley.shutdown();
      abort.abort();
      await server.finished;
    },
  };
}
