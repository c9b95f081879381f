/**
 * `Deno.serve` that survives its accept loop. When the process runs out of file
 * descriptors, Deno 2.9's accept loop fails with `Too many open files (os error 24)`: the
 * `finished` promise rejects and the listener is closed, and unhandled, the rejection ends
 * the process. Here it is logged and the server listens again on the same port after a
 * short, growing pause; connections already open (WebSockets included) carry on.
 *
 * @module
 */
import { errorFields, type Logger } from "./log.ts";

/** Options of {@link serveResilient}. */
export interface ResilientServeOptions {
  hostname: string;
  port: number;
  signal: AbortSignal;
  log: Logger;
  onListen?: (addr: Deno.NetAddr) => void;
  /**
   * Share the port with other processes (`SO_REUSEPORT`; `PARLEY_PROCESSES`). Needs
   * `--unstable-net` in Deno 2.9: check before, as without it the process exits on listen.
   */
  reusePort?: boolean;
  /** First pause before listening again, in ms (doubles up to `maxBackoffMs`). */
  backoffMs?: number;
  maxBackoffMs?: number;
}

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });

/**
 * Serves `handler` until `signal` aborts, listening again whenever the accept loop fails.
 * Resolves once the server has stopped.
 */
export async function serveResilient(
  opts: ResilientServeOptions,
  handler: (req: Request, info: Deno.ServeHandlerInfo) => Response | Promise<Response>,
): Promise<void> {
  const { log, signal } = opts;
  let port = opts.port;
  let backoff = opts.backoffMs ?? 100;
  const maxBackoff = opts.maxBackoffMs ?? 5_000;
  let first = true;
  while (!signal.aborted) {
    let server: Deno.HttpServer;
    try {
      server = Deno.serve({
        hostname: opts.hostname,
        port,
        signal,
        ...(opts.reusePort ? { reusePort: true } : {}),
        onListen: (addr) => {
          port = addr.port; // listen again on the same port, even when 0 was asked for
          if (first) opts.onListen?.(addr);
          else log.warn("listening again", { port });
          first = false;
        },
        onError: (err) => {
          log.error("request failed", errorFields(err));
          return new Response("Internal server error\n", { status: 500 });
        },
      }, handler);
    } catch (err) {
      if (first) throw err; // a bad address or a port in use at start: the caller says so
      log.error("listen failed; trying again", { port, backoffMs: backoff, ...errorFields(err) });
      await pause(backoff, signal);
      backoff = Math.min(backoff * 2, maxBackoff);
      continue;
    }
    try {
      await server.finished;
      return;
    } catch (err) {
      log.error("accept loop failed; listening again", {
        port,
        backoffMs: backoff,
        ...errorFields(err),
      });
      await pause(backoff, signal);
      backoff = Math.min(backoff * 2, maxBackoff);
    }
  }
}
