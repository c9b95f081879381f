/**
 * Connection limits: the process's file-descriptor limit and the connection cap below it,
 * and the per-client-address caps on open connections and on new sessions per minute.
 *
 * @module
 */

/** Descriptors kept free below the limit for the store, logs, static files and accepts. */
export const FD_RESERVE = 64;

/**
 * The soft limit on open files of this process (`ulimit -n`), read from
 * `/proc/self/limits`; `undefined` where that file is missing or unreadable (not Linux, or
 * no read permission), in which case the configured caps stand alone.
 */
export function readFdLimit(
  read: (path: string) => string = Deno.readTextFileSync,
): number | undefined {
  let text: string;
  try {
    text = read("/proc/self/limits");
  } catch {
    return undefined;
  }
  const m = /^Max open files\s+(\d+|unlimited)/m.exec(text);
  if (!m || m[1] === "unlimited") return undefined;
  return Number(m[1]);
}

/**
 * The connection cap: the configured one (0 means automatic), never above the descriptor
 * limit less {@link FD_RESERVE}, so that the server refuses a connection before the
 * runtime runs out of descriptors.
 *
 * @example
 * ```ts
 * connectionCap(0, 1024); // 960
 * connectionCap(5000, 1024); // 960
 * ```
 */
export function connectionCap(configured: number, fdLimit: number | undefined): number {
  const room = fdLimit === undefined ? Infinity : Math.max(1, fdLimit - FD_RESERVE);
  const wanted = configured > 0 ? configured : AUTO_CONNECTION_CAP;
  return Math.min(wanted, room);
}

/** The connection cap when neither the setting nor the descriptor limit gives one. */
export const AUTO_CONNECTION_CAP = 20_000;

/** Whether a client address is this machine's (127.0.0.0/8, ::1, IPv4-mapped loopback). */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return true; // no socket: an in-process call
  const a = address.replace(/^\[|\]$/g, "").toLowerCase();
  return a === "::1" || /^(::ffff:)?127\./.test(a);
}

/** Options of {@link AddressLimits}. */
export interface AddressLimitOptions {
  /** Most open connections from one address. */
  maxConnections: number;
  /** Most new sessions one address may start per minute. */
  maxSessionsPerMinute: number;
  /** Apply the caps to loopback addresses too (off by default: tests, local use). */
  limitLoopback: boolean;
  /** The clock (tests). */
  now?: () => number;
}

interface AddressState {
  open: number;
  windowStart: number;
  sessions: number;
}

/**
 * Per-address counters. Behind a reverse proxy every client shares the proxy's address:
 * raise the caps there, or let the proxy enforce its own (X-Forwarded-For is not trusted).
 */
export class AddressLimits {
  readonly #o: AddressLimitOptions;
  readonly #by = new Map<string, AddressState>();

  constructor(opts: AddressLimitOptions) {
    this.#o = opts;
  }

  /** Addresses tracked now (bounded: idle ones are forgotten). */
  get size(): number {
    return this.#by.size;
  }

  #exempt(address: string | undefined): address is undefined {
    return address === undefined || (!this.#o.limitLoopback && isLoopback(address));
  }

  #state(address: string): AddressState {
    let s = this.#by.get(address);
    if (!s) {
      s = { open: 0, windowStart: this.#now(), sessions: 0 };
      this.#by.set(address, s);
    }
    return s;
  }

  #now() {
    return (this.#o.now ?? Date.now)();
  }

  /** Counts a connection from `address`; returns why it is refused, or `undefined`. */
  open(address: string | undefined): string | undefined {
    if (this.#exempt(address)) return undefined;
    const s = this.#state(address);
    if (s.open >= this.#o.maxConnections) {
      this.#forget(address, s);
      return `Too many connections from your address (the limit is ${this.#o.maxConnections}): close some tabs or try again later`;
    }
    s.open++;
    return undefined;
  }

  /** A connection counted by {@link open} closed. */
  close(address: string | undefined): void {
    if (this.#exempt(address)) return;
    const s = this.#by.get(address);
    if (!s) return;
    s.open = Math.max(0, s.open - 1);
    this.#forget(address, s);
  }

  /** Counts a new session from `address`; returns why it is refused, or `undefined`. */
  newSession(address: string | undefined): string | undefined {
    if (this.#exempt(address)) return undefined;
    const s = this.#state(address);
    const now = this.#now();
    if (now - s.windowStart >= 60_000) {
      s.windowStart = now;
      s.sessions = 0;
    }
    if (s.sessions >= this.#o.maxSessionsPerMinute) {
      this.#forget(address, s);
      return `Too many new conversations from your address (the limit is ${this.#o.maxSessionsPerMinute} a minute): try again in a minute`;
    }
    s.sessions++;
    return undefined;
  }

  #forget(address: string, s: AddressState) {
    // An address with nothing open and an expired window costs nothing.
    if (s.open === 0 && (s.sessions === 0 || this.#now() - s.windowStart >= 60_000)) {
      this.#by.delete(address);
    }
    if (this.#by.size > 100_000) this.#prune();
  }

  #prune() {
    const now = this.#now();
    for (const [a, s] of this.#by) {
      if (s.open === 0 && now - s.windowStart >= 60_000) this.#by.delete(a);
    }
  }
}
