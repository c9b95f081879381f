/**
 * A real server process killed with SIGKILL mid-conversation and started again on the
 * same SQLite file: the client resumes with its token and finishes, with every frame once
 * and in order, every question asked once and answered once. Nothing reaches the
 * internet: the model, where one is needed, is a fake provider on loopback.
 */
import assert from "node:assert/strict";
import { sampleAnalyses } from "../agents/testing.ts";
import { planAsk, planDone } from "./_model_plans.ts";
import { ProtocolVerifier } from "../protocol/verify.js";
import { chatStream, type FakeRequest, hang, startFake } from "./_fake_openai.ts";
import { AnsweringClient, FrameSocket, type SeedFrame } from "./_seed_client.ts";
import { within as waitWithin } from "./_wait.ts";

const ROOT = new URL("..", import.meta.url);
/** Longest wait for one frame or for a process to listen, so a bug fails instead of hanging. */
const WAIT_MS = 20_000;

/** Rejects after `ms` (default {@link WAIT_MS}) unless `promise` settles first. */
const within = <T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> =>
  waitWithin(promise, what, ms);

/** `deno run -A main.ts --port 0` on a database file; killed with SIGKILL when disposed. */
class ServerProcess implements AsyncDisposable {
  readonly child: Deno.ChildProcess;
  /** Every stderr line so far. */
  readonly lines: string[] = [];
  readonly listening: Promise<string>;
  readonly #drained: Promise<void>;
  #status: Promise<Deno.CommandStatus>;

  constructor(db: string, env: Record<string, string> = {}) {
    const child = new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "main.ts", "--port", "0"],
      cwd: ROOT,
      env: {
        PARLEY_DB: db,
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
    const { promise, resolve, reject } = Promise.withResolvers<string>();
    this.listening = promise;
    // Drained to the end, whatever happens, so the pipe never fills and the test leaks nothing.
    this.#drained = (async () => {
      let rest = "";
      for await (const chunk of child.stderr.pipeThrough(new TextDecoderStream())) {
        const parts = (rest + chunk).split("\n");
        rest = parts.pop()!;
        for (const line of parts) {
          this.lines.push(line);
          try {
            const entry = JSON.parse(line);
            if (entry.msg === "listening") resolve(String(entry.url));
          } catch { /* not a log line */ }
        }
      }
      reject(new Error(`The server exited before listening:\n${this.lines.join("\n")}`));
    })();
    this.listening.catch(() => {});
  }

  /** Starts a server and waits for its "listening" line. */
  static async start(db: string, env?: Record<string, string>): Promise<ServerProcess> {
    const server = new ServerProcess(db, env);
    try {
      await within(server.listening, "the server to listen");
      return server;
    } catch (err) {
      await server.kill();
      throw err;
    }
  }

  /** `ws://127.0.0.1:PORT/ws/{clientId}` */
  async wsUrl(clientId: string): Promise<string> {
    return `${(await this.listening).replace(/^http/, "ws")}/ws/${clientId}`;
  }

  /** Kills the process with SIGKILL (no shutdown, no flush) and waits for it to be gone. */
  async kill(): Promise<void> {
    try {
      this.child.kill("SIGKILL");
    } catch { /* already exited */ }
    const status = await this.#status;
    await this.#drained;
    if (status.success) throw new Error("The server exited by itself before it was killed");
  }

  /** Stops the process with SIGTERM (a clean shutdown) and returns its exit code. */
  async terminate(): Promise<number> {
    this.child.kill("SIGTERM");
    const status = await within(this.#status, "the server to exit after SIGTERM");
    await this.#drained;
    return status.code;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    try {
      this.child.kill("SIGKILL");
    } catch { /* already exited */ }
    await this.#status;
    await this.#drained;
  }
}

/** The answering client, with a time limit on every read and a way to resume. */
class Client extends AnsweringClient {
  override run(sock: FrameSocket, stop?: (f: SeedFrame) => boolean) {
    return super.run(sock, stop, (p) => within(p.next(), `a frame after seq ${this.lastSeq}`));
  }

  /** Opens a socket that resumes the conversation after the last frame seen. */
  async resume(server: ServerProcess): Promise<FrameSocket> {
    const sock = new FrameSocket(`${await server.wsUrl("killed")}?resume=1`);
    await within(sock.opened, "the resume socket to open");
    sock.send({ type: "resume", token: this.token, lastSeq: this.lastSeq });
    return sock;
  }
}

/** What must hold of every conversation that survived a kill. */
function assertWhole(seen: SeedFrame[]) {
  const seqs = seen.map((f) => f.seq);
  assert.deepEqual(seqs, seqs.map((_, i) => i + 1), "seq gapless, no duplicate");
  const v = new ProtocolVerifier();
  for (const f of seen) v.server(f as never);
  const asked = seen.filter((f) => f.type === "question").map((f) => f.data.id);
  assert.deepEqual(asked, [...new Set(asked)], "each question asked once");
  const answered = seen.filter((f) => f.type === "answered").map((f) => f.data.questionId);
  assert.deepEqual(answered, asked, "each question answered once, in order");
  assert.deepEqual(
    seen.filter((f) => f.type === "session").map((f) => f.data.resumed),
    [false, true],
    "one new session, one resume",
  );
  const last = seen.at(-1)!;
  assert.equal(last.type, "complete");
  assert.match(String(last.data.summary), /^# /);
  assert.equal(typeof last.data.brief, "object");
}

const nthQuestion = (n: number) => {
  let count = 0;
  return (f: SeedFrame) => f.type === "question" && ++count === n;
};

/**
 * Runs a conversation on a fresh database until `stop`, does `beforeKill`, kills the
 * server, starts another on the same file, resumes and finishes. Returns every frame seen.
 */
async function killAndResume(
  stop: (f: SeedFrame) => boolean,
  beforeKill: (c: Client, sock: FrameSocket) => Promise<void> | void = () => {},
  env?: Record<string, string>,
  afterKill: () => void = () => {},
): Promise<{ client: Client; first: ServerProcess; second: ServerProcess }> {
  const dir = await Deno.makeTempDir({ prefix: "parley-kill-" });
  const db = `${dir}/parley.db`;
  const client = new Client();
  try {
    await using first = await ServerProcess.start(db, env);
    {
      await using sock = new FrameSocket(await first.wsUrl("killed"));
      assert.equal(await client.run(sock, stop), "stopped");
      await beforeKill(client, sock);
      await first.kill();
      afterKill();
      await within(sock.closed, "the socket to close when the server dies");
    }
    await using second = await ServerProcess.start(db, env);
    {
      await using sock = await client.resume(second);
      assert.equal(await client.run(sock), "complete");
    }
    return { client, first, second };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("kill -9 while a question is pending: the restarted server asks it again by resume and finishes", async () => {
  const { client, second } = await killAndResume(nthQuestion(2));
  assertWhole(client.seen);
  const resumed = client.seen.find((f) => f.type === "session" && f.data.resumed)!;
  const unanswered = client.seen.filter((f) => f.type === "question")[1]!;
  assert.equal(resumed.data.pending, unanswered.data.id, "the resume names the pending question");
  assert.ok(second.lines.some((l) => l.includes('"msg":"session recovered"')));
});

Deno.test("kill -9 right after an answer was sent: the answer counts once, whether or not it was saved", async () => {
  const { client } = await killAndResume(nthQuestion(2), (c, sock) => {
    c.answer(sock, String(c.seen.at(-1)!.data.id));
  });
  assertWhole(client.seen);
});

Deno.test("kill -9 after an answer was acknowledged: the pipeline's next frames are replayed, not redone", async () => {
  const { client } = await killAndResume(nthQuestion(3), async (c, sock) => {
    c.answer(sock, String(c.seen.at(-1)!.data.id));
    for (;;) {
      const f = await within(sock.next(), "the answered frame");
      c.seen.push(f);
      if (f.type === "answered") return;
    }
  });
  assertWhole(client.seen);
});

// After the Clarifier: a model engine against a fake provider whose analysts hang until
// the server is killed, then answer. The Clarifier's model calls are recorded, so the
// restarted server replays them instead of asking the model again.

Deno.test("kill -9 after the Clarifier finished: the analysts run again, the Clarifier's calls are not repeated", async () => {
  let killed = false;
  const analystStarted = Promise.withResolvers<void>();
  await using fake = await startFake((req: FakeRequest) => {
    if (req.agent === "clarifier") {
      return chatStream(JSON.stringify(req.prompt.includes("A2:") ? planDone : planAsk));
    }
    if (req.agent === "summary") return chatStream("Walkies connects dog owners and walkers.");
    if (!killed) {
      analystStarted.resolve();
      return hang(req);
    }
    return chatStream(JSON.stringify(sampleAnalyses[req.agent as keyof typeof sampleAnalyses]));
  });
  const env = {
    PARLEY_MODEL: "openai:gpt-test",
    PARLEY_API_KEY: "sk-test",
    PARLEY_BASE_URL: fake.baseUrl,
    // About the analysts after the interview: no review question between them.
    PARLEY_REVIEW: "off",
  };
  const agents = () => fake.requests.map((r) => r.agent);
  let clarifierCalls = 0;
  const { client } = await killAndResume(
    (f) =>
      f.type === "result" && f.data.agent === "clarifier" && f.data.data !== null &&
      (f.data.data as { done?: boolean }).done === true,
    async () => {
      await within(analystStarted.promise, "an analyst to call the model");
      clarifierCalls = agents().filter((a) => a === "clarifier").length;
      killed = true;
    },
    env,
  );
  assertWhole(client.seen);
  assert.equal(clarifierCalls, 2, "rounds 2 and 3 were planned before the kill");
  assert.equal(agents().filter((a) => a === "clarifier").length, clarifierCalls);
  // The analysts run at once, so their results come in any order.
  const results = client.seen.filter((f) => f.type === "result").map((f) => String(f.data.agent));
  assert.deepEqual(results.toSorted(), [
    "clarifier",
    "clarifier",
    "customer",
    "engineer",
    "product",
    "risk",
  ]);
  assert.equal(client.seen.filter((f) => f.type === "error").length, 0);
});

Deno.test("SIGTERM mid-conversation: the server closes sockets with 1001, exits 0, and the next one resumes", async () => {
  const dir = await Deno.makeTempDir({ prefix: "parley-term-" });
  const db = `${dir}/parley.db`;
  const client = new Client();
  try {
    await using first = await ServerProcess.start(db);
    {
      await using sock = new FrameSocket(await first.wsUrl("killed"));
      assert.equal(await client.run(sock, nthQuestion(2)), "stopped");
      const closed = sock.closed;
      assert.equal(await first.terminate(), 0);
      assert.equal((await within(closed, "the socket to close")).code, 1001);
    }
    const logged = first.lines.map((l) => JSON.parse(l).msg);
    const down = logged.indexOf("shutting down");
    assert.ok(down >= 0 && down < logged.indexOf("stopped"), "shutting down, then stopped");
    assert.equal(logged.at(-1), "stopped");
    await using second = await ServerProcess.start(db);
    await using sock = await client.resume(second);
    assert.equal(await client.run(sock), "complete");
    assertWhole(client.seen);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("kill -9 during a re-run after an edit: the restarted server replays both runs and briefs version 2", async () => {
  const { client } = await killAndResume(
    (f) => f.type === "complete",
    async (c, sock) => {
      const idea = c.seen.find((f) => f.type === "question")!;
      sock.send({
        type: "edit",
        questionId: String(idea.data.id),
        answer: "A booking app for a physiotherapy clinic in Germany, patients pay online",
      });
      // The new idea opens new topics: the re-run stops at its first new question.
      assert.equal(await c.run(sock, (f) => f.type === "question"), "stopped");
      assert.ok(c.seen.some((f) => f.type === "edited"));
    },
  );
  assertWhole(client.seen);
  const versions = client.seen.filter((f) => f.type === "complete").map((f) => f.data.version);
  assert.deepEqual(versions, [1, 2]);
  const brief = client.seen.at(-1)!.data.brief as { requirements: { idea: string } };
  assert.match(brief.requirements.idea, /physiotherapy clinic/);
});

Deno.test("kill -9 during a re-run after an edit with the model engine: the restarted server briefs version 2, no finished call asked again", async () => {
  const EDITED = "A booking app for cat sitters";
  let released = true;
  const inFlight = new Set<FakeRequest>();
  await using fake = await startFake((req: FakeRequest) => {
    if (req.agent === "clarifier") {
      return chatStream(JSON.stringify(req.prompt.includes("A2:") ? planDone : planAsk));
    }
    if (req.agent === "summary") return chatStream("Walkies connects dog owners and walkers.");
    // The re-run's analysts (they read the edited answer) hang until the server is dead.
    if (!released && req.prompt.includes(EDITED)) {
      inFlight.add(req);
      return hang(req);
    }
    return chatStream(JSON.stringify(sampleAnalyses[req.agent as keyof typeof sampleAnalyses]));
  });
  const env = {
    PARLEY_MODEL: "openai:gpt-test",
    PARLEY_API_KEY: "sk-test",
    PARLEY_BASE_URL: fake.baseUrl,
    PARLEY_REVIEW: "off",
  };
  let hung: FakeRequest[] = [];
  const { client } = await killAndResume(
    (f) => f.type === "complete",
    async (c, sock) => {
      const idea = c.seen.find((f) => f.type === "question")!;
      released = false;
      sock.send({ type: "edit", questionId: String(idea.data.id), answer: EDITED });
      assert.equal(await c.run(sock, (f) => f.type === "edited"), "stopped");
      const started = Promise.withResolvers<void>();
      const poll = setInterval(() => inFlight.size >= 1 && started.resolve(), 20);
      try {
        await within(started.promise, "the re-run's analysts to call the model");
      } finally {
        clearInterval(poll);
      }
      hung = [...inFlight];
    },
    env,
    // Released only once the server is dead: a call it made until then hangs and is lost,
    // none can finish at the model while the server dies before storing it.
    () => released = true,
  );
  const versions = client.seen.filter((f) => f.type === "complete").map((f) => f.data.version);
  assert.deepEqual(versions, [1, 2]);
  assert.equal(client.seen.filter((f) => f.type === "error").length, 0);
  // Every model call was made once, except those in flight at the kill: exactly twice.
  const key = (r: FakeRequest) => `${r.agent}\n${JSON.stringify(r.body.messages)}`;
  const times = new Map<string, number>();
  for (const r of fake.requests) times.set(key(r), (times.get(key(r)) ?? 0) + 1);
  // Every request that hung is lost, including one that joined after `hung` was read
  // (the analysts run concurrently): nothing is added once `released` is set.
  const lost = new Set([...hung, ...inFlight].map(key));
  assert.ok(lost.size >= 1);
  for (const [k, n] of times) {
    assert.equal(
      n,
      lost.has(k) ? 2 : 1,
      `${k.split("\n")[0]}: ${lost.has(k) ? "lost" : "finished"}`,
    );
  }
});
