/**
 * Ways of reaching a session, for the conformance suite: the same protocol tests run
 * against each (in-process through the same `ClientLink` the server uses, and over a real
 * WebSocket; each with the memory store and the SQLite store).
 *
 * @module
 */
import { OfflineEngine } from "../agents/offline/mod.ts";
import { DEFAULTS } from "../server/config.ts";
import { ClientLink } from "../server/link.ts";
import { createLogger } from "../server/log.ts";
import { SessionRegistry } from "../server/sessions.ts";
import { SqliteStore } from "../server/sqlite_store.ts";
import { MemoryStore, type SessionStore } from "../server/store.ts";
import { ClusterNode } from "../server/cluster.ts";
import { redisAvailable, startRedis } from "./_redis.ts";
import { FrameQueue, FrameSocket } from "./_seed_client.ts";
import { startTestServer, type TestServer } from "./_server.ts";

/** One side of a conversation, as a client sees it. */
export interface Peer extends FrameQueue, AsyncDisposable {
  send(value: unknown): void;
  close(): Promise<void>;
}

/** A way of opening a conversation. */
export interface Transport extends AsyncDisposable {
  name: string;
  /** Opens a new conversation, or resumes one when `resume` is set. */
  open(clientId: string, resume?: { token: string; lastSeq: number }): Promise<Peer>;
}

class InProcessPeer extends FrameQueue implements Peer {
  readonly link: ClientLink;
  #closed = false;
  constructor(registry: SessionRegistry, clientId: string, resume: boolean) {
    super();
    this.link = new ClientLink({
      registry,
      clientId,
      resume,
      maxFrameBytes: DEFAULTS.maxFrameBytes,
      log: createLogger("silent"),
      io: {
        send: (text) => this.push(JSON.parse(text)),
        close: () => void this.close(),
      },
    });
    this.link.open();
  }
  send(value: unknown): void {
    this.link.message(typeof value === "string" ? value : JSON.stringify(value));
  }
  close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      this.link.closed(1000);
      this.end();
    }
    return Promise.resolve();
  }
  [Symbol.asyncDispose]() {
    return this.close();
  }
}

function inProcess(name: string, store: () => SessionStore): Transport {
  const s = store();
  const registry = new SessionRegistry({
    store: s,
    engine: new OfflineEngine(),
    log: createLogger("silent"),
    maxSessions: 100,
    maxFrames: 1000,
    maxPendingWrites: 10_000,
    graceMs: 60_000,
    ttlMs: 3_600_000,
    maxRounds: 3,
    maxQuestionsPerRound: 3,
    // As the server's default (PARLEY_REVIEW=on), so every transport asks the review.
    review: true,
  });
  return {
    name,
    open(clientId, resume) {
      const peer = new InProcessPeer(registry, clientId, resume !== undefined);
      if (resume) peer.send({ type: "resume", ...resume });
      return Promise.resolve(peer);
    },
    async [Symbol.asyncDispose]() {
      await registry.shutdown();
      s.close();
    },
  };
}

async function overWebSocket(name: string, db: string): Promise<Transport> {
  const server = await startTestServer({ db });
  return {
    name,
    async open(clientId, resume) {
      const url = server.wsUrl(clientId) + (resume ? "?resume=1" : "");
      const sock = new FrameSocket(url);
      await sock.opened;
      if (resume) sock.send({ type: "resume", ...resume });
      return sock;
    },
    [Symbol.asyncDispose]: () => server[Symbol.asyncDispose](),
  };
}

/**
 * Cluster mode on a redis-server of its own: `nodes` Parley servers on one Redis; new
 * conversations open on the first, resumes on the last (which follows the first).
 */
async function overCluster(name: string, nodes: number): Promise<Transport> {
  const redis = await startRedis();
  const servers: TestServer[] = [];
  for (let i = 0; i < nodes; i++) {
    const node = await ClusterNode.open({
      url: redis.url,
      nodeId: `${name}-${i + 1}`,
      leaseMs: 1_000,
      checkMs: 100,
      ttlMs: 3_600_000,
      log: createLogger("silent"),
    });
    servers.push(await startTestServer({ redisUrl: redis.url }, { cluster: node }));
  }
  return {
    name,
    async open(clientId, resume) {
      const server = resume ? servers.at(-1)! : servers[0]!;
      const url = server.wsUrl(clientId) + (resume ? "?resume=1" : "");
      const sock = new FrameSocket(url);
      await sock.opened;
      if (resume) sock.send({ type: "resume", ...resume });
      return sock;
    },
    async [Symbol.asyncDispose]() {
      for (const s of servers) await s[Symbol.asyncDispose]();
      await redis[Symbol.asyncDispose]();
    },
  };
}

/** Whether the Redis transports run: redis-server is here, or CI requires it. */
const withRedis = Deno.env.get("CI") === "true" || await redisAvailable();

/** Every transport by name; each test starts its own (`await using`). */
export const transports: { name: string; start: () => Promise<Transport> }[] = [
  {
    name: "in-process",
    start: () => Promise.resolve(inProcess("in-process", () => new MemoryStore())),
  },
  {
    name: "in-process+sqlite",
    start: () => Promise.resolve(inProcess("in-process+sqlite", () => new SqliteStore(":memory:"))),
  },
  { name: "websocket", start: () => overWebSocket("websocket", ":memory:") },
  {
    name: "websocket+sqlite",
    start: async () => {
      const dir = await Deno.makeTempDir();
      return overWebSocket("websocket+sqlite", `${dir}/parley.db`);
    },
  },
  ...(withRedis
    ? [
      { name: "websocket+redis", start: () => overCluster("websocket+redis", 1) },
      { name: "cluster (resume on node 2)", start: () => overCluster("cluster", 2) },
    ]
    : []),
];
