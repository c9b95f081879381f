/**
 * Structured logs: one JSON object per line on stderr, filtered by level.
 *
 * @module
 */
import { LOG_LEVELS, type LogLevel } from "./config.ts";

/** Fields of a log line besides time, level and message. */
export type LogFields = Record<string, unknown>;

/** A structured logger. */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/** Turns an error into fields safe to log (name, message, stack). */
export function errorFields(err: unknown): LogFields {
  if (err instanceof Error) {
    return { error: err.name, detail: err.message, stack: err.stack };
  }
  return { error: "NonError", detail: String(err) };
}

/**
 * Makes a logger that writes lines at or above `level` to `write`. Every line carries
 * `base` (e.g. `{nodeId}`, so the lines of several nodes can be told apart) after time,
 * level and message; a line's own fields of the same name win.
 * @example
 * ```ts
 * const log = createLogger("info", undefined, { nodeId: "web-1" });
 * log.info("listening", { port: 8000 });
 * ```
 */
export function createLogger(
  level: LogLevel,
  // deno-lint-ignore no-console
  write: (line: string) => void = (line) => console.error(line),
  base: LogFields = {},
): Logger {
  const min = LOG_LEVELS.indexOf(level);
  const make = (l: Exclude<LogLevel, "silent">) => {
    if (LOG_LEVELS.indexOf(l) < min) return () => {};
    return (msg: string, fields?: LogFields) => {
      write(JSON.stringify({ time: new Date().toISOString(), level: l, msg, ...base, ...fields }));
    };
  };
  return { debug: make("debug"), info: make("info"), warn: make("warn"), error: make("error") };
}
