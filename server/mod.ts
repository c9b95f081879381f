/**
 * The Parley server as a pure handler: `createParley(config)` returns the function
 * `Deno.serve` calls, plus `shutdown()`. Routes: `GET /healthz`, `GET /protocol.json`,
 * `GET /ws/{clientId}` (WebSocket), and static files for everything else.
 *
 * @module
 */
import { protocolJsonSchema } from "../protocol/mod.js";
import { type Agent, type Engine, runPipeline } from "../agents/mod.ts";
import type { Config } from "./config.ts";
import { createLogger, errorFields, type Logger } from "./log.ts";
import { type PipelineFactory, Session } from "./session.ts";
import { createEngine } from "./engine.ts";

/** What `createParley` may be given besides the config (tests inject these). */
export interface ParleyOptions {
  log?: Logger;
  /** The engine (default from `config.model`). */
  engine?: Engine;
  /** Analysts to run instead of the default four. */
  analysts?: readonly Agent[];
  /** Serves static files; returns `null` for paths it does not serve. */
  staticHandler?: (req: Request) => Promise<Response | null>;
}

/** A running Parley: the request handler and a way to stop it cleanly. */
export interface Parley {
  handler: (req: Request, info?: Deno.ServeHandlerInfo) => Promise<Response>;
  /** Number of live sessions. */
  readonly sessionCount: number;
  /** Closes every session and socket. */
  shutdown(): Promise<void>;
}

/** WebSocket close codes Parley uses (4000–4999 are for applications). */
export const CLOSE = {
  /** The server is shutting down. */
  goingAway: 1001,
  /** Too many sessions, or the client cannot keep up: try again later. */
  tryAgain: 1013,
  /** Another connection holds this client id. */
  clientIdInUse: 4409,
} as const;

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

/**
 * Builds the handler.
 *
 * @example
 * ```ts
 * const parley = createParley(loadConfig([], (k) => Deno.env.get(k)));
 * Deno.serve({ port: 8000 }, parley.handler);
 * ```
 */
export function createParley(config: Config, options: ParleyOptions = {}): Parley {
  const log = options.log ?? createLogger(config.logLevel);
  const engine = options.engine ?? createEngine(config);
  const sessions = new Map<string, { session: Session; socket: WebSocket }>();
  const protocolJson = JSON.stringify(protocolJsonSchema(), null, 2);
  const pipeline: PipelineFactory = (signal, onAgentError) =>
    runPipeline({
      engine,
      signal,
      onAgentError,
      maxRounds: config.maxRounds,
      maxQuestionsPerRound: config.maxQuestionsPerRound,
      ...(options.analysts ? { analysts: options.analysts } : {}),
    });

  const cors = (req: Request, headers: Headers) => {
    const origin = req.headers.get("origin");
    if (origin && originAllowed(origin, req.headers.get("host"), config.corsOrigins)) {
      headers.set("access-control-allow-origin", config.corsOrigins === "*" ? "*" : origin);
      headers.append("vary", "Origin");
    }
    return headers;
  };
  const json = (req: Request, body: string, status = 200) =>
    new Response(body, {
      status,
      headers: cors(req, new Headers({ "content-type": "application/json; charset=utf-8" })),
    });

  function refuse(
    socket: WebSocket,
    code: number,
    reason: string,
    message: string,
    errCode: string,
  ) {
    socket.onopen = () => {
      const frame = { type: "error", data: { message, code: errCode }, seq: 1, ts: Date.now() };
      socket.send(JSON.stringify(frame));
      socket.close(code, reason);
    };
  }

  function openSocket(req: Request, clientId: string): Response {
    const { socket, response } = Deno.upgradeWebSocket(req);
    if (sessions.has(clientId)) {
      log.info("connection refused: client id in use", { clientId });
      refuse(
        socket,
        CLOSE.clientIdInUse,
        "Client id in use",
        `Client id ${clientId} already has a live connection: close it or use another id`,
        "client_id_in_use",
      );
      return response;
    }
    if (sessions.size >= config.maxSessions) {
      log.warn("connection refused: session limit reached", { max: config.maxSessions });
      refuse(
        socket,
        CLOSE.tryAgain,
        "Server busy",
        `The server has reached its limit of ${config.maxSessions} sessions: try again later`,
        "server_busy",
      );
      return response;
    }
    const session = new Session({ clientId, pipeline, log, maxFrameBytes: config.maxFrameBytes });
    const entry = { session, socket };
    sessions.set(clientId, entry);
    const queue: string[] = [];
    session.attach({
      send(_frame, text) {
        if (socket.readyState === WebSocket.CONNECTING) return void queue.push(text);
        if (socket.readyState !== WebSocket.OPEN) return;
        if (socket.bufferedAmount > config.maxBufferedBytes) {
          log.warn("dropping slow client", { clientId, buffered: socket.bufferedAmount });
          socket.close(CLOSE.tryAgain, "Client too slow");
          return;
        }
        socket.send(text);
      },
    });
    socket.onopen = () => {
      log.info("connected", { clientId });
      for (const text of queue.splice(0)) socket.send(text);
    };
    socket.onmessage = (e) => {
      if (typeof e.data !== "string") {
        return session.inputError(
          "binary_frame",
          'Binary frames are not supported: send JSON text such as {"answer": "..."}',
        );
      }
      session.receive(e.data);
    };
    socket.onclose = (e) => {
      log.info("disconnected", { clientId, code: e.code, seq: session.seq });
      session.close();
      if (sessions.get(clientId) === entry) sessions.delete(clientId);
    };
    socket.onerror = (e) => {
      log.debug("socket error", { clientId, message: (e as ErrorEvent).message });
    };
    return response;
  }

  async function handler(req: Request): Promise<Response> {
    const url = new URL(req.url);
    const path = url.pathname;
    try {
      if (req.method === "OPTIONS") {
        const headers = cors(req, new Headers());
        headers.set("access-control-allow-methods", "GET, HEAD, OPTIONS");
        headers.set("access-control-allow-headers", "content-type, if-none-match");
        headers.set("access-control-max-age", "600");
        return new Response(null, { status: 204, headers });
      }
      if (path.startsWith("/ws/")) {
        const clientId = decodeURIComponent(path.slice(4));
        if (!CLIENT_ID.test(clientId)) {
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
          log.warn("websocket origin refused", { origin, clientId });
          return new Response(`Origin not allowed: ${origin}; add it to CORS_ORIGINS\n`, {
            status: 403,
          });
        }
        return openSocket(req, clientId);
      }
      if (req.method !== "GET" && req.method !== "HEAD") {
        return new Response("Method not allowed\n", {
          status: 405,
          headers: { allow: "GET, HEAD" },
        });
      }
      if (path === "/healthz") {
        return json(
          req,
          JSON.stringify({ status: "ok", sessions: sessions.size, engine: engine.name }),
        );
      }
      if (path === "/protocol.json") return json(req, protocolJson);
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
    get sessionCount() {
      return sessions.size;
    },
    async shutdown() {
      const all = [...sessions.values()];
      sessions.clear();
      for (const { session, socket } of all) {
        session.close();
        try {
          socket.close(CLOSE.goingAway, "Server shutting down");
        } catch { /* already closed */ }
      }
      await Promise.allSettled(all.map(({ session }) => session.finished));
    },
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
