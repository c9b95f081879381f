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
  /** Bytes a socket may have queued before the server drops it as too slow. */
  maxBufferedBytes: number;
  /** Most clarifier rounds. */
  maxRounds: number;
  /** Most questions per clarifier round. */
  maxQuestionsPerRound: number;
  /** The engine: `offline` (default). */
  model: string;
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
  maxRounds: 3,
  maxQuestionsPerRound: 3,
  model: "offline",
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
    ["maxRounds", "PARLEY_CLARIFIER_ROUNDS", 1, 20],
    ["maxQuestionsPerRound", "PARLEY_QUESTIONS_PER_ROUND", 1, 10],
  ];
  for (const [key, name, min, max] of numbers) {
    const raw = env(name);
    if (raw !== undefined && raw !== "") {
      (config as unknown as Record<string, number>)[key] = int(name, raw, min, max);
    }
  }
  const model = env("PARLEY_MODEL");
  if (model) config.model = model;
  return config;
}
