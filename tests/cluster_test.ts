/**
 * Cluster mode in one process: two Parley servers (`createParley` on real sockets) sharing
 * one real redis-server, real WebSocket seed clients. A tab on either node, input from
 * either node, a lost wake-up, and a takeover when a node stops renewing its lease.
 * (SIGKILL and SIGSTOP of separate processes: `tests/cluster_faults_test.ts`.)
 */
import assert from "node:assert/strict";
import { sessionKeys } from "../server/redis_keys.ts";
import { skipWithoutRedis, startRedis } from "./_redis.ts";
import { FrameSocket, SAMPLE_ANSWERS, type SeedFrame } from "./_seed_client.ts";
import type { TestServer } from "./_server.ts";
import { CHECK_MS, LEASE_MS, startNode } from "./_cluster_node.ts";

const ignore = await skipWithoutRedis();
const ANSWERS = [...SAMPLE_ANSWERS, "not sure", "no"];

/** Opens a tab that resumes `token` after `lastSeq` on `server`. */
async function resumeTab(server: TestServer, clientId: string, token: string, lastSeq: number) {
  const sock = new FrameSocket(server.wsUrl(clientId) + "?resume=1");
  await sock.opened;
  sock.send({ type: "resume", token, lastSeq });
  return sock;
}

/** The seq'd frames a tab received, as `seq:type`. */
const logOf = (frames: readonly SeedFrame[]) =>
  frames.filter((f) => typeof f.seq === "number").map((f) => `${f.seq}:${f.type}`);

/** Answers every question on `sock` (seed-style) until `complete`. */
async function answerToComplete(sock: FrameSocket, from = 0): Promise<void> {
  let i = from;
  for (;;) {
    const f = await sock.next();
    if (f.type === "question") sock.send({ answer: ANSWERS[i++] ?? "no" });
    if (f.type === "complete") return;
  }
}

/** Asserts the seq'd frames run 1..n (or from..n) with no gap and no duplicate. */
function assertGapless(frames: readonly SeedFrame[], from = 1) {
  const seqs = frames.filter((f) => typeof f.seq === "number").map((f) => f.seq as number);
  assert.deepEqual(seqs, seqs.map((_, i) => from + i));
}

Deno.test({
  name: "cluster: a conversation started on node 1 is finished from node 2 by a seed client",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using n1 = await startNode(redis.url, "n1");
    await using n2 = await startNode(redis.url, "n2");
    const first = new FrameSocket(n1.wsUrl("tab"));
    const session = await first.until("session");
    const token = String(session.data.token);
    await first.until("question");
    first.send({ answer: ANSWERS[0] });
    await first.until("question");
    const lastSeq = Number(first.frames.at(-1)!.seq);
    await first.close();

    await using second = await resumeTab(n2, "tab", token, lastSeq);
    const resumed = await second.until("session");
    assert.equal(resumed.data.resumed, true);
    assert.equal(resumed.seq, undefined, "a follower's resume notice is for this tab only");
    assert.equal(typeof resumed.data.pending, "string", "it names the question waiting");
    // The question was already sent before the tab left; node 2 follows: answers go to n1.
    second.send({ answer: ANSWERS[1] });
    await answerToComplete(second, 2);
    assertGapless(second.frames, lastSeq + 1);
    assert.equal(n2.parley.registry.followed, 1, "node 2 follows, it does not run it");
    assert.deepEqual(
      [...n1.logs, ...n2.logs].filter((l) => /recovered|taken over/.test(String(l.msg))),
      [],
      `node 1 ran it all along: ${
        JSON.stringify([...n1.logs, ...n2.logs].filter((l) =>
          /recovered|taken over/.test(String(l.msg))
        ))
      }`,
    );
    const stored = Number(
      await redis.cli("XLEN", sessionKeys(String(session.data.sessionId)).frames),
    );
    assert.equal(stored, Number(second.frames.at(-1)!.seq), "the tab saw the whole log");
  },
});

Deno.test({
  name:
    "cluster: one tab on each node sees the same frames in the same order; the first answer wins",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using n1 = await startNode(redis.url, "n1");
    await using n2 = await startNode(redis.url, "n2");
    await using a = new FrameSocket(n1.wsUrl("tab-a"));
    const session = await a.until("session");
    await using b = await resumeTab(n2, "tab-a", String(session.data.token), 0);
    await b.until("session");
    // Both tabs answer every question at once with different words; one answer is taken.
    let round = 0;
    const answered = new Set<string>();
    const drive = async (sock: FrameSocket, who: string) => {
      for (;;) {
        const f = await sock.next();
        if (f.type === "question") {
          sock.send({
            type: "answer",
            questionId: f.data.id,
            answer: `${ANSWERS[round]} (${who})`,
          });
        }
        if (f.type === "answered") {
          answered.add(String(f.data.questionId));
          round = answered.size;
        }
        if (f.type === "complete") return;
      }
    };
    await Promise.all([drive(a, "a"), drive(b, "b")]);
    const seqA = a.frames.filter((f) => typeof f.seq === "number");
    const seqB = b.frames.filter((f) => typeof f.seq === "number");
    assert.deepEqual(seqB, seqA, "identical frames, in the same order, on both nodes");
    assertGapless(a.frames);
    const answers = seqA.filter((f) => f.type === "answered");
    assert.equal(
      new Set(answers.map((f) => f.data.questionId)).size,
      answers.length,
      "each question answered once",
    );
    const losers = [...a.frames, ...b.frames].filter((f) =>
      f.type === "error" && f.data.code === "already_answered"
    );
    assert.ok(
      losers.every((f) => f.seq === undefined),
      "a losing answer's error is for its tab only",
    );
  },
});

Deno.test({
  name:
    "cluster: when the owner stops renewing its lease, the node watching takes over, its tab finishes, and the old owner is fenced",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using n1 = await startNode(redis.url, "n1");
    await using n2 = await startNode(redis.url, "n2");
    await using a = new FrameSocket(n1.wsUrl("tab"));
    const session = await a.until("session");
    await a.until("question");
    a.send({ answer: ANSWERS[0] });
    const q2 = await a.until("question");
    await using b = await resumeTab(n2, "tab", String(session.data.token), 0);
    assert.equal((await b.until("session")).seq, 1, "the log's first frame");
    await b.until("session"); // the follower's resume notice
    n1.node.stopLease(); // node 1 looks dead from now on, though it still runs
    // Node 2 claims the session and attaches its tab: the recovered session announces it.
    const taken = await b.until("session");
    assert.equal(taken.data.resumed, true);
    assert.equal(taken.data.pending, q2.data.id);
    assert.equal(typeof taken.seq, "number", "now run on node 2: the notice is in the log");
    // Node 1 still has the session in memory: its next write is refused, so it sends
    // nothing and closes its tab with 1013 (which would resume on the new owner).
    a.send({ answer: "A late answer on the old owner" });
    const closed = await a.closed;
    assert.equal(closed.code, 1013);
    assert.ok(
      a.frames.every((f) => typeof f.seq !== "number" || f.seq < Number(taken.seq)),
      "the fenced owner sent no frame after the takeover",
    );
    assert.equal(a.frames.at(-1)?.data.code, "storage_unavailable");
    b.send({ answer: ANSWERS[1] });
    await answerToComplete(b, 2);
    assertGapless(b.frames);
    const stored = Number(
      await redis.cli("XLEN", sessionKeys(String(session.data.sessionId)).frames),
    );
    assert.equal(stored, Number(b.frames.at(-1)!.seq));
    assert.equal(
      await redis.cli("HGET", sessionKeys(String(session.data.sessionId)).meta, "epoch"),
      "2",
    );
    assert.ok(n2.logs.some((l) => l.msg === "session taken over" && l.from === "n1"));
  },
});

Deno.test({
  name: "cluster: a session nobody watched is claimed on its next resume after its owner died",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using n1 = await startNode(redis.url, "n1");
    await using n2 = await startNode(redis.url, "n2");
    const a = new FrameSocket(n1.wsUrl("tab"));
    const session = await a.until("session");
    await a.until("question");
    a.send({ answer: ANSWERS[0] });
    await a.until("question");
    const lastSeq = Number(a.frames.at(-1)!.seq);
    await a.close();
    n1.node.stopLease();
    // The lease lapses by itself: wait for Redis to expire the key.
    while (await redis.cli("EXISTS", "parley:node:n1") === "1") {
      await new Promise((r) => setTimeout(r, 50));
    }
    await using b = await resumeTab(n2, "tab", String(session.data.token), lastSeq);
    const resumed = await b.until("session");
    assert.equal(typeof resumed.seq, "number", "run on node 2 now");
    b.send({ answer: ANSWERS[1] });
    await answerToComplete(b, 2);
    assertGapless(b.frames, lastSeq + 1);
    assert.deepEqual(
      logOf(b.frames).filter((l) => l.endsWith(":answered")).length,
      b.frames.filter((f) => f.type === "answered").length,
    );
    assert.ok(n2.logs.some((l) => l.msg === "session taken over"));
  },
});

Deno.test({
  name:
    "cluster: lost wake-ups (subscriptions killed over and over) are caught by the periodic checks",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using n1 = await startNode(redis.url, "n1");
    await using n2 = await startNode(redis.url, "n2");
    await using a = new FrameSocket(n1.wsUrl("tab"));
    const session = await a.until("session");
    await using b = await resumeTab(n2, "tab", String(session.data.token), 0);
    await b.until("question");
    // Every few ms, every pub/sub connection is dropped: most wake-ups (frames to the
    // follower, input to the owner) are lost; the checks every CHECK_MS must carry on.
    let killing = true;
    let kills = 0;
    const killer = (async () => {
      while (killing) {
        await redis.cli("CLIENT", "KILL", "TYPE", "pubsub");
        kills++;
      }
    })();
    try {
      b.send({ answer: ANSWERS[0] });
      await answerToComplete(b, 1);
    } finally {
      killing = false;
      await killer;
    }
    assert.ok(kills > 3, `subscriptions were killed ${kills} times`);
    assertGapless(b.frames);
    assert.deepEqual(logOf(b.frames), logOf(a.frames), "both tabs saw the same log");
  },
});

Deno.test({
  name:
    "cluster: a node that shuts down releases its lease, and the node watching takes over at once",
  ignore,
  async fn() {
    await using redis = await startRedis();
    const n1 = await startNode(redis.url, "n1");
    await using n2 = await startNode(redis.url, "n2");
    const a = new FrameSocket(n1.wsUrl("tab"));
    const session = await a.until("session");
    await a.until("question");
    await using b = await resumeTab(n2, "tab", String(session.data.token), 0);
    await b.until("question");
    assert.equal((await b.until("session")).seq, undefined, "the follower's notice");
    await n1[Symbol.asyncDispose](); // a clean stop: sessions suspended, lease deleted
    assert.equal(await redis.cli("EXISTS", "parley:node:n1"), "0");
    const taken = await b.until("session");
    assert.equal(typeof taken.seq, "number", "node 2 runs it now");
    b.send({ answer: ANSWERS[0] });
    await answerToComplete(b, 1);
    assertGapless(b.frames);
    await a.closed;
  },
});

Deno.test({
  name:
    "cluster: Redis down mid-conversation pauses it with storage_unavailable; when Redis is back it finishes with nothing lost",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using n1 = await startNode(redis.url, "n1");
    await using a = new FrameSocket(n1.wsUrl("tab"));
    await a.until("question");
    await redis.kill();
    a.send({ answer: ANSWERS[0] });
    const notice = await a.until("error");
    assert.equal(notice.data.code, "storage_unavailable");
    assert.equal(notice.seq, undefined);
    const health = await fetch(`${n1.url}/healthz`);
    assert.equal(health.status, 503);
    await health.body?.cancel();
    await redis.restart();
    await answerToComplete(a, 1);
    assertGapless(a.frames);
    const answered = a.frames.filter((f) => f.type === "answered");
    assert.equal(answered[0]?.data.answer, ANSWERS[0], "the answer given while Redis was down");
  },
});

Deno.test({
  name:
    "cluster: a Redis that cannot be reached at start stops the server with one parley: line and exit 1",
  ignore,
  async fn() {
    const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
    const port = (l.addr as Deno.NetAddr).port;
    l.close();
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "main.ts", "--port", "0"],
      env: { PARLEY_REDIS_URL: `redis://127.0.0.1:${port}`, NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(out.code, 1);
    const lines = new TextDecoder().decode(out.stderr).trim().split("\n");
    assert.match(
      lines.at(-1)!,
      /^parley: redis:\/\/127\.0\.0\.1:\d+\/?: Redis cannot be reached .* — start Redis, or fix PARLEY_REDIS_URL$/,
    );
  },
});

Deno.test({
  name:
    "cluster: an owner reads no input stream of a session nobody on another node watches; a watched one's input still arrives",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using n1 = await startNode(redis.url, "n1");
    await using n2 = await startNode(redis.url, "n2");
    const tabs = [new FrameSocket(n1.wsUrl("t1")), new FrameSocket(n1.wsUrl("t2"))];
    const sessions = [];
    for (const t of tabs) {
      sessions.push(await t.until("session"));
      await t.until("question");
    }
    assert.equal(await redis.cli("CONFIG", "RESETSTAT"), "OK");
    // Eight check periods with two live sessions owned by n1 and no follower anywhere.
    await new Promise((r) => setTimeout(r, CHECK_MS * 8));
    const stats = await redis.cli("INFO", "commandstats");
    assert.doesNotMatch(stats, /cmdstat_xrange:/, "no XRANGE of an unwatched input stream");

    // A tab on n2 follows the first: its answers reach n1 and the conversation finishes.
    await using follower = await resumeTab(
      n2,
      "t1",
      String(sessions[0]!.data.token),
      Number(tabs[0]!.frames.at(-1)!.seq),
    );
    await follower.until("session");
    follower.send({ answer: ANSWERS[0] });
    await answerToComplete(follower, 1);
    for (const t of tabs) await t.close();
  },
});

Deno.test({
  name:
    "cluster: a ?brief=full tab on a follower node gets the whole brief in complete, as on the owner",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using n1 = await startNode(redis.url, "n1");
    await using n2 = await startNode(redis.url, "n2");
    const first = new FrameSocket(n1.wsUrl("tab") + "?brief=full");
    const session = await first.until("session");
    await first.until("question");
    const lastSeq = Number(first.frames.at(-1)!.seq);
    const sock = new FrameSocket(n2.wsUrl("tab") + "?resume=1&brief=full");
    await sock.opened;
    sock.send({ type: "resume", token: String(session.data.token), lastSeq });
    await sock.until("session");
    sock.send({ answer: ANSWERS[0] });
    await answerToComplete(sock, 1);
    const onOwner = await first.until("complete");
    const onFollower = sock.frames.find((f) => f.type === "complete")!;
    const brief = onFollower.data.brief as Record<string, unknown>;
    assert.equal(brief.resultSeqs, undefined, "not the stored shape");
    assert.ok(brief.results, "the results are in the brief");
    assert.deepEqual(onFollower.data, onOwner.data, "the same complete as the owner's full tab");
    await first.close();
    await sock.close();
  },
});

Deno.test({
  name:
    "cluster: a Redis full for longer than the lease (noeviction) keeps the node's lease: renewals use PEXPIRE",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using _n1 = await startNode(redis.url, "n1");
    assert.equal(await redis.cli("EXISTS", "parley:node:n1"), "1");
    assert.equal(await redis.cli("CONFIG", "SET", "maxmemory", "1"), "OK");
    assert.match(await redis.cli("SET", "probe", "x"), /OOM/, "Redis refuses writes now");
    // Three leases: a renewal with SET … PX would be refused and the key would expire.
    await new Promise((r) => setTimeout(r, LEASE_MS * 3));
    assert.equal(await redis.cli("EXISTS", "parley:node:n1"), "1", "the lease is held");
    assert.equal(await redis.cli("CONFIG", "SET", "maxmemory", "0"), "OK");
  },
});
