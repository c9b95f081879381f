/**
 * One node of a Parley cluster on Redis: its liveness lease, the claim (takeover) of a
 * session whose owner is gone, and the Redis commands followers and owners share (read
 * the log after a seq, forward input, mark a session watched, talk to another node).
 *
 * The lease: `parley:node:<id>` is set with `PX leaseMs` and renewed (`PEXPIRE`, accepted by
 * a full Redis) every `leaseMs / 3`.
 * A node whose key is gone is dead for the cluster: a node watching one of its sessions
 * claims it within about `leaseMs + checkMs`. A claim is one Lua compare-and-swap (owner
 * unchanged and its node key absent → owner = me, epoch + 1), and every later write of the
 * old owner is refused by the append script's fence (see `redis_store.ts`).
 *
 * @module
 */
import { createClient } from "@redis/client";
import { defaultNodeId } from "./config.ts";
import type { Logger } from "./log.ts";
import { type Metrics, NO_METRICS } from "./metrics.ts";
import { nodeChannel, nodeKey, sessionKeys } from "./redis_keys.ts";
import { parseEntries, RedisStore, runScript } from "./redis_store.ts";
import type { StoredFrame } from "./store.ts";

/** Default lease of a node's liveness key, in ms (`PARLEY_NODE_LEASE_MS`). */
export const NODE_LEASE_MS = 3_000;
/** Default period of a follower's re-read and owner check, in ms (`PARLEY_CLUSTER_CHECK_MS`). */
export const CLUSTER_CHECK_MS = 1_000;
/** Most entries of a session's input stream applied per read. */
export const INPUT_BATCH = 64;

/**
 * The claim script. KEYS: meta (the session's slot only, so it runs on Redis Cluster).
 * ARGV: expected owner, expected epoch, me. Replies the new epoch, or nil when the owner
 * or epoch changed. The old owner's lease is checked before (EXISTS, in another slot): if
 * that check races a renewal, the fence still refuses every later write of the old owner.
 */
export const CLAIM_SCRIPT = `
local cur = redis.call('HMGET', KEYS[1], 'owner', 'epoch')
if not cur[1] or cur[1] ~= ARGV[1] or cur[2] ~= ARGV[2] then return false end
redis.call('HSET', KEYS[1], 'owner', ARGV[3])
return redis.call('HINCRBY', KEYS[1], 'epoch', 1)
`;

/** Raised when Redis cannot be reached at start: one `parley: …` line, exit 1. */
export class ClusterOpenError extends Error {
  constructor(url: string, cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(
      `${redact(url)}: Redis cannot be reached (${why}) — start Redis, or fix PARLEY_REDIS_URL`,
      { cause },
    );
    this.name = "ClusterOpenError";
  }
}

/** A URL without its password, for messages. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.href;
  } catch {
    return "PARLEY_REDIS_URL";
  }
}

/** Options of {@link ClusterNode.open}. */
export interface ClusterOptions {
  url: string;
  nodeId?: string;
  leaseMs?: number;
  checkMs?: number;
  /** Session keys' TTL, renewed on every write (`PARLEY_SESSION_TTL_MS`). */
  ttlMs: number;
  log: Logger;
  metrics?: Metrics;
}

/** What the node uses of a node-redis client. */
interface Client {
  sendCommand(args: string[]): Promise<unknown>;
  subscribe(channel: string, listener: (message: string) => void): Promise<unknown>;
  unsubscribe(channel: string, listener: (message: string) => void): Promise<unknown>;
  destroy(): void;
}

/** A message between nodes, on `parley:node:<id>:n`. */
export type NodeMessage =
  | { t: "in"; sid: string }
  | { t: "watch"; sid: string }
  | { t: "err"; sid: string; c: string; text: string; after: number };

/** This process as a node of the cluster. */
export class ClusterNode {
  readonly nodeId: string;
  readonly leaseMs: number;
  readonly checkMs: number;
  readonly store: RedisStore;
  readonly metrics: Metrics;
  readonly #client: Client;
  readonly #sub: Client;
  readonly #log: Logger;
  #renew: ReturnType<typeof setInterval> | undefined;
  readonly #onMessage = new Set<(m: NodeMessage) => void>();
  #stopped = false;

  private constructor(client: Client, sub: Client, opts: ClusterOptions, nodeId: string) {
    this.#client = client;
    this.#sub = sub;
    this.#log = opts.log;
    this.nodeId = nodeId;
    this.leaseMs = opts.leaseMs ?? NODE_LEASE_MS;
    this.checkMs = opts.checkMs ?? CLUSTER_CHECK_MS;
    this.metrics = opts.metrics ?? NO_METRICS;
    this.store = new RedisStore(client, {
      nodeId,
      ttlMs: opts.ttlMs,
      metrics: this.metrics,
      onError: (error, write) => {
        opts.log.error("store write failed", {
          write,
          detail: error instanceof Error ? error.message : String(error),
        });
      },
    });
  }

  /**
   * Connects to Redis (a command connection and a subscriber), takes the node's lease and
   * listens on its node channel. Throws {@link ClusterOpenError} when Redis is unreachable.
   */
  static async open(opts: ClusterOptions): Promise<ClusterNode> {
    const nodeId = opts.nodeId ?? defaultNodeId();
    let connected = false;
    const make = () =>
      createClient({
        url: opts.url,
        // Commands fail at once while disconnected: the store reports `failing` and retries.
        disableOfflineQueue: true,
        socket: {
          connectTimeout: 2_000,
          // At start an unreachable Redis is an error; later, reconnect with capped backoff.
          reconnectStrategy: (retries: number, cause: Error) =>
            connected ? Math.min(50 * 2 ** retries, 1_000) : cause,
        },
      });
    const client = make();
    const sub = make();
    let lastError = "";
    const onError = (err: Error) => {
      // node-redis reports each failed reconnect; one line per distinct error is enough.
      if (err.message === lastError) return;
      lastError = err.message;
      opts.log.warn("redis connection error", { nodeId, detail: err.message });
    };
    client.on("error", onError);
    sub.on("error", onError);
    client.on("ready", () => lastError = "");
    try {
      await client.connect();
      await sub.connect();
    } catch (err) {
      client.destroy();
      sub.destroy();
      throw new ClusterOpenError(opts.url, err);
    }
    connected = true;
    const node = new ClusterNode(client as Client, sub as Client, opts, nodeId);
    await node.#start();
    return node;
  }

  async #start() {
    await this.#lease();
    this.#renew = setInterval(() => {
      this.#lease().catch((err) => {
        this.#log.warn("node lease renewal failed", {
          nodeId: this.nodeId,
          detail: err instanceof Error ? err.message : String(err),
        });
      });
    }, Math.max(10, Math.floor(this.leaseMs / 3)));
    Deno.unrefTimer(this.#renew);
    // node-redis subscribes again by itself after a reconnect (checked: a Redis restart,
    // and `CLIENT KILL TYPE pubsub`).
    await this.#sub.subscribe(nodeChannel(this.nodeId), (raw) => {
      let m: NodeMessage;
      try {
        m = JSON.parse(raw) as NodeMessage;
      } catch {
        return;
      }
      if (typeof m !== "object" || m === null || typeof m.sid !== "string") return;
      for (const fn of this.#onMessage) fn(m);
    });
  }

  /**
   * Takes or renews the lease. Renewal is `PEXPIRE`, which Redis accepts even when it is
   * out of memory (`noeviction` refuses `SET`), so a full Redis does not let every lease
   * lapse; only when the key is gone (first lease, or it expired) is it created with `SET`.
   */
  async #lease(): Promise<void> {
    const key = nodeKey(this.nodeId);
    const ms = String(this.leaseMs);
    try {
      if (Number(await this.#client.sendCommand(["PEXPIRE", key, ms])) === 1) {
        // The lease is held; this write (refused by a full Redis, unlike PEXPIRE) probes
        // whether Redis takes writes, for a node that has nothing of its own to write.
        try {
          await this.#client.sendCommand(["SET", key, String(Date.now()), "PX", ms, "XX"]);
          this.store.probe(undefined);
        } catch (err) {
          this.store.probe(err);
        }
        return;
      }
      await this.#client.sendCommand(["SET", key, String(Date.now()), "PX", ms]);
      this.store.probe(undefined);
    } catch (err) {
      this.store.probe(err);
      throw err;
    }
  }

  /** Calls `fn` on every message sent to this node. */
  onMessage(fn: (m: NodeMessage) => void): void {
    this.#onMessage.add(fn);
  }

  /** Sends `m` to node `nodeId` (best effort: pub/sub). */
  async tell(nodeId: string, m: NodeMessage): Promise<void> {
    await this.#client.sendCommand(["PUBLISH", nodeChannel(nodeId), JSON.stringify(m)]);
  }

  /**
   * Stops renewing the lease without releasing it: the node looks dead to the others once
   * its key expires. For tests of takeover in one process (a real death is SIGKILL).
   */
  stopLease(): void {
    clearInterval(this.#renew);
    this.#renew = undefined;
  }

  /** Whether node `nodeId`'s lease is held. */
  async alive(nodeId: string): Promise<boolean> {
    if (nodeId === this.nodeId) return !this.#stopped;
    return Number(await this.#client.sendCommand(["EXISTS", nodeKey(nodeId)])) === 1;
  }

  /**
   * Claims `sid` from `owner`: undefined when the owner's lease is held, or when the
   * owner or epoch changed meanwhile (CAS in the session's slot); else the new epoch.
   */
  async claim(sid: string, owner: string): Promise<number | undefined> {
    const k = sessionKeys(sid);
    if (owner !== this.nodeId && await this.alive(owner)) return undefined;
    const cur = await this.#client.sendCommand(["HMGET", k.meta, "owner", "epoch"]);
    if (!Array.isArray(cur) || cur[0] === null || cur[0] === undefined) return undefined;
    if (String(cur[0]) !== owner) return undefined;
    const reply = await runScript(this.#client, CLAIM_SCRIPT, [k.meta], [
      owner,
      String(cur[1] ?? "0"),
      this.nodeId,
    ]);
    if (reply === null || reply === undefined || reply === false) return undefined;
    const epoch = Number(reply);
    return Number.isInteger(epoch) && epoch > 0 ? epoch : undefined;
  }

  /** The session's owner and state as stored. */
  async meta(sid: string): Promise<{ owner: string; state: string } | undefined> {
    const r = await this.#client.sendCommand(["HMGET", sessionKeys(sid).meta, "owner", "state"]);
    if (!Array.isArray(r) || r[0] === null || r[0] === undefined) return undefined;
    return { owner: String(r[0]), state: String(r[1] ?? "live") };
  }

  /** Frames with `seq > afterSeq`, in order. */
  async framesAfter(sid: string, afterSeq: number): Promise<StoredFrame[]> {
    const raw = await this.#client.sendCommand([
      "XRANGE",
      sessionKeys(sid).frames,
      `${afterSeq + 1}-0`,
      "+",
    ]);
    return parseEntries(raw).map(({ id, fields }) => ({
      seq: Number(id.slice(0, id.indexOf("-"))),
      text: fields.get("t") ?? "",
      origin: fields.get("o") === "session" ? "session" : "pipeline",
    }));
  }

  /**
   * Calls `fn` with every message on session `sid`'s channel (a wake-up: the new top seq;
   * or a storage notice, see {@link ClusterNode.storageNotice}); resolves to a function
   * that stops it.
   */
  async listen(sid: string, fn: (message: string) => void): Promise<() => Promise<void>> {
    const channel = sessionKeys(sid).channel;
    const listener = (message: string) => fn(String(message));
    await this.#sub.subscribe(channel, listener);
    return async () => {
      await this.#sub.unsubscribe(channel, listener).catch(() => {});
    };
  }

  /**
   * Tells the nodes following `sid` that this owner's writes fail (`reason`) or work again
   * (undefined): `{"t":"storage","reason"?}` on the session channel. Best effort: PUBLISH
   * is accepted by a full Redis; an unreachable one drops it, and then each follower's own
   * reads fail and it tells its tabs itself.
   */
  async storageNotice(sid: string, reason: string | undefined): Promise<void> {
    const m = reason === undefined ? { t: "storage" } : { t: "storage", reason };
    await this.#client.sendCommand(["PUBLISH", sessionKeys(sid).channel, JSON.stringify(m)]);
  }

  /**
   * Forwards a client frame from a tab on this node to the session's owner: appended to
   * the session's `in` stream, then a wake-up on the owner's channel.
   */
  async forward(sid: string, owner: string, frame: string, connId: string): Promise<void> {
    const k = sessionKeys(sid);
    await this.#client.sendCommand(["XADD", k.in, "*", "f", frame, "n", this.nodeId, "c", connId]);
    await this.#client.sendCommand(["PEXPIRE", k.in, String(this.store.ttlMs)]);
    this.metrics.inc("parley_forwarded_inputs_total");
    await this.tell(owner, { t: "in", sid }).catch(() => {});
  }

  /** Entries of the session's `in` stream after `cursor` (an entry id), at most a batch. */
  async inputAfter(
    sid: string,
    cursor: string,
  ): Promise<{ id: string; frame: string; node: string; conn: string }[]> {
    const raw = await this.#client.sendCommand([
      "XRANGE",
      sessionKeys(sid).in,
      `(${cursor}`,
      "+",
      "COUNT",
      String(INPUT_BATCH),
    ]);
    return parseEntries(raw).map(({ id, fields }) => ({
      id,
      frame: fields.get("f") ?? "",
      node: fields.get("n") ?? "",
      conn: fields.get("c") ?? "",
    }));
  }

  /**
   * Marks `sid` watched by a tab on this node for three check periods, and tells its
   * `owner` (when another node): the owner polls the input streams of watched sessions only.
   */
  async watch(sid: string, owner?: string): Promise<void> {
    await this.#client.sendCommand([
      "SET",
      sessionKeys(sid).watch,
      this.nodeId,
      "PX",
      String(this.checkMs * 3),
    ]);
    if (owner && owner !== this.nodeId) await this.tell(owner, { t: "watch", sid });
  }

  /** Whether a tab on another node watches `sid`. */
  async watched(sid: string): Promise<boolean> {
    return Number(await this.#client.sendCommand(["EXISTS", sessionKeys(sid).watch])) === 1;
  }

  /**
   * Leaves the cluster: writes what the store holds, releases the lease (the others take
   * the node's sessions over at their next check, without waiting for it to expire) and
   * closes the connections.
   */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    clearInterval(this.#renew);
    await this.store.close();
    await this.#client.sendCommand(["DEL", nodeKey(this.nodeId)]).catch(() => {});
    this.#client.destroy();
    this.#sub.destroy();
  }
}
