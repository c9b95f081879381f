/**
 * Cluster fault tests' parts: real `main.ts` processes ("nodes") sharing one test Redis,
 * each on its own free loopback port, that a test can SIGKILL, SIGSTOP and SIGCONT; and
 * tabs, WebSocket clients that speak only the seed protocol plus `resume`, which can follow
 * a session from any node, move to another node when theirs dies, and be checked against
 * each other at the end.
 *
 * @module
 */
import assert from "node:assert/strict";
import { ProtocolVerifier } from "../protocol/verify.js";
import { FrameSocket, SAMPLE_ANSWERS, type SeedFrame } from "./_seed_client.ts";
import { until as waitUntil, within as waitWithin } from "./_wait.ts";

const ROOT = new URL("..", import.meta.url);

/** Longest wait for one frame, a process or a condition, so a bug fails instead of hanging. */
export const WAIT_MS = 30_000;

/** The short cluster timings of the fault tests: takeover within about 1.25 s. */
export const FAST: Readonly<Record<string, string>> = {
  PARLEY_NODE_LEASE_MS: "1000",
  PARLEY_CLUSTER_CHECK_MS: "250",
};

/** Rejects after `ms` (default {@link WAIT_MS}) unless `promise` settles first. */
export function within<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  return waitWithin(promise, what, ms);
}

/** Waits until `check` holds (polled every 25 ms), failing with `what` after `ms`. */
export function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  ms = WAIT_MS,
): Promise<void> {
  return waitUntil(check, what, ms);
}

/** One `deno run -A main.ts --port 0` on the test's Redis; killed with SIGKILL when disposed. */
export class Node implements AsyncDisposable {
  readonly child: Deno.ChildProcess;
  /** Every stderr line so far. */
  readonly lines: string[] = [];
  readonly listening: Promise<string>;
  readonly #drained: Promise<void>;
  readonly #status: Promise<Deno.CommandStatus>;
  #exited = false;

  constructor(readonly id: string, env: Record<string, string>, args: string[] = []) {
    const child = new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", ...args, "main.ts", "--port", "0"],
      cwd: ROOT,
      env: {
        // A memory store, were Redis not picked: then no tab could follow from another node,
        // so the tests fail instead of passing on one node's own state.
        PARLEY_DB: ":memory:",
        PARLEY_NODE_ID: id,
        LOG_LEVEL: "info",
        CORS_ORIGINS: "*",
        PARLEY_MODEL: "offline",
        ...env,
      },
      stdin: "null",
      stdout: "null",
      stderr: "piped",
    }).spawn();
    this.child = child;
    this.#status = child.status;
    this.#status.then(() => this.#exited = true);
    const { promise, resolve, reject } = Promise.withResolvers<string>();
    this.listening = promise;
    this.listening.catch(() => {});
    // Drained to the end, whatever happens, so the pipe never fills.
    this.#drained = (async () => {
      let rest = "";
      for await (const chunk of child.stderr.pipeThrough(new TextDecoderStream())) {
        const parts = (rest + chunk).split("\n");
        rest = parts.pop()!;
        for (const line of parts) {
          this.lines.push(line);
          if (Deno.env.get("PARLEY_TEST_LOGS")) {
            // deno-lint-ignore no-console
            console.error(`[${id}] ${line}`);
          }
          try {
            const entry = JSON.parse(line);
            if (entry.msg === "listening") resolve(String(entry.url));
          } catch { /* not a log line */ }
        }
      }
      reject(new Error(`Node ${id} exited before listening:\n${this.lines.join("\n")}`));
    })();
  }

  /** Starts a node and waits for its "listening" line. */
  static async start(id: string, env: Record<string, string>, args?: string[]): Promise<Node> {
    const node = new Node(id, env, args);
    try {
      await within(node.listening, `node ${id} to listen`);
      return node;
    } catch (err) {
      await node[Symbol.asyncDispose]();
      throw err;
    }
  }

  /** The process id (of the supervisor, for a `PARLEY_PROCESSES` node). */
  get pid(): number {
    return this.child.pid;
  }

  /** Whether the process has exited. */
  get exited(): boolean {
    return this.#exited;
  }

  /** `ws://127.0.0.1:PORT/ws/{clientId}`, with `?resume=1` to resume. */
  async wsUrl(clientId: string, resume = false): Promise<string> {
    const base = (await this.listening).replace(/^http/, "ws");
    return `${base}/ws/${clientId}${resume ? "?resume=1" : ""}`;
  }

  /** The log entries (JSON lines) so far whose `msg` is `msg`. */
  logged(msg: string): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    for (const line of this.lines) {
      try {
        const entry = JSON.parse(line);
        if (entry.msg === msg) out.push(entry);
      } catch { /* not a log line */ }
    }
    return out;
  }

  /** SIGKILL (no shutdown, no flush), then waits until the process is gone. */
  async kill(): Promise<void> {
    try {
      this.child.kill("SIGKILL");
    } catch { /* already exited */ }
    await this.#status;
    await this.#drained;
  }

  /** SIGTERM (a clean shutdown); resolves with the exit code. */
  async terminate(): Promise<number> {
    this.child.kill("SIGTERM");
    const status = await within(this.#status, `node ${this.id} to exit after SIGTERM`);
    await this.#drained;
    return status.code;
  }

  /** SIGSTOP: the process stays, frozen, with its sockets open. */
  pause(): void {
    this.child.kill("SIGSTOP");
  }

  /** SIGCONT after {@link Node.pause}. */
  unpause(): void {
    this.child.kill("SIGCONT");
  }

  async [Symbol.asyncDispose](): Promise<void> {
    try {
      this.child.kill("SIGCONT"); // a stopped process cannot die of SIGKILL until continued
      this.child.kill("SIGKILL");
    } catch { /* already exited */ }
    await this.#status;
    await this.#drained;
  }
}

/** Several nodes started at once on one Redis, disposed together. */
export class Cluster implements AsyncDisposable {
  private constructor(readonly nodes: readonly Node[]) {}

  /** Starts nodes `n1` … `nN` on `redisUrl` with {@link FAST} timings and `env`. */
  static async start(
    redisUrl: string,
    n: number,
    env: Record<string, string> = {},
  ): Promise<Cluster> {
    const started = await Promise.allSettled(
      Array.from(
        { length: n },
        (_, i) => Node.start(`n${i + 1}`, { PARLEY_REDIS_URL: redisUrl, ...FAST, ...env }),
      ),
    );
    const cluster = new Cluster(
      started.flatMap((s) => s.status === "fulfilled" ? [s.value] : []),
    );
    const failed = started.find((s) => s.status === "rejected");
    if (failed) {
      await cluster[Symbol.asyncDispose]();
      throw (failed as PromiseRejectedResult).reason;
    }
    return cluster;
  }

  /** Node `n<i>` (1-based, as in its id). */
  node(i: number): Node {
    const node = this.nodes[i - 1];
    if (!node) throw new RangeError(`No node n${i}: the cluster has ${this.nodes.length}`);
    return node;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await Promise.all(this.nodes.map((n) => n[Symbol.asyncDispose]()));
  }
}

/**
 * A browser tab as the seed protocol sees it, plus `resume`: it keeps every frame it got,
 * over any number of connections to any nodes. An answering tab answers each question it
 * sees (asked, or named as pending by a `session` frame) by id, the same answer for the same
 * id; a watching tab only reads.
 */
export class Tab implements AsyncDisposable {
  /** Every frame received, in order, connection-only ones included. */
  readonly frames: SeedFrame[] = [];
  token = "";
  sessionId = "";
  sock: FrameSocket | undefined;
  readonly #answers = new Map<string, string>();

  /**
   * `name` tells tabs apart in messages; they all use one client id, as a person's tabs do
   * (a session resumes only for the client that started it).
   */
  constructor(readonly name: string, public answering = false, readonly clientId = "person") {}

  /** The frames that carry a `seq`: the session's log as this tab saw it. */
  get logged(): SeedFrame[] {
    return this.frames.filter((f) => typeof f.seq === "number");
  }

  /** The seq of the last logged frame seen, 0 before any. */
  get lastSeq(): number {
    return Number(this.logged.at(-1)?.seq ?? 0);
  }

  /**
   * Reads to `complete` ({@link Tab.read}); whenever the socket closes first (its node
   * died, or closed it), resumes on the next of `nodes` that is still running.
   */
  async readAcross(nodes: readonly Node[]): Promise<SeedFrame> {
    for (let moves = 0;; moves++) {
      try {
        return await this.read();
      } catch (err) {
        const closed = this.sock?.ws.readyState === WebSocket.CLOSED;
        if (!closed || moves >= 10) throw err;
        const node = nodes.find((n) => !n.exited);
        if (!node) throw err;
        await this.join(node);
      }
    }
  }

  /** Whether this tab has seen `complete`. */
  get complete(): boolean {
    return this.frames.some((f) => f.type === "complete");
  }

  /** Opens a new session on `node`. */
  async start(node: Node): Promise<void> {
    this.sock = new FrameSocket(await node.wsUrl(this.clientId));
    await within(this.sock.opened, `${this.name}: the socket to open`);
  }

  /** Follows the session of `from` (or this tab's own, after a drop) on `node`, after lastSeq. */
  async join(node: Node, from: Tab = this): Promise<void> {
    assert.ok(from.token, `${this.name}: a token to resume with`);
    this.token = from.token;
    this.sessionId = from.sessionId;
    await this.sock?.close();
    this.sock = new FrameSocket(await node.wsUrl(this.clientId, true));
    await within(this.sock.opened, `${this.name}: the resume socket to open`);
    this.sock.send({ type: "resume", token: this.token, lastSeq: this.lastSeq });
  }

  /** The answer to question `id`: the next sample answer the first time, the same after. */
  answerFor(id: string): string {
    if (!this.#answers.has(id)) {
      this.#answers.set(id, SAMPLE_ANSWERS[this.#answers.size] ?? "no");
    }
    return this.#answers.get(id)!;
  }

  /** Sends the answer to question `id` on this tab's socket. */
  answer(id: string): void {
    this.sock!.send({ type: "answer", questionId: id, answer: this.answerFor(id) });
  }

  /**
   * Reads frames until `stop` holds for one (checked before answering it) or `complete`.
   * Returns the frame it stopped at. Rejects if the socket closes first, or after
   * {@link WAIT_MS} without a frame.
   */
  async read(stop: (f: SeedFrame) => boolean = () => false): Promise<SeedFrame> {
    const sock = this.sock!;
    for (;;) {
      const f = await within(sock.next(), `${this.name}: a frame after seq ${this.lastSeq}`);
      this.frames.push(f);
      if (f.type === "session" && typeof f.data.token === "string") {
        this.token = f.data.token;
        this.sessionId = String(f.data.sessionId);
      }
      if (stop(f)) return f;
      if (this.answering) {
        const pending = f.type === "question"
          ? String(f.data.id)
          : f.type === "session" && f.data.pending
          ? String(f.data.pending)
          : undefined;
        if (pending && !this.#answered(pending)) this.answer(pending);
      }
      if (f.type === "complete") return f;
    }
  }

  /** Whether the log already shows question `id` answered. */
  #answered(id: string): boolean {
    return this.frames.some((f) => f.type === "answered" && f.data.questionId === id);
  }

  /** The question pending now, by the frames seen: asked and not yet answered. */
  get pending(): string | undefined {
    const asked = this.logged.filter((f) => f.type === "question").map((f) => String(f.data.id));
    return asked.find((id) => !this.#answered(id));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.sock?.close();
  }
}

/** Stops at the `n`th question frame. */
export const nthQuestion = (n: number): (f: SeedFrame) => boolean => {
  let count = 0;
  return (f) => f.type === "question" && ++count === n;
};

/** Stops at the frame with seq `seq`. */
export const atSeq = (seq: number): (f: SeedFrame) => boolean => (f) => f.seq === seq;

/**
 * The frame as the log holds it, for comparing: type, data and seq; not `ts`, nor the token,
 * which only the new session's seq 1 carries on the wire and the store never holds.
 */
export const shape = (f: SeedFrame): string => {
  const { token: _, ...data } = f.data;
  return JSON.stringify({ seq: f.seq, type: f.type, data });
};

/**
 * What must hold when every tab has finished: each saw its logged frames gapless from seq 1,
 * no seq twice, in an order the protocol verifier accepts, exactly one `complete`, and last;
 * every question asked once and answered once, in order; and the tabs agree frame for frame
 * (the same seq is the same frame everywhere, and all end at the same seq).
 */
export function assertTabsAgree(tabs: readonly Tab[]): void {
  for (const tab of tabs) {
    const logged = tab.logged;
    const seqs = logged.map((f) => f.seq);
    assert.deepEqual(seqs, seqs.map((_, i) => i + 1), `${tab.name}: seq gapless, no duplicate`);
    const v = new ProtocolVerifier();
    for (const f of logged) v.server(f as never);
    assert.deepEqual(
      logged.filter((f) => f.type === "complete").map((f) => f.seq),
      [logged.at(-1)?.seq],
      `${tab.name}: exactly one complete, and last`,
    );
    const asked = logged.filter((f) => f.type === "question").map((f) => f.data.id);
    assert.deepEqual(asked, [...new Set(asked)], `${tab.name}: each question asked once`);
    const answered = logged.filter((f) => f.type === "answered").map((f) => f.data.questionId);
    assert.deepEqual(answered, asked, `${tab.name}: each question answered once, in order`);
  }
  const [first, ...rest] = tabs;
  for (const tab of rest) {
    assert.deepEqual(
      tab.logged.map(shape),
      first!.logged.map(shape),
      `${tab.name} and ${first!.name} saw the same log`,
    );
  }
}

/** The session's log as Redis holds it: the `t` field of each `parley:{sid}:frames` entry. */
export async function redisLog(
  cli: (...args: string[]) => Promise<string>,
  sessionId: string,
): Promise<SeedFrame[]> {
  // `redis-cli --json`-free: XRANGE prints id, "t", text, "o", origin… one per line with
  // --no-raw off; read the values by field name instead.
  const out = await cli("--raw", "XRANGE", `parley:{${sessionId}}:frames`, "-", "+");
  const lines = out.split("\n");
  const frames: SeedFrame[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === "t" && lines[i + 1] !== undefined) frames.push(JSON.parse(lines[i + 1]!));
  }
  return frames;
}

/** The session's owner as Redis holds it (`owner` and `epoch` of `parley:{sid}:meta`). */
export async function redisOwner(
  cli: (...args: string[]) => Promise<string>,
  sessionId: string,
): Promise<{ owner: string; epoch: string }> {
  const out = await cli("--raw", "HMGET", `parley:{${sessionId}}:meta`, "owner", "epoch");
  const [owner = "", epoch = ""] = out.split("\n");
  return { owner, epoch };
}
