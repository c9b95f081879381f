/**
 * Configuration from flags and the environment, validated once at start-up. Every limit
 * has a documented default (README, "Configuration").
 *
 * @module
 */
import { parseArgs } from "node:util";
import { MAX_CLIENT_FRAME_BYTES } from "../protocol/mod.js";

/** Log levels, least to most severe; `silent` logs nothing. */
export const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
/** A log level. */
export type LogLevel = typeof LOG_LEVELS[number];

/** The server's configuration. */
export interface Config {
  host: string;
  port: number;
  logLevel: LogLevel;
  /** Origins allowed for CORS and WebSocket upgrades, or `"*"` for any. */
  corsOrigins: readonly string[] | "*";
  /** Largest client frame accepted, in bytes. */
  maxFrameBytes: number;
  /** Most sessions live at once; further connections are refused with `server_busy`. */
  maxSessions: number;
  /**
   * Bytes a socket may have buffered before further frames wait in its queue for it to
   * drain (`PARLEY_MAX_BUFFERED_BYTES`); a slow reader waits, it is not dropped.
   */
  maxBufferedBytes: number;
  /** How long frames may wait for a client that reads nothing before it is closed, in ms. */
  slowClientMs: number;
  /**
   * Most WebSocket connections at once; 0 (default) means automatic. Never above the
   * process's file-descriptor limit less 64, which the server reads at start.
   */
  maxConnections: number;
  /** Most open WebSocket connections from one client address. */
  maxConnectionsPerAddress: number;
  /** Most new sessions one client address may start per minute. */
  maxSessionsPerMinutePerAddress: number;
  /** Apply the per-address caps to loopback clients too (off: tests and local use). */
  limitLoopback: boolean;
  /**
   * Host names the server answers to (`PARLEY_ALLOWED_HOSTS`, comma-separated, or `*`);
   * others get 421, which stops DNS rebinding. Default: the loopback names when bound to
   * a loopback address, any host otherwise.
   */
  allowedHosts: readonly string[] | "*";
  /**
   * The heartbeat: a socket silent for this long is pinged; one that stays silent as long
   * again is closed (`PARLEY_HEARTBEAT_MS`).
   */
  heartbeatMs: number;
  /** How long a link opened to resume may take to send its resume frame, in ms. */
  resumeTimeoutMs: number;
  /** Most bad frames one connection may send in a second before it is closed with 1008. */
  maxBadFramesPerSecond: number;
  /** The session store: a SQLite file path, or `:memory:` (lost on restart). */
  db: string;
  /**
   * Cluster mode: the Redis URL (`PARLEY_REDIS_URL`, e.g. `redis://127.0.0.1:6379`); when
   * set, sessions live in Redis and every node on it serves every session.
   */
  redisUrl?: string;
  /** A node's liveness lease, renewed every third of it, in ms (`PARLEY_NODE_LEASE_MS`). */
  nodeLeaseMs: number;
  /** How often followers re-read the log and check the owner's lease, in ms. */
  clusterCheckMs: number;
  /** Most frames one session may hold; at the limit the conversation is stopped. */
  maxFramesPerSession: number;
  /** Most store writes pending before new sessions are refused with `server_busy`. */
  maxPendingWrites: number;
  /** How long an unfinished conversation keeps running with no client connected, in ms. */
  graceMs: number;
  /** How long a session is kept after its last activity, in ms; then the sweep deletes it. */
  sessionTtlMs: number;
  /** How often the sweep runs, in ms. */
  sweepMs: number;
  /** Most clarifier rounds. */
  maxRounds: number;
  /** Most questions per clarifier round. */
  maxQuestionsPerRound: number;
  /**
   * The engine: `offline` (default), or `provider:model` with provider `openai`,
   * `anthropic`, `ollama` or `openai-compatible` (e.g. `ollama:llama3.2`).
   */
  model: string;
  /** Base URL of the model API (`PARLEY_BASE_URL`); default per provider. */
  baseUrl?: string;
  /**
   * API key (`PARLEY_API_KEY`, else `OPENAI_API_KEY` for `openai` and `ANTHROPIC_API_KEY`
   * for `anthropic`; never another provider's key, so it is not sent to a third party).
   */
  apiKey?: string;
  /** Most time one model call may take, retries included, in milliseconds. */
  modelTimeoutMs: number;
  /** Retries of a model call that failed with 408, 409, 429 or 5xx (honours Retry-After). */
  modelRetries: number;
  /** Most analysts that run at once on a model (the offline engine runs one at a time). */
  modelConcurrency: number;
  /**
   * Ask the model for JSON that fills the schema (`json_schema`) rather than any JSON
   * (`json_object`): `PARLEY_STRUCTURED_OUTPUTS=on|off`; unset, the provider decides (on
   * for OpenAI, Anthropic and Ollama, off for `openai-compatible`).
   */
  modelStructuredOutputs?: boolean;
  /**
   * Ask the person to review what was understood before the analysts run
   * (`PARLEY_REVIEW=on|off`, default on).
   */
  review: boolean;
  /** Serve `GET /metrics` (`PARLEY_METRICS=on|off`, default on; off answers 404). */
  metrics: boolean;
  /**
   * This node's id (`PARLEY_NODE_ID`: 1 to 128 letters, digits or `. _ : -`), in every log
   * line and in `/healthz`. Unset, `main.ts` logs under {@link defaultNodeId}.
   */
  nodeId?: string;
}

/** Defaults, as documented in the README. */
export const DEFAULTS: Config = {
  host: "127.0.0.1",
  port: 8000,
  logLevel: "info",
  corsOrigins: ["http://localhost:3000", "http://localhost:3001", "http://localhost:8000"],
  maxFrameBytes: MAX_CLIENT_FRAME_BYTES,
  maxSessions: 10_000,
  maxBufferedBytes: 1024 * 1024,
  slowClientMs: 30_000,
  maxConnections: 0,
  maxConnectionsPerAddress: 64,
  maxSessionsPerMinutePerAddress: 60,
  limitLoopback: false,
  allowedHosts: ["localhost", "127.0.0.1", "[::1]"],
  heartbeatMs: 20_000,
  resumeTimeoutMs: 10_000,
  maxBadFramesPerSecond: 20,
  db: "parley.db",
  nodeLeaseMs: 3_000,
  clusterCheckMs: 1_000,
  maxFramesPerSession: 5_000,
  maxPendingWrites: 50_000,
  graceMs: 5 * 60_000,
  sessionTtlMs: 24 * 3_600_000,
  sweepMs: 60_000,
  maxRounds: 3,
  maxQuestionsPerRound: 3,
  review: true,
  metrics: true,
  model: "offline",
  modelTimeoutMs: 60_000,
  modelRetries: 2,
  modelConcurrency: 4,
};

function int(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new RangeError(`Invalid ${name}: "${raw}" is not a whole number from ${min} to ${max}`);
  }
  return n;
}

/** Parses `CORS_ORIGINS`: a comma-separated list of origins, or `*`. */
export function parseOrigins(raw: string): readonly string[] | "*" {
  const items = raw.split(",").map((s) => s.trim()).filter(Boolean);
  if (items.includes("*")) return "*";
  return items.map((o) => {
    let url: URL;
    try {
      url = new URL(o);
    } catch {
      throw new RangeError(
        `Invalid CORS_ORIGINS entry: "${o}" is not an origin like http://host:port`,
      );
    }
    return url.origin;
  });
}

/** The loopback names a server bound to loopback answers to by default. */
export const LOOPBACK_HOSTS: readonly string[] = ["localhost", "127.0.0.1", "[::1]"];

/** The default of `PARLEY_ALLOWED_HOSTS` for a bind address: loopback names, else any. */
export function defaultAllowedHosts(bind: string): readonly string[] | "*" {
  const b = bind.toLowerCase();
  return b === "localhost" || b === "::1" || b === "[::1]" || b.startsWith("127.")
    ? (b.startsWith("127.") && b !== "127.0.0.1" ? [...LOOPBACK_HOSTS, b] : LOOPBACK_HOSTS)
    : "*";
}

/** Parses `PARLEY_ALLOWED_HOSTS`: host names (no port), comma-separated, or `*`. */
export function parseHosts(raw: string): readonly string[] | "*" {
  const items = raw.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (items.includes("*")) return "*";
  for (const h of items) {
    if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/.test(h)) {
      throw new RangeError(
        `Invalid PARLEY_ALLOWED_HOSTS entry: "${h}" is not a host name like parley.example.com`,
      );
    }
  }
  return items;
}

/** Parses `PARLEY_BASE_URL`: an http(s) URL such as `http://localhost:11434/v1`. */
export function parseBaseUrl(raw: string): string {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new RangeError(
      `Invalid PARLEY_BASE_URL: "${raw}" is not an http(s) URL like http://localhost:11434/v1`,
    );
  }
  return url.href.replace(/\/+$/, "");
}

/**
 * Reads the configuration. Flags win over the environment, which wins over defaults.
 * Throws a `RangeError` naming the bad setting.
 *
 * @example
 * ```ts
 * const config = loadConfig(["--port", "0"], (k) => Deno.env.get(k));
 * ```
 */
export function loadConfig(
  args: readonly string[],
  env: (name: string) => string | undefined,
): Config {
  const { values } = parseArgs({
    args: [...args],
    options: {
      host: { type: "string" },
      port: { type: "string" },
      "log-level": { type: "string" },
    },
    strict: true,
  });
  const pick = (flag: string | undefined, name: string) => flag ?? env(name);
  const config: Config = { ...DEFAULTS };
  const host = pick(values.host, "HOST");
  if (host) config.host = host;
  const port = pick(values.port, "PORT");
  if (port) config.port = int("PORT", port, 0, 65535);
  const level = pick(values["log-level"], "LOG_LEVEL");
  if (level) {
    const l = level.toLowerCase();
    if (!(LOG_LEVELS as readonly string[]).includes(l)) {
      throw new RangeError(`Invalid LOG_LEVEL: "${level}" is not one of ${LOG_LEVELS.join(", ")}`);
    }
    config.logLevel = l as LogLevel;
  }
  const origins = env("CORS_ORIGINS");
  if (origins !== undefined) config.corsOrigins = parseOrigins(origins);
  const numbers: [keyof Config, string, number, number][] = [
    ["maxFrameBytes", "PARLEY_MAX_FRAME_BYTES", 256, 16 * 1024 * 1024],
    ["maxSessions", "PARLEY_MAX_SESSIONS", 1, 10_000_000],
    ["maxBufferedBytes", "PARLEY_MAX_BUFFERED_BYTES", 1024, 1024 * 1024 * 1024],
    ["slowClientMs", "PARLEY_SLOW_CLIENT_MS", 100, 3_600_000],
    ["maxConnections", "PARLEY_MAX_CONNECTIONS", 0, 10_000_000],
    ["maxConnectionsPerAddress", "PARLEY_MAX_CONNECTIONS_PER_ADDRESS", 1, 10_000_000],
    ["maxSessionsPerMinutePerAddress", "PARLEY_SESSIONS_PER_MINUTE_PER_ADDRESS", 1, 10_000_000],
    ["heartbeatMs", "PARLEY_HEARTBEAT_MS", 1_000, 3_600_000],
    ["resumeTimeoutMs", "PARLEY_RESUME_TIMEOUT_MS", 100, 600_000],
    ["maxBadFramesPerSecond", "PARLEY_MAX_BAD_FRAMES_PER_SECOND", 1, 100_000],
    ["maxRounds", "PARLEY_CLARIFIER_ROUNDS", 1, 20],
    ["maxFramesPerSession", "PARLEY_MAX_FRAMES_PER_SESSION", 100, 1_000_000],
    ["maxPendingWrites", "PARLEY_MAX_PENDING_WRITES", 100, 10_000_000],
    ["graceMs", "PARLEY_GRACE_MS", 0, 7 * 24 * 3_600_000],
    ["sessionTtlMs", "PARLEY_SESSION_TTL_MS", 1_000, 365 * 24 * 3_600_000],
    ["sweepMs", "PARLEY_SWEEP_MS", 100, 24 * 3_600_000],
    ["maxQuestionsPerRound", "PARLEY_QUESTIONS_PER_ROUND", 1, 10],
    ["modelTimeoutMs", "PARLEY_MODEL_TIMEOUT_MS", 100, 3_600_000],
    ["modelRetries", "PARLEY_MODEL_RETRIES", 0, 10],
    ["modelConcurrency", "PARLEY_MODEL_CONCURRENCY", 1, 16],
    ["nodeLeaseMs", "PARLEY_NODE_LEASE_MS", 100, 600_000],
    ["clusterCheckMs", "PARLEY_CLUSTER_CHECK_MS", 20, 600_000],
  ];
  for (const [key, name, min, max] of numbers) {
    const raw = env(name);
    if (raw !== undefined && raw !== "") {
      (config as unknown as Record<string, number>)[key] = int(name, raw, min, max);
    }
  }
  const limitLoopback = env("PARLEY_LIMIT_LOOPBACK")?.toLowerCase();
  if (limitLoopback) {
    if (!["on", "off", "true", "false"].includes(limitLoopback)) {
      throw new RangeError(`Invalid PARLEY_LIMIT_LOOPBACK: "${limitLoopback}" is not on or off`);
    }
    config.limitLoopback = limitLoopback === "on" || limitLoopback === "true";
  }
  const hosts = env("PARLEY_ALLOWED_HOSTS");
  config.allowedHosts = hosts ? parseHosts(hosts) : defaultAllowedHosts(config.host);
  const db = env("PARLEY_DB");
  if (db) config.db = db;
  const redisUrl = env("PARLEY_REDIS_URL");
  if (redisUrl) {
    let url: URL | undefined;
    try {
      url = new URL(redisUrl);
    } catch { /* reported below */ }
    if (!url || (url.protocol !== "redis:" && url.protocol !== "rediss:")) {
      throw new RangeError(
        `Invalid PARLEY_REDIS_URL: "${redisUrl}" is not a URL like redis://127.0.0.1:6379`,
      );
    }
    config.redisUrl = redisUrl;
  }
  if (config.sessionTtlMs <= config.graceMs) {
    throw new RangeError(
      `Invalid PARLEY_SESSION_TTL_MS: ${config.sessionTtlMs} must be longer than PARLEY_GRACE_MS (${config.graceMs})`,
    );
  }
  const model = env("PARLEY_MODEL");
  if (model) config.model = model;
  const baseUrl = env("PARLEY_BASE_URL");
  if (baseUrl) config.baseUrl = parseBaseUrl(baseUrl);
  const provider = config.model.split(":", 1)[0];
  const apiKey = env("PARLEY_API_KEY") ||
    (provider === "openai" ? env("OPENAI_API_KEY") : undefined) ||
    (provider === "anthropic" ? env("ANTHROPIC_API_KEY") : undefined);
  if (apiKey) config.apiKey = apiKey;
  const structured = env("PARLEY_STRUCTURED_OUTPUTS")?.toLowerCase();
  if (structured) {
    if (!["on", "off", "true", "false"].includes(structured)) {
      throw new RangeError(`Invalid PARLEY_STRUCTURED_OUTPUTS: "${structured}" is not on or off`);
    }
    config.modelStructuredOutputs = structured === "on" || structured === "true";
  }
  const review = env("PARLEY_REVIEW")?.toLowerCase();
  if (review) {
    if (!["on", "off", "true", "false"].includes(review)) {
      throw new RangeError(`Invalid PARLEY_REVIEW: "${review}" is not on or off`);
    }
    config.review = review === "on" || review === "true";
  }
  const metrics = env("PARLEY_METRICS")?.toLowerCase();
  if (metrics) {
    if (!["on", "off", "true", "false"].includes(metrics)) {
      throw new RangeError(`Invalid PARLEY_METRICS: "${metrics}" is not on or off`);
    }
    config.metrics = metrics === "on" || metrics === "true";
  }
  const nodeId = env("PARLEY_NODE_ID");
  if (nodeId) {
    if (!NODE_ID.test(nodeId)) {
      throw new RangeError(
        `Invalid PARLEY_NODE_ID: "${nodeId}" is not 1 to 128 letters, digits or . _ : -`,
      );
    }
    config.nodeId = nodeId;
  }
  return config;
}

const NODE_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/** The host name, without ever prompting for `--allow-sys=hostname` (throws when not granted). */
function grantedHostname(): string {
  const p = Deno.permissions.querySync({ name: "sys", kind: "hostname" });
  if (p.state !== "granted") throw new Deno.errors.NotCapable("--allow-sys=hostname not granted");
  return Deno.hostname();
}

/**
 * A node id for a process that was given none: `<hostname>-<pid>-<4 random hex>`, unique
 * even for two processes of one machine that reuse a pid after a restart.
 *
 * @example
 * ```ts
 * defaultNodeId(); // "web-1-4711-9f3c"
 * ```
 */
export function defaultNodeId(hostname: () => string = grantedHostname): string {
  let host: string;
  try {
    host = hostname().replace(/[^A-Za-z0-9_.:-]/g, "_").slice(0, 64) || "parley";
  } catch {
    host = "parley"; // no --allow-sys=hostname
  }
  const hex = crypto.getRandomValues(new Uint8Array(2)).reduce(
    (s, b) => s + b.toString(16).padStart(2, "0"),
    "",
  );
  return `${host}-${Deno.pid}-${hex}`;
}
