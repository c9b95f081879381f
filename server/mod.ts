/**
 * The Parley server as a pure handler: `createParley(config)` returns the function
 * `Deno.serve` calls, plus `shutdown()`. Routes: `GET /healthz`, `GET /protocol.json`,
 * `GET /ws/{clientId}` (WebSocket; `?resume=1` to resume with a token),
 * `GET /metrics` (Prometheus text; `PARLEY_METRICS=off` turns it off),
 * `GET /sessions/{id}` and `/sessions/{id}/brief.md` (with the token), the versions of the
 * brief at `/sessions/{id}/versions/{n}` (JSON) and `.../versions/{n}/brief.md`, and static files
 * for everything else.
 *
 * @module
 */
import { protocolJsonSchema } from "../protocol/mod.js";
import type { Agent, Engine } from "../agents/mod.ts";
import type { Config } from "./config.ts";
import { createLogger, errorFields, type Logger } from "./log.ts";
import { BadTokenError, BusyError, SessionRegistry } from "./sessions.ts";
import { ClientLink, CLOSE, describeLinkMetrics } from "./link.ts";
import { CLOSE_CODES } from "../protocol/errors.js";
import { describeStoreMetrics, MemoryStore, type SessionStore, type StoredFrame } from "./store.ts";
import { SqliteStore } from "./sqlite_store.ts";
import { OfflineEngine } from "../agents/offline/mod.ts";
import { AddressLimits, connectionCap, readFdLimit } from "./limits.ts";
import { describeSendMetrics, SocketSender } from "./socket_sender.ts";
import { createMetrics, type Metrics, NO_METRICS } from "./metrics.ts";
import { meterEngine } from "./metered_engine.ts";
import { readVersions, versionList } from "./versions.ts";
import type { ClusterNode } from "./cluster.ts";

/** What `createParley` may be given besides the config (tests inject these). */
export interface ParleyOptions {
  log?: Logger;
  /** The engine: from `await createEngine(config)`; the offline engine when absent. */
  engine?: Engine;
  /** Analysts to run instead of the default four. */
  analysts?: readonly Agent[];
  /** Serves static files; returns `null` for paths it does not serve. */
  staticHandler?: (req: Request) => Promise<Response | null>;
  /** The session store (default from `config.db`). */
  store?: SessionStore;
  /** The process's file-descriptor limit (default: read from `/proc/self/limits`). */
  fdLimit?: number;
  /**
   * What `GET /metrics` reports; every part of the server counts into it. Default: a new
   * `createMetrics()`, or `NO_METRICS` with `config.metrics` off.
   */
  metrics?: Metrics;
  /**
   * Cluster mode: this node, from `await ClusterNode.open(...)` (`PARLEY_REDIS_URL`); its
   * Redis store is the session store. `shutdown()` stops the node (releasing its lease).
   */
  cluster?: ClusterNode;
}

/** A running Parley: the request handler and a way to stop it cleanly. */
export interface Parley {
  handler: (req: Request, info?: Deno.ServeHandlerInfo) => Promise<Response>;
  /** Number of sessions in memory. */
  readonly sessionCount: number;
  /** The sessions, for tests and operators. */
  readonly registry: SessionRegistry;
  /** Open WebSocket connections, and the most there may be. */
  readonly connections: { open: number; max: number };
  /** What `GET /metrics` reports. */
  readonly metrics: Metrics;
  /**
   * Closes every socket and suspends every session: unfinished ones stay resumable in the
   * store, so a restarted server carries them on. Then closes the store.
   */
  shutdown(): Promise<void>;
}

export { CLOSE, RESUME_TIMEOUT_MS } from "./link.ts";

const CLIENT_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/** Whether a browser page on `origin` may use this server. No Origin: not a browser. */
export function originAllowed(
  origin: string | null,
  host: string | null,
  allowed: readonly string[] | "*",
): boolean {
  if (origin === null || allowed === "*") return true;
  if (allowed.includes(origin)) return true;
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Opens the store `config.db` names: `:memory:` or a SQLite file path. */
export function openStore(db: string, log: Logger, metrics: Metrics = NO_METRICS): SessionStore {
  if (db === ":memory:") return new MemoryStore();
  return new SqliteStore(db, (error, write) => {
    log.error("store write failed", { write, ...errorFields(error) });
  }, { metrics });
}

/** The content type of Prometheus' text exposition format. */
export const METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

/**
 * Builds the handler.
 *
 * @example
 * ```ts
 * import { createParley } from "./mod.ts";
 * import { DEFAULTS } from "./config.ts";
 *
 * const parley = createParley({ ...DEFAULTS, db: ":memory:", logLevel: "silent" });
 * const server = Deno.serve({ port: 0, onListen() {} }, parley.handler);
 * // … serve until it is time to stop, then:
 * await parley.shutdown();
 * await server.shutdown();
 * ```
 */
export function createParley(config: Config, options: ParleyOptions = {}): Parley {
  const log = options.log ?? createLogger(config.logLevel);
  if (!options.engine && config.model !== "offline") {
    throw new TypeError(
      `createParley needs options.engine for PARLEY_MODEL=${config.model}: pass await createEngine(config)`,
    );
  }
  const metrics = options.metrics ?? (config.metrics ? createMetrics() : NO_METRICS);
  describeSendMetrics(metrics);
  describeStoreMetrics(metrics);
  describeLinkMetrics(metrics);
  const engine = meterEngine(options.engine ?? new OfflineEngine(), metrics);
  const cluster = options.cluster;
  if (!cluster && !options.store && config.redisUrl) {
    throw new TypeError(
      "createParley needs options.cluster for PARLEY_REDIS_URL: pass await ClusterNode.open(...)",
    );
  }
  const store = options.store ?? cluster?.store ?? openStore(config.db, log, metrics);
  const registry = new SessionRegistry({
    store,
    engine,
    log,
    ...(options.analysts ? { analysts: options.analysts } : {}),
    maxSessions: config.maxSessions,
    maxFrames: config.maxFramesPerSession,
    maxPendingWrites: config.maxPendingWrites,
    graceMs: config.graceMs,
    ttlMs: config.sessionTtlMs,
    maxRounds: config.maxRounds,
    maxQuestionsPerRound: config.maxQuestionsPerRound,
    review: config.review,
    maxFrameBytes: config.maxFrameBytes,
    ...(cluster ? { cluster } : {}),
  });
  const sockets = new Set<WebSocket>();
  const fdLimit = options.fdLimit ?? readFdLimit();
  const maxConnections = connectionCap(config.maxConnections, fdLimit);
  log.info("connection limits", {
    fdLimit: fdLimit ?? null,
    maxConnections,
    perAddress: config.maxConnectionsPerAddress,
    sessionsPerMinutePerAddress: config.maxSessionsPerMinutePerAddress,
    loopbackLimited: config.limitLoopback,
  });
  if (config.maxConnections > maxConnections) {
    log.warn("PARLEY_MAX_CONNECTIONS lowered to fit the file-descriptor limit", {
      configured: config.maxConnections,
      fdLimit,
      maxConnections,
    });
  }
  const perAddress = new AddressLimits({
    maxConnections: config.maxConnectionsPerAddress,
    maxSessionsPerMinute: config.maxSessionsPerMinutePerAddress,
    limitLoopback: config.limitLoopback,
  });
  /** Upgraded sockets not closed yet (some may not be open yet). */
  let openConnections = 0;
  metrics.gauge("parley_connections", "Open WebSocket connections.", () => openConnections);
  metrics.gauge(
    "parley_sessions_in_memory",
    "Sessions held in this process's memory (running, waiting for an answer, or just finished).",
    () => registry.size,
  );
  metrics.gauge(
    "parley_sessions_running",
    "Sessions whose conversation is live in this process (what PARLEY_MAX_SESSIONS counts).",
    () => registry.running,
  );
  metrics.gauge(
    "parley_store_pending_writes",
    "Store writes queued and not yet durable.",
    () => store.pendingWrites,
  );
  metrics.gauge(
    "parley_store_up",
    "1 while the store takes writes, 0 while they are failing (and kept to retry).",
    () => (store.failure === undefined ? 1 : 0),
  );
  const refused = (reason: string) => metrics.inc("parley_connections_refused_total", { reason });
  const protocolJson = JSON.stringify(protocolJsonSchema(), null, 2);
  registry.sweep(); // never rejects; batched, so start-up is not held up
  const sweeper = setInterval(() => registry.sweep(), config.sweepMs);
  Deno.unrefTimer(sweeper);

  const cors = (req: Request, headers: Headers) => {
    const origin = req.headers.get("origin");
    if (origin && originAllowed(origin, req.headers.get("host"), config.corsOrigins)) {
      headers.set("access-control-allow-origin", config.corsOrigins === "*" ? "*" : origin);
      headers.append("vary", "Origin");
    }
    return headers;
  };
  // Session resources hold a person's words and a token may be in the URL: no cache
  // keeps them, and no Referer carries the URL elsewhere.
  const PRIVATE = { "cache-control": "no-store", "referrer-policy": "no-referrer" };
  const json = (req: Request, body: string, status = 200, extra: Record<string, string> = {}) =>
    new Response(body, {
      status,
      headers: cors(
        req,
        new Headers({ "content-type": "application/json; charset=utf-8", ...extra }),
      ),
    });
  const text = (req: Request, body: string, status: number, type = "text/plain") =>
    new Response(body, {
      status,
      headers: cors(req, new Headers({ "content-type": `${type}; charset=utf-8`, ...PRIVATE })),
    });

  /** A refusal before the upgrade: plain text naming the limit, never a stack. */
  const refuse = (status: number, code: string, message: string, retryAfter?: number) =>
    new Response(`${code}: ${message}\n`, {
      status,
      headers: {
        "content-type": "text/plain; charset=utf-8",
        ...(retryAfter ? { "retry-after": String(retryAfter) } : {}),
      },
    });

  function openSocket(
    req: Request,
    clientId: string,
    resume: boolean,
    address: string | undefined,
  ): Response {
    if (openConnections >= maxConnections) {
      refused("server_full");
      log.warn("connection refused: server full", { clientId, maxConnections });
      return refuse(
        503,
        "server_busy",
        `The server has reached its limit of ${maxConnections} connections: try again later`,
        5,
      );
    }
    const tooMany = perAddress.open(address);
    if (tooMany) {
      refused("address_limit");
      log.warn("connection refused: address limit", { clientId, address });
      return refuse(429, "too_many_connections", tooMany, 10);
    }
    const tooFast = resume ? undefined : perAddress.newSession(address);
    if (tooFast) {
      refused("session_rate");
      perAddress.close(address);
      log.warn("connection refused: session rate", { clientId, address });
      return refuse(429, "too_many_connections", tooFast, 60);
    }
    let upgraded;
    try {
      // idleTimeout is Deno's own keepalive: a ping after heartbeatMs of silence, and a
      // close (1001, "No response from ping frame.") after as long again with no pong.
      upgraded = Deno.upgradeWebSocket(req, { idleTimeout: (config.heartbeatMs * 2) / 1000 });
    } catch (err) {
      refused("bad_upgrade");
      perAddress.close(address);
      log.info("websocket upgrade refused", { clientId, ...errorFields(err) });
      return new Response("Bad WebSocket upgrade request\n", { status: 400 });
    }
    const { socket, response } = upgraded;
    openConnections++;
    let counted = true;
    const release = () => {
      if (!counted) return;
      counted = false;
      openConnections--;
      perAddress.close(address);
    };
    const sender = new SocketSender(socket, {
      metrics,
      highWaterBytes: config.maxBufferedBytes,
      slowMs: config.slowClientMs,
      onSlow: (waited, queued) => {
        log.warn("client too slow", { clientId, waited, queued, buffered: socket.bufferedAmount });
        try {
          socket.send(JSON.stringify({
            type: "error",
            data: {
              code: "client_too_slow",
              message: `The client read nothing for ${waited} ms: reconnect and resume`,
            },
            ts: Date.now(),
          }));
          socket.close(CLOSE_CODES.tryAgain, "client_too_slow");
        } catch { /* already closed */ }
      },
    });
    const link = new ClientLink({
      registry,
      clientId,
      resume,
      maxFrameBytes: config.maxFrameBytes,
      log,
      resumeTimeoutMs: config.resumeTimeoutMs,
      maxBadFramesPerSecond: config.maxBadFramesPerSecond,
      heartbeatTimeoutMs: config.heartbeatMs * 2 - 250,
      admitSession: () => perAddress.newSession(address),
      metrics,
      io: {
        send: (text) => sender.send(text),
        close: (code, reason) => {
          try {
            socket.close(code, reason);
          } catch { /* already closed */ }
          // Deno waits for the peer's close frame with no time limit, and a frozen peer
          // never sends one: past a short grace, the connection is let go of here (its
          // descriptor stays with Deno until TCP gives up; docs/websocket-limits.md).
          const t = setTimeout(() => {
            if (finished) return;
            log.warn("close handshake timed out", { clientId, code });
            finish(code);
          }, Math.min(5_000, config.heartbeatMs));
          Deno.unrefTimer(t);
        },
      },
    });
    socket.onopen = () => {
      sockets.add(socket);
      link.open();
    };
    socket.onmessage = (e) => link.message(e.data);
    let finished = false;
    const finish = (code: number) => {
      finished = true;
      release();
      sender.close();
      sockets.delete(socket);
      link.closed(code);
    };
    socket.onclose = (e) => {
      if (finished) return;
      if (e.code === 1001 && e.reason === "No response from ping frame.") {
        log.warn("heartbeat timeout", { clientId, sessionId: link.session?.id, code: e.code });
      }
      finish(e.code);
    };
    socket.onerror = (e) => {
      log.debug("socket error", { clientId, message: (e as ErrorEvent).message });
    };
    return response;
  }

  /**
   * `GET /sessions/{id}`, `/sessions/{id}/brief.md`, `/sessions/{id}/versions/{n}` and
   * `/sessions/{id}/versions/{n}/brief.md`, with the token.
   */
  async function sessionResource(
    req: Request,
    url: URL,
    id: string,
    brief: boolean,
    version?: number,
  ): Promise<Response> {
    const auth = req.headers.get("authorization");
    const token = auth?.startsWith("Bearer ") ? auth.slice(7) : url.searchParams.get("token");
    let snapshot;
    try {
      if (!token) throw new BadTokenError();
      snapshot = await registry.authorize(id, token);
    } catch (err) {
      if (err instanceof BusyError) {
        return refuse(503, err.code, err.message, 5);
      }
      return text(req, "Session not found or the token does not match\n", 404);
    }
    const { record, frames } = snapshot;
    const versions = readVersions(frames);
    if (version !== undefined) {
      const v = versions.find((v) => v.version === version);
      if (!v) {
        return text(
          req,
          `No version ${version} of this brief: there ${
            versions.length === 1 ? "is 1 version" : `are ${versions.length} versions`
          }\n`,
          404,
        );
      }
      if (brief) return text(req, v.summary, 200, "text/markdown");
      return json(
        req,
        JSON.stringify({
          sessionId: record.id,
          version: v.version,
          at: new Date(v.ts).toISOString(),
          summary: v.summary,
          brief: v.brief,
          changes: v.changes ?? null,
        }),
      );
    }
    const view = readSession(frames);
    if (brief) {
      if (view.summary === undefined) {
        return text(req, `The brief is not ready: the conversation is ${record.state}\n`, 409);
      }
      return text(req, view.summary, 200, "text/markdown");
    }
    return json(
      req,
      JSON.stringify({
        sessionId: record.id,
        clientId: record.clientId,
        state: record.state,
        createdAt: new Date(record.createdAt).toISOString(),
        updatedAt: new Date(record.updatedAt).toISOString(),
        frames: view.frames,
        transcript: view.transcript,
        summary: view.summary ?? null,
        brief: view.brief ?? null,
        version: versions.at(-1)?.version ?? null,
        versions: versionList(versions),
      }),
      200,
      PRIVATE,
    );
  }

  async function handler(req: Request, info?: Deno.ServeHandlerInfo): Promise<Response> {
    const url = new URL(req.url);
    const path = url.pathname;
    if (!hostAllowed(url.hostname, config.allowedHosts)) {
      refused("host");
      log.warn("host refused", { host: url.host, path });
      return refuse(
        421,
        "unknown_host",
        `This server does not answer to ${url.hostname}: add it to PARLEY_ALLOWED_HOSTS`,
      );
    }
    try {
      if (req.method === "OPTIONS") {
        const headers = cors(req, new Headers());
        headers.set("access-control-allow-methods", "GET, HEAD, OPTIONS");
        headers.set("access-control-allow-headers", "authorization, content-type, if-none-match");
        headers.set("access-control-max-age", "600");
        return new Response(null, { status: 204, headers });
      }
      if (path.startsWith("/ws/")) {
        const clientId = safeDecode(path.slice(4));
        if (clientId === undefined || !CLIENT_ID.test(clientId)) {
          return new Response(
            "Invalid client id: use 1 to 128 letters, digits or . _ : -\n",
            { status: 400 },
          );
        }
        if (req.headers.get("upgrade")?.toLowerCase() !== "websocket") {
          return new Response("This is a WebSocket endpoint: connect with ws://\n", {
            status: 426,
            headers: { upgrade: "websocket" },
          });
        }
        const origin = req.headers.get("origin");
        if (!originAllowed(origin, req.headers.get("host"), config.corsOrigins)) {
          refused("origin");
          log.warn("websocket origin refused", { origin, clientId });
          return new Response(`Origin not allowed: ${origin}; add it to CORS_ORIGINS\n`, {
            status: 403,
          });
        }
        const address = (info?.remoteAddr as Deno.NetAddr | undefined)?.hostname;
        return openSocket(req, clientId, url.searchParams.get("resume") === "1", address);
      }
      if (req.method !== "GET" && req.method !== "HEAD") {
        return new Response("Method not allowed\n", {
          status: 405,
          headers: { allow: "GET, HEAD" },
        });
      }
      if (path === "/healthz") {
        // While the store is failing: 503, so a load balancer stops sending new sessions.
        const failure = store.failure;
        return json(
          req,
          JSON.stringify({
            status: failure === undefined ? "ok" : "failing",
            ok: failure === undefined,
            sessions: registry.size,
            engine: engine.name,
            store: store.kind,
            storeReachable: failure === undefined,
            ...(config.nodeId === undefined ? {} : { nodeId: config.nodeId }),
            ...(failure === undefined
              ? {}
              : { storeError: failure, pendingWrites: store.pendingWrites }),
          }),
          failure === undefined ? 200 : 503,
          { "cache-control": "no-store" },
        );
      }
      if (path === "/metrics" && config.metrics) {
        // Counts only, no session ids or words (docs/operations.md); never cached.
        return new Response(req.method === "HEAD" ? null : metrics.render(), {
          headers: { "content-type": METRICS_CONTENT_TYPE, "cache-control": "no-store" },
        });
      }
      if (path === "/protocol.json") return json(req, protocolJson);
      const m =
        /^\/sessions\/([A-Za-z0-9_-]{1,64})(?:\/versions\/([1-9][0-9]{0,5}))?(\/brief\.md)?$/
          .exec(path);
      if (m) {
        const version = m[2] === undefined ? undefined : Number(m[2]);
        return await sessionResource(req, url, m[1]!, m[3] !== undefined, version);
      }
      const res = await options.staticHandler?.(req);
      if (res) return res;
      if (path === "/") return placeholderPage();
      return new Response("Not found\n", { status: 404 });
    } catch (err) {
      log.error("request failed", { path, ...errorFields(err) });
      return new Response("Internal server error\n", { status: 500 });
    }
  }

  return {
    handler,
    registry,
    metrics,
    get sessionCount() {
      return registry.size;
    },
    get connections() {
      return { open: openConnections, max: maxConnections };
    },
    async shutdown() {
      clearInterval(sweeper);
      await registry.shutdown();
      for (const socket of sockets) {
        try {
          socket.close(CLOSE.goingAway, "Server shutting down");
        } catch { /* already closed */ }
      }
      sockets.clear();
      if (cluster) await cluster.stop();
      else await store.close();
    },
  };
}

/** `decodeURIComponent` that answers `undefined` for a malformed escape (`%E0%A4%A`). */
function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** Whether `hostname` (from the Host header, as in the request URL) is one we answer to. */
export function hostAllowed(hostname: string, allowed: readonly string[] | "*"): boolean {
  return allowed === "*" || allowed.includes(hostname.toLowerCase());
}

/** What a stored conversation says, read back from its frames. */
export function readSession(frames: readonly StoredFrame[]): {
  frames: number;
  transcript: { id: string; question: string; answer: string | null }[];
  summary?: string;
  brief?: unknown;
} {
  const transcript: { id: string; question: string; answer: string | null }[] = [];
  const byId = new Map<string, { id: string; question: string; answer: string | null }>();
  let summary: string | undefined;
  let brief: unknown;
  for (const f of frames) {
    const frame = JSON.parse(f.text) as { type: string; data: Record<string, unknown> };
    if (frame.type === "question") {
      const qa = { id: String(frame.data.id), question: String(frame.data.question), answer: null };
      transcript.push(qa);
      byId.set(qa.id, qa);
    } else if (frame.type === "answered" || frame.type === "edited") {
      const qa = byId.get(String(frame.data.questionId));
      // `finish` withdrew the question: it was never answered, so it leaves the transcript.
      if (qa && frame.data.finish === true) transcript.splice(transcript.indexOf(qa), 1);
      else if (qa) qa.answer = String(frame.data.answer);
    } else if (frame.type === "complete") {
      summary = String(frame.data.summary);
      brief = frame.data.brief;
    }
  }
  return {
    frames: frames.length,
    transcript,
    ...(summary === undefined ? {} : { summary }),
    ...(brief === undefined ? {} : { brief }),
  };
}

function placeholderPage(): Response {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Parley</title>
<body style="font:16px/1.5 system-ui;max-width:40rem;margin:3rem auto;padding:0 1rem">
<h1>Parley</h1><p>The Parley server is running. Connect a WebSocket to
<code>/ws/{clientId}</code> and answer each <code>question</code> frame with
<code>{"answer": "..."}</code>. The protocol's JSON Schema is at
<a href="/protocol.json">/protocol.json</a>; health at <a href="/healthz">/healthz</a>.</p>`;
  return new Response(html, { headers: { "content-type": "text/html; charset=utf-8" } });
}
