/**
 * The session store on Redis, for cluster mode (`PARLEY_REDIS_URL`). Writes are queued and
 * flushed once per turn of the event loop, like the SQLite store's group commit: one Lua
 * call per session per flush checks that this node still owns the session at the epoch it
 * holds (fencing), checks that the frames continue the log without a gap, XADDs them with
 * explicit ids `<seq>-0`, writes answers (first answer wins: HSETNX), calls, state and the
 * input cursor, renews every key's TTL and publishes one wake-up. `whenDurable` callbacks
 * run after the script returned, so a frame is sent only once Redis holds it.
 *
 * Faults: a fenced reply (another node took the session over) drops that session's writes
 * and callbacks and reports `rejected`; Redis unreachable, out of memory (`noeviction`) or
 * any command error keeps the writes and callbacks and retries with capped backoff,
 * reporting `failing`, then `recovered`, exactly like the SQLite store. Sweep is a no-op:
 * key TTLs expire idle sessions. The log is bounded by the frame cap and never trimmed.
 *
 * The synchronous reads of {@link SessionStore} throw here: Redis answers asynchronously,
 * so every read goes through {@link RedisStore.load}.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { setImmediate } from "node:timers";
import { type Metrics, NO_METRICS } from "./metrics.ts";
import { sessionKeys } from "./redis_keys.ts";
import { StoreOutage } from "./store_outage.ts";
import type {
  FrameOrigin,
  SessionRecord,
  SessionSnapshot,
  SessionState,
  SessionStore,
  StoredFrame,
  StoreEvent,
} from "./store.ts";

/** What the store needs of a Redis connection (node-redis' client has it). */
export interface RedisCommander {
  sendCommand(args: string[]): Promise<unknown>;
}

/**
 * A flush Redis has not answered in this long counts as failed (a stopped or overloaded
 * server keeps the socket open): the store reports `failing` and retries. Safe, because
 * the append script skips frames already stored: a late original and its retry write once.
 */
export const REDIS_WRITE_TIMEOUT_MS = 5_000;

/**
 * The append script. KEYS: meta, frames, answers, calls, in. ARGV: owner, epoch, ttl ms,
 * channel, then ops: `C clientId tokenHash createdAt updatedAt state` (first, if any),
 * `F seq origin text at`, `A questionId answer`, `K key json`, `S state at`, `I cursor`.
 * Replies `{"ok", top}`, `{"fenced", owner, epoch}`, `{"gone"}` or `{"gap", top, seq}`.
 * Everything is checked before anything is written, so a refused call writes nothing.
 * Frames at or below the top are skipped: a retry after a lost reply (only this owner at
 * this epoch can have written them, the fence sees to that).
 */
export const APPEND_SCRIPT = `
local meta, frames, answers, calls, inq = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local owner, epoch, ttl, chan = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local i = 5
if ARGV[5] == 'C' then
  if redis.call('EXISTS', meta) == 0 then
    redis.call('HSET', meta, 'clientId', ARGV[6], 'tokenHash', ARGV[7], 'createdAt', ARGV[8],
      'updatedAt', ARGV[9], 'state', ARGV[10], 'owner', owner, 'epoch', epoch, 'incursor', '0-0')
  end
  i = 11
end
local cur = redis.call('HMGET', meta, 'owner', 'epoch')
if not cur[1] then return {'gone'} end
if cur[1] ~= owner or cur[2] ~= epoch then return {'fenced', cur[1], cur[2]} end
local top = 0
local last = redis.call('XREVRANGE', frames, '+', '-', 'COUNT', 1)
if last[1] then top = tonumber(string.match(last[1][1], '^(%d+)')) end
local n = #ARGV
local j = i
local expect = top + 1
while j <= n do
  local op = ARGV[j]
  if op == 'F' then
    local seq = tonumber(ARGV[j + 1])
    if seq >= expect then
      if seq ~= expect then return {'gap', tostring(top), tostring(seq)} end
      expect = seq + 1
    end
    j = j + 5
  elseif op == 'A' or op == 'K' or op == 'S' then j = j + 3
  elseif op == 'I' then j = j + 2
  else return redis.error_reply('bad op ' .. tostring(op)) end
end
local updated = nil
j = i
while j <= n do
  local op = ARGV[j]
  if op == 'F' then
    if tonumber(ARGV[j + 1]) > top then
      redis.call('XADD', frames, ARGV[j + 1] .. '-0', 't', ARGV[j + 3], 'o', ARGV[j + 2])
      top = tonumber(ARGV[j + 1])
    end
    updated = ARGV[j + 4]
    j = j + 5
  elseif op == 'A' then
    redis.call('HSETNX', answers, ARGV[j + 1], ARGV[j + 2])
    j = j + 3
  elseif op == 'K' then
    redis.call('HSET', calls, ARGV[j + 1], ARGV[j + 2])
    j = j + 3
  elseif op == 'S' then
    redis.call('HSET', meta, 'state', ARGV[j + 1])
    updated = ARGV[j + 2]
    j = j + 3
  else
    redis.call('HSET', meta, 'incursor', ARGV[j + 1])
    j = j + 2
  end
end
if updated then redis.call('HSET', meta, 'updatedAt', updated) end
for _, k in ipairs(KEYS) do redis.call('PEXPIRE', k, ttl) end
if expect > 1 then redis.call('PUBLISH', chan, tostring(top)) end
return {'ok', tostring(top)}
`;

/** The load script: meta, frames, answers and calls in one atomic read; nil if no session. */
export const LOAD_SCRIPT = `
local m = redis.call('HGETALL', KEYS[1])
if #m == 0 then return false end
return {m, redis.call('XRANGE', KEYS[2], '-', '+'), redis.call('HGETALL', KEYS[3]),
  redis.call('HGETALL', KEYS[4])}
`;

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/**
 * Runs a Lua script by its SHA (EVALSHA), loading it with EVAL when Redis does not know it
 * (first use, or after a restart emptied its script cache).
 */
export async function runScript(
  client: RedisCommander,
  script: string,
  keys: readonly string[],
  args: readonly string[],
): Promise<unknown> {
  const sha = shas.get(script) ?? shas.set(script, sha1(script)).get(script)!;
  const tail = [String(keys.length), ...keys, ...args];
  try {
    return await client.sendCommand(["EVALSHA", sha, ...tail]);
  } catch (err) {
    if (!/NOSCRIPT/.test(message(err))) throw err;
    return await client.sendCommand(["EVAL", script, ...tail]);
  }
}
const shas = new Map<string, string>();

const message = (err: unknown) => err instanceof Error ? err.message : String(err);

type Write =
  | { kind: "create"; record: SessionRecord }
  | { kind: "frame"; frame: StoredFrame; at: number }
  | { kind: "answer"; questionId: string; answer: string }
  | { kind: "call"; key: string; json: string }
  | { kind: "state"; state: SessionState; at: number }
  | { kind: "cursor"; cursor: string };

interface Queued {
  sessionId: string;
  write: Write;
}

interface Waiting {
  fn: () => void;
  sessionId: string | undefined;
}

/** Options of {@link RedisStore}. */
export interface RedisStoreOptions {
  /** This node's id: the `owner` its writes carry. */
  nodeId: string;
  /** Every key of a session expires this long after its last write (`PARLEY_SESSION_TTL_MS`). */
  ttlMs: number;
  /** Told of write failures (the first of each outage) and of refused sessions. */
  onError?: (error: unknown, write: string) => void;
  metrics?: Metrics;
  /** How long a flush may wait for Redis (default {@link REDIS_WRITE_TIMEOUT_MS}). */
  writeTimeoutMs?: number;
}

/** What one session's append returned. */
type Outcome = { ok: true } | { ok: false; reason: string; fenced: boolean };

/** A session store in Redis. */
export class RedisStore implements SessionStore {
  readonly kind = "redis";
  readonly nodeId: string;
  /** Every key of a session expires this long after its last write. */
  readonly ttlMs: number;
  readonly #client: RedisCommander;
  readonly #ttl: string;
  readonly #onError: (error: unknown, write: string) => void;
  readonly #metrics: Metrics;
  readonly #timeoutMs: number;
  readonly #outage: StoreOutage;
  /** The epoch this node holds, by session it owns. */
  readonly #epochs = new Map<string, number>();
  #queue: Queued[] = [];
  #callbacks: Waiting[] = [];
  #inFlight = 0;
  #flushing: Promise<void> | undefined;
  #scheduled = false;
  #closed = false;

  constructor(client: RedisCommander, options: RedisStoreOptions) {
    this.#client = client;
    this.nodeId = options.nodeId;
    this.ttlMs = options.ttlMs;
    this.#ttl = String(options.ttlMs);
    this.#onError = options.onError ?? (() => {});
    this.#outage = new StoreOutage(this.#onError);
    this.#metrics = options.metrics ?? NO_METRICS;
    this.#timeoutMs = options.writeTimeoutMs ?? REDIS_WRITE_TIMEOUT_MS;
  }

  get pendingWrites(): number {
    return this.#queue.length + this.#inFlight;
  }

  get failure(): string | undefined {
    return this.#outage.failure;
  }

  subscribe(listener: (event: StoreEvent) => void): void {
    this.#outage.subscribe(listener);
  }

  /** The epoch this node writes `sessionId` under, if it owns it. */
  epochOf(sessionId: string): number | undefined {
    return this.#epochs.get(sessionId);
  }

  /** Records that this node now owns `sessionId` at `epoch` (after a claim). */
  adopt(sessionId: string, epoch: number): void {
    this.#epochs.set(sessionId, epoch);
  }

  /** Forgets a session this node no longer owns (its writes would be fenced anyway). */
  release(sessionId: string): void {
    this.#epochs.delete(sessionId);
  }

  #push(sessionId: string, write: Write) {
    if (this.#closed) return;
    this.#queue.push({ sessionId, write });
    if (this.#outage.failure === undefined) this.#schedule();
  }

  #schedule() {
    if (this.#scheduled || this.#outage.failure !== undefined || this.#closed) return;
    this.#scheduled = true;
    // After this turn's I/O callbacks, so every frame of this turn shares one flush.
    setImmediate(() => {
      this.#scheduled = false;
      void this.flush();
    });
  }

  create(record: SessionRecord): void {
    this.#epochs.set(record.id, 1);
    this.#push(record.id, { kind: "create", record: { ...record } });
  }
  appendFrame(sessionId: string, frame: StoredFrame): void {
    this.#push(sessionId, { kind: "frame", frame, at: Date.now() });
  }
  saveAnswer(sessionId: string, questionId: string, answer: string): void {
    this.#push(sessionId, { kind: "answer", questionId, answer });
  }
  saveCall(sessionId: string, key: string, json: string): void {
    this.#push(sessionId, { kind: "call", key, json });
  }
  setState(sessionId: string, state: SessionState, at: number): void {
    this.#push(sessionId, { kind: "state", state, at });
  }
  /**
   * Moves the session's input cursor (the last `in` entry applied) in the same flush as
   * the frames that input caused: each forwarded input is applied exactly once.
   */
  setInputCursor(sessionId: string, cursor: string): void {
    this.#push(sessionId, { kind: "cursor", cursor });
  }

  whenDurable(fn: () => void, sessionId?: string): void {
    if (
      this.#queue.length === 0 && this.#inFlight === 0 && this.#outage.failure === undefined &&
      this.#callbacks.length === 0
    ) return fn();
    this.#callbacks.push({ fn, sessionId });
    this.#schedule();
  }

  /**
   * Writes everything queued (one script call per session), then runs the callbacks whose
   * writes are in Redis. Flushes run one at a time, in order; resolves when this one is done.
   */
  flush(): Promise<void> {
    if (this.#flushing) {
      // The next flush starts when this one ends (callbacks keep their order).
      return this.#flushing.then(() => this.flush());
    }
    this.#outage.cancelRetry();
    if (this.#queue.length === 0 && this.#callbacks.length === 0) return Promise.resolve();
    this.#flushing = this.#flushOnce().finally(() => {
      this.#flushing = undefined;
      if ((this.#queue.length || this.#callbacks.length) && this.#outage.failure === undefined) {
        this.#schedule();
      }
    });
    return this.#flushing;
  }

  async #flushOnce(): Promise<void> {
    const batch = this.#queue;
    let callbacks = this.#callbacks;
    this.#queue = [];
    this.#callbacks = [];
    this.#inFlight = batch.length;
    const bySession = new Map<string, Write[]>();
    for (const q of batch) {
      const list = bySession.get(q.sessionId);
      if (list) list.push(q.write);
      else bySession.set(q.sessionId, [q.write]);
    }
    const started = performance.now();
    const ids = [...bySession.keys()];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Redis did not answer within ${this.#timeoutMs} ms`)),
        this.#timeoutMs,
      );
    });
    late.catch(() => {});
    const results = await Promise.allSettled(
      ids.map((id) => Promise.race([this.#append(id, bySession.get(id)!), late])),
    );
    clearTimeout(timer);
    this.#inFlight = 0;
    this.#metrics.observe("parley_store_write_seconds", (performance.now() - started) / 1000, {
      store: "redis",
    });
    const failed = new Set<string>();
    let error: unknown;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const r = results[i]!;
      if (r.status === "rejected") {
        failed.add(id);
        error = r.reason;
        continue;
      }
      if (r.value.ok) continue;
      // Refused for good: another node owns it now, or it expired. Its tabs resume.
      const dropped = bySession.get(id)!.length;
      callbacks = callbacks.filter((c) => c.sessionId !== id);
      this.#epochs.delete(id);
      if (r.value.fenced) this.#metrics.inc("parley_fenced_writes_total");
      this.#onError(new Error(r.value.reason), `session ${id}: ${dropped} writes dropped`);
      this.#outage.tell({ type: "rejected", sessionId: id, reason: r.value.reason });
    }
    if (failed.size) {
      this.#metrics.inc("parley_store_errors_total", { store: "redis" });
      const keep = batch.filter((q) => failed.has(q.sessionId));
      // A callback waits if its session's writes failed, or if it waits for everything.
      const wait = callbacks.filter((c) => c.sessionId === undefined || failed.has(c.sessionId));
      const run = callbacks.filter((c) => !(c.sessionId === undefined || failed.has(c.sessionId)));
      this.#queue = keep.concat(this.#queue);
      this.#callbacks = wait.concat(this.#callbacks);
      for (const c of run) c.fn();
      return this.#failed(error);
    }
    this.#outage.ended();
    for (const c of callbacks) c.fn();
  }

  #failed(error: unknown) {
    if (this.#closed) return void this.#outage.begin(error, "flush");
    this.#outage.failed(error, "flush", () => void this.flush());
  }

  /**
   * What an outside probe of Redis saw (the node's lease renewal, every lease/3, which
   * also makes a small write a full Redis refuses): an error, or undefined for success. A
   * node with nothing to write learns of a Redis that is down or full this way, so it
   * refuses new sessions and reports unhealthy like a node whose own writes fail. A success
   * ends an outage only the probe saw; writes queued meanwhile are flushed first.
   */
  probe(error: unknown): void {
    if (this.#closed) return;
    if (error !== undefined) {
      if (this.#outage.failure === undefined) this.#outage.begin(error, "probe");
      return;
    }
    if (this.#outage.failure === undefined || this.#outage.retrying || this.#flushing) return;
    if (this.#queue.length || this.#callbacks.length) {
      // A write queued while only the probe saw the outage: its flush ends it (or retries).
      void this.flush();
      return;
    }
    this.#outage.ended();
  }

  /** One session's writes in one script call. */
  async #append(sessionId: string, writes: readonly Write[]): Promise<Outcome> {
    const k = sessionKeys(sessionId);
    const epoch = this.#epochs.get(sessionId) ?? 0;
    const args: string[] = [this.nodeId, String(epoch), this.#ttl, k.channel];
    for (const w of writes) {
      if (w.kind !== "create") continue;
      const r = w.record;
      args.push("C", r.clientId, r.tokenHash, String(r.createdAt), String(r.updatedAt), r.state);
    }
    for (const w of writes) {
      switch (w.kind) {
        case "frame":
          args.push("F", String(w.frame.seq), w.frame.origin, w.frame.text, String(w.at));
          break;
        case "answer":
          args.push("A", w.questionId, w.answer);
          break;
        case "call":
          args.push("K", w.key, w.json);
          break;
        case "state":
          args.push("S", w.state, String(w.at));
          break;
        case "cursor":
          args.push("I", w.cursor);
          break;
      }
    }
    const reply = await runScript(this.#client, APPEND_SCRIPT, [
      k.meta,
      k.frames,
      k.answers,
      k.calls,
      k.in,
    ], args);
    const [status, a, b] = Array.isArray(reply) ? reply.map(String) : [String(reply)];
    if (status === "ok") return { ok: true };
    if (status === "fenced") {
      return {
        ok: false,
        fenced: true,
        reason: `fenced: node ${a} owns the session at epoch ${b} (this node held epoch ${epoch})`,
      };
    }
    if (status === "gone") return { ok: false, fenced: false, reason: "the session expired" };
    return {
      ok: false,
      fenced: false,
      reason: `frame ${b} does not follow the stored log (top ${a})`,
    };
  }

  /** Reads a session's meta, frames, answers and calls in one atomic script call. */
  async load(sessionId: string): Promise<SessionSnapshot | undefined> {
    const k = sessionKeys(sessionId);
    const reply = await runScript(this.#client, LOAD_SCRIPT, [
      k.meta,
      k.frames,
      k.answers,
      k.calls,
    ], []);
    if (!Array.isArray(reply)) return undefined;
    const [metaRaw, framesRaw, answersRaw, callsRaw] = reply as unknown[];
    const meta = pairs(metaRaw);
    const state = meta.get("state") ?? "live";
    return {
      record: {
        id: sessionId,
        clientId: meta.get("clientId") ?? "",
        tokenHash: meta.get("tokenHash") ?? "",
        createdAt: Number(meta.get("createdAt") ?? 0),
        updatedAt: Number(meta.get("updatedAt") ?? 0),
        state: state as SessionState,
      },
      frames: parseEntries(framesRaw).map(({ id, fields }) => ({
        seq: Number(id.slice(0, id.indexOf("-"))),
        text: fields.get("t") ?? "",
        origin: (fields.get("o") ?? "pipeline") as FrameOrigin,
      })),
      answers: pairs(answersRaw),
      calls: pairs(callsRaw),
      owner: {
        node: meta.get("owner") ?? "",
        epoch: Number(meta.get("epoch") ?? 0),
        inCursor: meta.get("incursor") ?? "0-0",
      },
    };
  }

  #sync(): never {
    throw new TypeError("RedisStore reads are asynchronous: use load(sessionId)");
  }
  get(_sessionId: string): SessionRecord | undefined {
    return this.#sync();
  }
  frames(_sessionId: string, _afterSeq?: number): StoredFrame[] {
    return this.#sync();
  }
  answers(_sessionId: string): Map<string, string> {
    return this.#sync();
  }
  calls(_sessionId: string): Map<string, string> {
    return this.#sync();
  }

  /** Nothing to do: every key of a session expires `ttlMs` after its last write. */
  sweep(): Promise<number> {
    return Promise.resolve(0);
  }

  /** Writes what is queued (when Redis answers), then takes no more writes. */
  async close(): Promise<void> {
    if (this.#closed) return;
    if (this.#outage.failure === undefined) await this.flush();
    this.#closed = true;
    this.#outage.cancelRetry();
  }
}

/** A flat `[k1, v1, k2, v2…]` reply (or a map/object from RESP3) as a Map. */
export function pairs(raw: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (Array.isArray(raw)) {
    for (let i = 0; i + 1 < raw.length; i += 2) out.set(String(raw[i]), String(raw[i + 1]));
  } else if (raw instanceof Map) {
    for (const [k, v] of raw) out.set(String(k), String(v));
  } else if (raw && typeof raw === "object") {
    for (const [k, v] of Object.entries(raw)) out.set(k, String(v));
  }
  return out;
}

/** An XRANGE reply as entries with their fields. */
export function parseEntries(raw: unknown): { id: string; fields: Map<string, string> }[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((e) => {
    const [id, fields] = e as [unknown, unknown];
    return { id: String(id), fields: pairs(fields) };
  });
}
