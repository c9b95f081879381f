/**
 * Cluster mode attacked from the outside: what a reviewer would try beyond the main fault
 * tests. Two or three Parley servers in this process (`createParley` on real sockets, each
 * with its own `ClusterNode`) share one real `redis-server`; the tabs are real WebSocket
 * clients. Every kind of client input sent on a node that does not own the session, input
 * errors that must reach only their tab, tokens and replays across nodes, racing answers,
 * a clean shutdown that hands its sessions over without waiting for the lease, Redis full
 * or frozen, and what `/metrics` says about it.
 */
import assert from "node:assert/strict";
import { sessionKeys } from "../server/redis_keys.ts";
import { CLOSE_CODES } from "../protocol/errors.js";
import { skipWithoutRedis, startRedis } from "./_redis.ts";
import { FrameSocket, SAMPLE_ANSWERS, type SeedFrame } from "./_seed_client.ts";
import type { TestServer } from "./_server.ts";
import { parseExposition } from "./_prometheus.ts";
import { shape, until, within } from "./_cluster.ts";
import { CHECK_MS, startNode } from "./_cluster_node.ts";

const ignore = await skipWithoutRedis();

/** One client id for every tab: a person's tabs share it (a session resumes only for it). */
const CLIENT = "person";

/** A tab that starts a new session on `server`. */
function openTab(server: TestServer): FrameSocket {
  return new FrameSocket(server.wsUrl(CLIENT));
}

/** A tab that follows the session of `token` on `server`, from after `lastSeq`. */
async function followTab(server: TestServer, token: string, lastSeq = 0): Promise<FrameSocket> {
  const sock = new FrameSocket(server.wsUrl(CLIENT) + "?resume=1");
  await within(sock.opened, "a resume socket to open");
  sock.send({ type: "resume", token, lastSeq });
  return sock;
}

/** Reads frames until one matches `stop`, failing after the harness's generous wait. */
async function readUntil(
  sock: FrameSocket,
  stop: (f: SeedFrame) => boolean,
  what: string,
): Promise<SeedFrame> {
  for (;;) {
    const f = await within(sock.next(), what);
    if (stop(f)) return f;
  }
}

const isType = (type: string) => (f: SeedFrame) => f.type === type;

/** The frames of a tab that carry a seq (the session's log as it saw it). */
const logged = (sock: FrameSocket) => sock.frames.filter((f) => typeof f.seq === "number");

/** Frames without a seq that are errors (connection-only input errors). */
const inputErrors = (sock: FrameSocket) =>
  sock.frames.filter((f) => f.type === "error" && f.seq === undefined);

/** Asserts a tab's log runs from..n with no gap and no seq twice. */
function assertGapless(sock: FrameSocket, what: string, from = 1) {
  const seqs = logged(sock).map((f) => Number(f.seq));
  assert.deepEqual(seqs, seqs.map((_, i) => from + i), `${what}: gapless, no duplicate`);
}

/** Asserts every tab saw the same log, frame for frame (seq, type, data; no ts, no token). */
function assertSameLog(tabs: Record<string, FrameSocket>) {
  const [firstName, first] = Object.entries(tabs)[0]!;
  const rest = Object.entries(tabs).slice(1);
  for (const [name, tab] of rest) {
    assert.deepEqual(
      logged(tab).map(shape),
      logged(first).map(shape),
      `${name} and ${firstName} saw the same log`,
    );
  }
}

/**
 * The answer to a question frame, typed, from `sock`: the sample answers in order for the
 * interview, and the review question accepted as understood.
 */
function reply(sock: FrameSocket, f: SeedFrame, i: number): void {
  if (f.data.topic === "review" || String(f.data.id).startsWith("review")) {
    sock.send({ type: "review", questionId: f.data.id, changes: {} });
  } else {
    sock.send({ type: "answer", questionId: f.data.id, answer: SAMPLE_ANSWERS[i] ?? "no" });
  }
}

/**
 * Answers every question `sock` sees until `complete` (and the one a `session` frame names
 * as pending, after a resume or a takeover); returns the `complete` frame.
 */
async function answerToComplete(sock: FrameSocket, what: string): Promise<SeedFrame> {
  let i = 0;
  for (;;) {
    const f = await within(sock.next(), `${what}: a frame before complete`);
    if (f.type === "question") reply(sock, f, i++);
    const pending = f.type === "session" ? f.data.pending : undefined;
    const answered = (id: unknown) =>
      sock.frames.some((g) => g.type === "answered" && g.data.questionId === id);
    if (pending && !answered(pending)) {
      reply(sock, { type: "question", data: { id: pending } }, i++);
    }
    if (f.type === "complete") return f;
  }
}

/** Count of the frames of `type` in a tab's log. */
const count = (sock: FrameSocket, type: string) => logged(sock).filter(isType(type)).length;

/** `GET path` on a node: status and body text. */
async function get(server: TestServer, path: string): Promise<{ status: number; text: string }> {
  const res = await fetch(server.url + path);
  return { status: res.status, text: await res.text() };
}

Deno.test({
  name:
    "cluster edges: typed answers, review, edits before and after complete sent on a non-owner node are applied once and reach every tab on both nodes",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using n1 = await startNode(redis.url, "n1");
    await using n2 = await startNode(redis.url, "n2");
    // The session runs on n1 (its tab there only watches); everything is sent from n2.
    await using a = openTab(n1);
    const session = await within(a.until("session"), "the session frame");
    const token = String(session.data.token);
    await using b = await followTab(n2, token);
    await using c = await followTab(n2, token);
    const q1 = await readUntil(b, isType("question"), "b: question 1");
    reply(b, q1, 0);
    const q2 = await readUntil(b, isType("question"), "b: question 2");
    // An edit of the first answer while the interview runs: applied once, by the owner.
    b.send({ type: "edit", questionId: q1.data.id, answer: "A booking app for dog walkers" });
    // Then the interview goes on from wherever the edit left it, review included.
    let i = 1;
    void q2;
    for (;;) {
      const f = await within(b.next(), "b: a frame before the first complete");
      if (f.type === "question") reply(b, f, i++);
      if (f.type === "complete") break;
    }
    // An edit after complete, from n2 again: one re-run, one new complete everywhere.
    b.send({ type: "edit", questionId: q1.data.id, answer: "A booking app for cat sitters" });
    await readUntil(b, isType("complete"), "b: the re-run's complete");
    for (const [name, t] of [["a", a], ["c", c]] as const) {
      await until(() => count(t, "complete") === 2, `${name}: both completes`);
    }
    await until(() => logged(a).length === logged(b).length, "a: caught up with b");
    await until(() => logged(c).length === logged(b).length, "c: caught up with b");
    assertGapless(a, "a (owner node)");
    assertSameLog({ a, b, c });
    // Applied exactly once: two edits sent, two edits in the log (as `answered` frames that
    // replace q1's answer), each with the text sent.
    const q1Answers = logged(a).filter((f) =>
      (f.type === "answered" || f.type === "edited") && f.data.questionId === q1.data.id
    ).map((f) => `${f.type}: ${f.data.answer}`);
    assert.deepEqual(q1Answers, [
      `answered: ${SAMPLE_ANSWERS[0]}`,
      "edited: A booking app for dog walkers",
      "edited: A booking app for cat sitters",
    ]);
    assert.equal(count(a, "complete"), 2, "one complete per run, not one per node");
    const last = logged(a).at(-1)!;
    assert.equal(last.type, "complete");
    assert.match(JSON.stringify(last.data), /cat sitters/, "the re-run used the last edit");
    assert.deepEqual(inputErrors(a), [], "no input error reached the owner's tab");
    assert.deepEqual(inputErrors(b), [], "nothing refused");
    // Redis holds exactly what the tabs saw.
    const stored = Number(
      await redis.cli("XLEN", sessionKeys(String(session.data.sessionId)).frames),
    );
    assert.equal(stored, logged(a).length);
  },
});

Deno.test({
  name:
    "cluster edges: finish and cancel sent on a non-owner node are applied once, reach every tab, and later input there is refused to its tab only",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using n1 = await startNode(redis.url, "n1");
    await using n2 = await startNode(redis.url, "n2");

    // finish from n2
    {
      await using a = openTab(n1);
      const session = await within(a.until("session"), "the session frame");
      await using b = await followTab(n2, String(session.data.token));
      const q1 = await readUntil(b, isType("question"), "b: question 1");
      reply(b, q1, 0);
      await readUntil(b, isType("question"), "b: question 2");
      b.send({ type: "finish" });
      b.send({ type: "finish" }); // a double click
      await readUntil(b, isType("complete"), "b: complete after finish");
      await until(() => count(a, "complete") === 1, "a: complete after finish");
      await until(() => logged(a).length === logged(b).length, "a: caught up");
      assertGapless(b, "b");
      assertSameLog({ a, b });
      const finishes = logged(a).filter((f) => f.type === "answered" && f.data.finish === true);
      assert.equal(finishes.length, 1, "one finish applied");
      assert.equal(count(a, "question"), 2, "no question asked after the finish");
    }

    // cancel from n2
    {
      await using a = openTab(n1);
      const session = await within(a.until("session"), "the session frame");
      await using b = await followTab(n2, String(session.data.token));
      await using c = await followTab(n2, String(session.data.token));
      await readUntil(b, isType("question"), "b: question 1");
      b.send({ type: "cancel" });
      b.send({ type: "cancel" });
      await readUntil(b, isType("cancelled"), "b: cancelled");
      await until(() => count(a, "cancelled") === 1, "a: cancelled");
      await until(() => count(c, "cancelled") === 1, "c: cancelled");
      // Input after the cancel, sent by c on n2: refused (not_running) to c alone.
      c.send({ type: "answer", questionId: "clarifier-r1-q1", answer: "too late" });
      const refused = await readUntil(c, (f) => f.type === "error", "c: the refusal");
      assert.equal(refused.seq, undefined, "an input error carries no seq");
      // (an answer after a cancel is `no_question` on one node too; either says "not now")
      assert.ok(["not_running", "no_question"].includes(String(refused.data.code)));
      // A ping round trip on each of the other tabs: anything for them sent before it
      // (the refusal would have been) has arrived by then.
      for (const [name, t] of [["a", a], ["b", b]] as const) {
        t.send({ type: "ping", id: `after-${name}` });
        await readUntil(t, (f) => f.type === "pong", `${name}: pong`);
      }
      await until(() => logged(a).length === logged(c).length, "a: caught up");
      assertSameLog({ a, b, c });
      assert.equal(count(a, "cancelled"), 1, "one cancel applied");
      assert.deepEqual(inputErrors(a), [], "a saw no input error");
      assert.deepEqual(
        inputErrors(b).map((f) => f.data.code),
        ["not_running"],
        "b's second cancel alone was refused, to b",
      );
      assert.equal(count(a, "answered"), 0, "the late answer was not applied");
    }
  },
});

Deno.test({
  name:
    "cluster edges: input errors on any node reach only the tab that sent them, never the other tabs of that node or the owner's",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using n1 = await startNode(redis.url, "n1");
    await using n2 = await startNode(redis.url, "n2");
    await using a = openTab(n1);
    const session = await within(a.until("session"), "the session frame");
    const token = String(session.data.token);
    await using a2 = await followTab(n1, token); // a second tab on the owner's node
    await using b = await followTab(n2, token);
    await using c = await followTab(n2, token); // b's neighbour on n2
    const q1 = await readUntil(b, isType("question"), "b: question 1");
    await readUntil(c, isType("question"), "c: question 1");
    await readUntil(a2, isType("question"), "a2: question 1");

    // From b (n2): a wrong question id, an edit of a question never answered.
    b.send({ type: "answer", questionId: "clarifier-r9-q9", answer: "wrong" });
    const e1 = await readUntil(b, isType("error"), "b: wrong_question");
    assert.equal(e1.data.code, "wrong_question");
    assert.equal(e1.seq, undefined);
    b.send({ type: "edit", questionId: "never-asked", answer: "x" });
    const e2 = await readUntil(b, isType("error"), "b: unknown_question");
    assert.equal(e2.data.code, "unknown_question");
    // From a2 (n1, the owner's node, not the tab that started it): a wrong question id.
    a2.send({ type: "answer", questionId: "clarifier-r9-q9", answer: "wrong" });
    const e3 = await readUntil(a2, isType("error"), "a2: wrong_question");
    assert.equal(e3.data.code, "wrong_question");
    // c answers q1; then b answers q1 again: already answered, to b alone.
    c.send({ type: "answer", questionId: q1.data.id, answer: SAMPLE_ANSWERS[0] });
    await readUntil(b, isType("answered"), "b: q1 answered");
    b.send({ type: "answer", questionId: q1.data.id, answer: "me too" });
    const e4 = await readUntil(b, isType("error"), "b: already_answered");
    assert.equal(e4.data.code, "already_answered");

    // Drive to the end from c, then a ping round trip on every tab (each tab's own pong
    // follows anything the server sent it before).
    await answerToComplete(c, "c");
    for (const [name, t] of [["a", a], ["a2", a2], ["b", b], ["c", c]] as const) {
      t.send({ type: "ping", id: name });
      await readUntil(t, (f) => f.type === "pong" && f.data.id === name, `${name}: pong`);
    }
    assert.deepEqual(
      inputErrors(b).map((f) => f.data.code),
      ["wrong_question", "unknown_question", "already_answered"],
      "b got its own three errors, once each",
    );
    assert.deepEqual(inputErrors(a2).map((f) => f.data.code), ["wrong_question"]);
    assert.deepEqual(inputErrors(a), [], "the owner's first tab got none");
    assert.deepEqual(inputErrors(c), [], "b's neighbour on n2 got none");
    await until(() => logged(a).length === logged(c).length, "a caught up");
    assertSameLog({ a, a2, b, c });
    assert.ok(
      logged(a).every((f) => f.type !== "error"),
      "no input error was stored in the log",
    );
  },
});

Deno.test({
  name:
    "cluster edges: a bad token is refused on a non-owner node; a finished session resumed on a node that never saw it replays exactly",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using n1 = await startNode(redis.url, "n1");
    await using n2 = await startNode(redis.url, "n2");
    await using a = openTab(n1);
    const session = await within(a.until("session"), "the session frame");
    const token = String(session.data.token);
    const q1 = await readUntil(a, isType("question"), "a: question 1");

    // The right session id with a wrong secret, on n2: refused with bad_token, 4401-style.
    const [sid] = token.split(".");
    for (const bad of [`${sid}.${"A".repeat(43)}`, `${sid}`, "nope.nope"]) {
      const s = new FrameSocket(n2.wsUrl(CLIENT) + "?resume=1");
      await within(s.opened, "a bad-token socket to open");
      s.send({ type: "resume", token: bad, lastSeq: 0 });
      const closed = await within(s.closed, `the bad token ${bad} to be refused`);
      assert.equal(closed.code, CLOSE_CODES.badToken, `close code for ${bad}`);
      assert.ok(
        s.frames.some((f) => f.type === "error" && f.data.code === "bad_token"),
        `a bad_token error frame for ${bad}`,
      );
      assert.ok(s.frames.every((f) => f.seq === undefined), "nothing of the log was sent");
    }
    // The right token from another client id: refused too.
    {
      const s = new FrameSocket(n2.wsUrl("someone-else") + "?resume=1");
      await within(s.opened, "a foreign client's socket to open");
      s.send({ type: "resume", token, lastSeq: 0 });
      const closed = await within(s.closed, "a foreign client's resume to be refused");
      assert.equal(closed.code, CLOSE_CODES.badToken);
      assert.ok(s.frames.every((f) => f.seq === undefined), "nothing of the log was sent");
    }

    a.send({ type: "answer", questionId: q1.data.id, answer: SAMPLE_ANSWERS[0] });
    await answerToComplete(a, "a");
    const original = logged(a).map(shape);
    // A third node, started after the session finished, replays it exactly.
    await using n3 = await startNode(redis.url, "n3");
    await using late = await followTab(n3, token, 0);
    await until(() => logged(late).length >= original.length, "n3: the whole log");
    assert.deepEqual(logged(late).map(shape), original, "n3 replays the log exactly");
    // From the middle, too: only what follows.
    await using mid = await followTab(n3, token, 10);
    await until(() => logged(mid).length >= original.length - 10, "n3: the log after seq 10");
    assert.deepEqual(logged(mid).map(shape), original.slice(10));
    // Nothing more arrives: a ping round trip after the replay brings no logged frame.
    late.send({ type: "ping", id: "end" });
    await readUntil(late, (f) => f.type === "pong", "late: pong");
    assert.equal(logged(late).length, original.length, "no frame twice, none added");
    assert.equal(
      await redis.cli("XLEN", sessionKeys(String(session.data.sessionId)).frames),
      String(original.length),
    );
  },
});

Deno.test({
  name:
    "cluster edges: two tabs on two nodes racing different answers to the same question, many times: one wins each time, the loser alone is told",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using n1 = await startNode(redis.url, "n1");
    await using n2 = await startNode(redis.url, "n2");
    let races = 0;
    for (let run = 0; run < 3; run++) {
      await using a = openTab(n1);
      const session = await within(a.until("session"), "the session frame");
      await using b = await followTab(n2, String(session.data.token));
      const winners: string[] = [];
      for (;;) {
        // Both tabs see the question, then both answer it at once with different words.
        const fa = await readUntil(a, (f) => f.type === "question" || f.type === "complete", "a");
        if (fa.type === "complete") break;
        const fb = await readUntil(b, (f) => f.type === "question", "b: the same question");
        assert.equal(fb.data.id, fa.data.id, "both tabs are asked the same question");
        const id = fa.data.id;
        const review = String(id).startsWith("review");
        const send = (s: FrameSocket, who: string) =>
          s.send(
            review
              ? { type: "answer", questionId: id, answer: `no changes (${who})` }
              : { type: "answer", questionId: id, answer: `${SAMPLE_ANSWERS[0]} (${who})` },
          );
        // Alternate who sends first, so the forwarded input wins some races.
        if (races % 2) {
          // b's answer travels through Redis to the owner: give it a head start, at times.
          send(b, "b");
          if (races % 4 === 3) await new Promise((r) => setTimeout(r, 3));
          send(a, "a");
        } else {
          send(a, "a");
          send(b, "b");
        }
        races++;
        const answered = await readUntil(
          a,
          (f) => f.type === "answered" && f.data.questionId === id,
          "a: the answer",
        );
        const who = /\((a|b)\)$/.exec(String(answered.data.answer))?.[1];
        assert.ok(who, `the answer applied is one of those sent: ${answered.data.answer}`);
        winners.push(who!);
        if (review) break; // "no changes" accepts the review: the interview is over
      }
      // "no changes" accepts the review: the analysts run to complete by themselves.
      await readUntil(a, isType("complete"), "a: complete");
      await until(() => count(b, "complete") === 1, "b: complete");
      // Each tab is told once per race it lost (a forwarded loser hears back through Redis).
      const lost = (who: string) => winners.filter((w) => w !== who).length;
      await until(() => inputErrors(a).length >= lost("a"), "a: its refusals");
      await until(() => inputErrors(b).length >= lost("b"), "b: its refusals");
      for (const [name, t] of [["a", a], ["b", b]] as const) {
        t.send({ type: "ping", id: name });
        await readUntil(t, (f) => f.type === "pong" && f.data.id === name, `${name}: pong`);
      }
      assertSameLog({ a, b });
      assertGapless(a, `run ${run}`);
      const answered = logged(a).filter((f) => f.type === "answered" && !f.data.finish);
      assert.deepEqual(
        answered.map((f) => f.data.questionId),
        [...new Set(answered.map((f) => f.data.questionId))],
        "each question answered once",
      );
      // Exactly once per race it lost, and never of one it won.
      assert.equal(
        inputErrors(a).length,
        lost("a"),
        `a: one error per lost race (${winners}): ${JSON.stringify(inputErrors(a))}`,
      );
      assert.equal(inputErrors(b).length, lost("b"), `b: one error per lost race (${winners})`);
    }
    assert.ok(races >= 12, `raced ${races} times`);
  },
});

/** A metric's value on a node's `/metrics`, 0 when absent. */
async function metric(
  server: TestServer,
  name: string,
  labels?: Record<string, string>,
): Promise<number> {
  const { status, text } = await get(server, "/metrics");
  assert.equal(status, 200, "/metrics answers");
  return parseExposition(text).value(name, labels) ?? 0;
}

Deno.test({
  name:
    "cluster edges: a clean shutdown hands its sessions over at once, without waiting for its lease; /metrics counts the takeovers",
  ignore,
  async fn() {
    await using redis = await startRedis();
    // A lease of a minute: a takeover before it lapses can only come from the handover.
    const slow = { leaseMs: 60_000, checkMs: CHECK_MS };
    const n1 = await startNode(redis.url, "n1", slow);
    let n1Stopped = false;
    try {
      await using n2 = await startNode(redis.url, "n2", slow);
      // Session W: watched from n2. Session U: nobody watches it when n1 stops.
      await using a = openTab(n1);
      const w = await within(a.until("session"), "W: session");
      const wq1 = await readUntil(a, isType("question"), "W: question 1");
      reply(a, wq1, 0);
      await readUntil(a, isType("question"), "W: question 2");
      await using b = await followTab(n2, String(w.data.token));
      await readUntil(b, isType("question"), "b: W's question 1");
      await readUntil(b, isType("question"), "b: W's question 2");
      const u = openTab(n1);
      const us = await within(u.until("session"), "U: session");
      const uq1 = await readUntil(u, isType("question"), "U: question 1");
      reply(u, uq1, 0);
      await readUntil(u, isType("question"), "U: question 2");
      const uSeq = Number(logged(u).at(-1)!.seq);
      await u.close();
      assert.equal(await metric(n1, "parley_sessions", { role: "owned" }), 2);
      await until(
        async () => await metric(n2, "parley_sessions", { role: "followed" }) === 1,
        "n2 follows W",
      );

      // SIGTERM, in process: the server's own shutdown.
      await n1[Symbol.asyncDispose]();
      n1Stopped = true;
      assert.equal(await redis.cli("EXISTS", "parley:node:n1"), "0", "the lease is released");
      // a's node went away: it resumes on n2, as a browser would.
      const closed = await a.closed;
      assert.equal(closed.code, 1001, "going away");
      // n2 takes W over (b is watching) well before the minute's lease would lapse.
      const taken = await readUntil(
        b,
        (f) => f.type === "session" && typeof f.seq === "number",
        "b: the takeover's session frame",
      );
      assert.equal(taken.data.resumed, true);
      b.send({ type: "answer", questionId: taken.data.pending, answer: SAMPLE_ANSWERS[1] });
      await using a2 = await followTab(n2, String(w.data.token), Number(logged(a).at(-1)!.seq));
      await answerToComplete(b, "b on W");
      await readUntil(a2, isType("complete"), "a2: W's complete");
      assertGapless(b, "b");
      // U is claimed on its resume on n2, at once, and carries on from where it was.
      await using u2 = await followTab(n2, String(us.data.token), uSeq);
      await answerToComplete(u2, "U on n2");
      assertGapless(u2, "u2", uSeq + 1);
      for (const sid of [w.data.sessionId, us.data.sessionId]) {
        const meta = sessionKeys(String(sid)).meta;
        assert.equal(await redis.cli("HGET", meta, "owner"), "n2");
        assert.equal(await redis.cli("HGET", meta, "epoch"), "2", "claimed once");
      }
      assert.equal(await metric(n2, "parley_takeovers_total"), 2);
      assert.equal(await metric(n2, "parley_sessions", { role: "owned" }), 2);
    } finally {
      if (!n1Stopped) await n1[Symbol.asyncDispose]();
    }
  },
});

Deno.test({
  name:
    "cluster edges: Redis full (noeviction): new sessions get server_busy, the live one an error frame saying storage is unavailable, and it carries on when memory is freed",
  ignore,
  async fn() {
    await using redis = await startRedis(["--maxmemory-policy", "noeviction"]);
    // Leases longer than the outage: this test is about the store, not takeovers.
    const o = { leaseMs: 30_000, checkMs: CHECK_MS };
    await using n1 = await startNode(redis.url, "n1", o);
    await using n2 = await startNode(redis.url, "n2", o);
    await using a = openTab(n1);
    const session = await within(a.until("session"), "the session frame");
    await using b = await followTab(n2, String(session.data.token));
    const q1 = await readUntil(a, isType("question"), "a: question 1");
    reply(a, q1, 0);
    const q2 = await readUntil(a, isType("question"), "a: question 2");
    await readUntil(b, (f) => f.type === "question" && f.data.id === q2.data.id, "b: question 2");
    const before = logged(a).length;

    // Full: every write is refused with OOM from now on.
    await redis.cli("CONFIG", "SET", "maxmemory", "1");
    reply(a, q2, 1);
    const notice = await readUntil(
      a,
      (f) => f.type === "error" && f.data.code === "storage_unavailable",
      "a: the storage notice",
    );
    assert.equal(notice.seq, undefined, "the notice cannot be stored: it has no seq");
    assert.equal(logged(a).length, before, "nothing was sent that is not stored");
    const health = await get(n1, "/healthz");
    assert.equal(health.status, 503, `n1 /healthz while Redis is full: ${health.text}`);
    // n2 has not written since Redis filled up: its first new session is taken and told
    // storage is unavailable (it waits, unstored; see the ignored test below for the strict
    // promise); from then on n2 knows, like n1.
    await using held = openTab(n2);
    const heldError = await readUntil(held, isType("error"), "n2: the first new session's error");
    assert.ok(
      ["server_busy", "storage_unavailable"].includes(String(heldError.data.code)),
      `n2's first new session is refused or told: ${JSON.stringify(heldError)}`,
    );
    assert.ok(held.frames.every((f) => f.seq === undefined), "nothing unstored was sent");
    // A new conversation on either node is refused as busy (1013), not started unstored.
    for (const [name, n] of [["n1", n1], ["n2", n2]] as const) {
      const s = openTab(n);
      const closed = await within(s.closed, `${name}: the new session to be refused`);
      assert.equal(closed.code, CLOSE_CODES.tryAgain, `${name}: 1013, try again`);
      assert.ok(
        s.frames.some((f) => f.type === "error" && f.data.code === "server_busy"),
        `${name}: a server_busy frame: ${JSON.stringify(s.frames)}`,
      );
    }
    assert.equal((await get(n2, "/healthz")).status, 503, "n2 /healthz while Redis is full");

    // Memory back: the answer given meanwhile is applied once, the conversation finishes.
    await redis.cli("CONFIG", "SET", "maxmemory", "0");
    const answered = await readUntil(
      a,
      (f) => f.type === "answered" && f.data.questionId === q2.data.id,
      "a: the answer applied after the outage",
    );
    assert.equal(answered.data.answer, SAMPLE_ANSWERS[1]);
    await answerToComplete(a, "a after the outage");
    await until(() => count(b, "complete") === 1, "b: complete");
    await until(() => logged(b).length === logged(a).length, "b: caught up");
    assertGapless(a, "a");
    assertSameLog({ a, b });
    await until(async () => (await get(n1, "/healthz")).status === 200, "n1 /healthz 200 again");
    // The session n2 held starts (from seq 1), and new conversations start again.
    if (heldError.data.code === "storage_unavailable") {
      const first = await readUntil(held, (f) => typeof f.seq === "number", "held: seq 1");
      assert.equal(first.seq, 1);
      assert.equal(first.type, "session");
      await readUntil(held, isType("question"), "held: its first question");
    }
    await using fresh = openTab(n2);
    await within(fresh.until("question"), "a new session's first question on n2");
  },
});

Deno.test({
  name:
    "cluster edges: BUG(redis full, idle node) a node that has not written since Redis filled up starts a new session instead of refusing it with server_busy",
  // server/sessions.ts #checkCapacity reads only store.failure, which a node learns from its
  // own failed write or, since the lease renewal probes with a write, at its next renewal
  // (leaseMs / 3; 10 s here): a session opened before that is taken, kept open unstored and
  // sent storage_unavailable. (issue 12, item 6: new sessions get server_busy)
  ignore: true,
  async fn() {
    await using redis = await startRedis(["--maxmemory-policy", "noeviction"]);
    await using n1 = await startNode(redis.url, "n1", { leaseMs: 30_000 });
    await redis.cli("CONFIG", "SET", "maxmemory", "1");
    const s = openTab(n1);
    const closed = await within(s.closed, "the new session to be refused");
    assert.equal(closed.code, CLOSE_CODES.tryAgain);
    assert.equal(s.frames.find((f) => f.type === "error")?.data.code, "server_busy");
  },
});

Deno.test({
  name:
    "cluster edges: a node that has not written since Redis filled up refuses new sessions with server_busy from its next lease renewal on",
  ignore,
  async fn() {
    await using redis = await startRedis(["--maxmemory-policy", "noeviction"]);
    await using n1 = await startNode(redis.url, "n1", { leaseMs: 600 });
    await redis.cli("CONFIG", "SET", "maxmemory", "1");
    await until(async () => (await get(n1, "/healthz")).status === 503, "n1 sees Redis full");
    const s = openTab(n1);
    const closed = await within(s.closed, "the new session to be refused");
    assert.equal(closed.code, CLOSE_CODES.tryAgain);
    assert.equal(s.frames.find((f) => f.type === "error")?.data.code, "server_busy");
    await redis.cli("CONFIG", "SET", "maxmemory", "0");
    await until(async () => (await get(n1, "/healthz")).status === 200, "n1 sees room again");
    await using t = openTab(n1);
    await within(t.until("question"), "a new session once there is room");
  },
});

/**
 * A tab that keeps every frame over any number of sockets: when its socket closes (its
 * node fenced it, or went away), {@link MovingTab.rejoin} resumes after the last seq seen.
 */
class MovingTab implements AsyncDisposable {
  readonly frames: SeedFrame[] = [];
  sock: FrameSocket;
  token = "";
  moves = 0;
  constructor(sock: FrameSocket, readonly name: string) {
    this.sock = sock;
  }
  get logged(): SeedFrame[] {
    return this.frames.filter((f) => typeof f.seq === "number");
  }
  get lastSeq(): number {
    return Number(this.logged.at(-1)?.seq ?? 0);
  }
  /** The next frame; on a closed socket, resumes on `server` first (at most 10 times). */
  async next(servers: readonly TestServer[]): Promise<SeedFrame> {
    for (;;) {
      try {
        const f = await within(this.sock.next(), `${this.name}: a frame`);
        this.frames.push(f);
        if (f.type === "session" && typeof f.data.token === "string") this.token = f.data.token;
        return f;
      } catch (err) {
        if (this.sock.ws.readyState !== WebSocket.CLOSED || this.moves >= 10) throw err;
        this.moves++;
        const server = servers[this.moves % servers.length]!;
        this.sock = await followTab(server, this.token, this.lastSeq);
      }
    }
  }
  async [Symbol.asyncDispose]() {
    await this.sock.close();
  }
}

/** Answers every question (asked, or pending after a resume) until `complete`. */
async function driveToComplete(tab: MovingTab, servers: readonly TestServer[]): Promise<void> {
  const given = new Map<string, string>();
  for (;;) {
    const f = await tab.next(servers);
    const id = f.type === "question"
      ? String(f.data.id)
      : f.type === "session" && f.data.pending
      ? String(f.data.pending)
      : undefined;
    if (id && !tab.logged.some((g) => g.type === "answered" && g.data.questionId === id)) {
      // The same answer for the same question, however often it is asked again.
      if (!given.has(id)) given.set(id, SAMPLE_ANSWERS[given.size] ?? "no");
      tab.sock.send(
        id.startsWith("review")
          ? { type: "review", questionId: id, changes: {} }
          : { type: "answer", questionId: id, answer: given.get(id) },
      );
    }
    if (f.type === "complete") return;
  }
}

/** Reads a tab to `complete` without answering. */
async function watchToComplete(tab: MovingTab, servers: readonly TestServer[]): Promise<void> {
  while ((await tab.next(servers)).type !== "complete");
}

Deno.test({
  name:
    "cluster edges: Redis frozen (SIGSTOP) for seconds mid-conversation, input sent meanwhile on the non-owner node: nothing lost, nothing doubled, /healthz 200 after",
  ignore,
  async fn() {
    await using redis = await startRedis();
    const o = { leaseMs: 1_000, checkMs: 250 };
    await using n1 = await startNode(redis.url, "n1", o);
    await using n2 = await startNode(redis.url, "n2", o);
    const servers = [n1, n2];
    await using a = new MovingTab(openTab(n1), "a");
    while ((await a.next(servers)).type !== "question");
    await using b = new MovingTab(await followTab(n2, a.token), "b");
    while ((await b.next(servers)).type !== "question");
    const q1 = a.logged.find((f) => f.type === "question")!;

    Deno.kill(redis.pid, "SIGSTOP");
    try {
      // Answers sent on both nodes while Redis cannot hear them (the same words: a tab
      // that retries), for longer than the nodes' leases.
      b.sock.send({ type: "answer", questionId: q1.data.id, answer: SAMPLE_ANSWERS[0] });
      a.sock.send({ type: "answer", questionId: q1.data.id, answer: SAMPLE_ANSWERS[0] });
      await new Promise((r) => setTimeout(r, 3_000));
    } finally {
      Deno.kill(redis.pid, "SIGCONT");
    }
    await Promise.all([driveToComplete(b, servers), watchToComplete(a, servers)]);
    await until(() => a.logged.length === b.logged.length, "a and b end at the same seq");
    for (const t of [a, b]) {
      const seqs = t.logged.map((f) => Number(f.seq));
      assert.deepEqual(seqs, seqs.map((_, i) => i + 1), `${t.name}: gapless, no duplicate`);
    }
    assert.deepEqual(b.logged.map(shape), a.logged.map(shape), "a and b saw the same log");
    const answered = a.logged.filter((f) => f.type === "answered").map((f) => f.data.questionId);
    assert.deepEqual(answered, [...new Set(answered)], "each question answered once");
    assert.equal(answered[0], q1.data.id);
    assert.equal(a.logged.filter((f) => f.type === "complete").length, 1);
    const stored = await redis.cli("XLEN", sessionKeys(sessionOf(a.token)).frames);
    assert.equal(Number(stored), a.logged.length, "Redis holds what the tabs saw");
    for (const [name, n] of [["n1", n1], ["n2", n2]] as const) {
      await until(async () => (await get(n, "/healthz")).status === 200, `${name} /healthz 200`);
    }
  },
});

/** The session id part of a token. */
const sessionOf = (token: string) => token.split(".")[0]!;

Deno.test({
  name:
    "cluster edges: Redis frozen (SIGSTOP): the node that must write answers /healthz 503 and tells its tab storage is unavailable",
  // (a frozen Redis holds the TCP connection and never answers: only a flush timeout, in
  // server/redis_store.ts, notices it)
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using n1 = await startNode(redis.url, "n1", { leaseMs: 1_000, checkMs: 250 });
    await using a = openTab(n1);
    const q1 = await readUntil(a, isType("question"), "a: question 1");
    Deno.kill(redis.pid, "SIGSTOP");
    try {
      reply(a, q1, 0); // a write the store must attempt
      await until(
        async () => (await get(n1, "/healthz")).status === 503,
        "n1 /healthz 503 while Redis is frozen",
        15_000,
      );
      await readUntil(
        a,
        (f) => f.type === "error" && f.data.code === "storage_unavailable",
        "a: told storage is unavailable",
      );
    } finally {
      Deno.kill(redis.pid, "SIGCONT");
    }
  },
});

Deno.test({
  name:
    "cluster edges: Redis killed: /healthz 503 on the node that must write, 200 again after the restart, and the conversation carries on",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using n1 = await startNode(redis.url, "n1", { leaseMs: 1_000, checkMs: 250 });
    await using n2 = await startNode(redis.url, "n2", { leaseMs: 1_000, checkMs: 250 });
    await using a = openTab(n1);
    const q1 = await readUntil(a, isType("question"), "a: question 1");
    assert.equal((await get(n2, "/healthz")).status, 200);
    await redis.kill();
    reply(a, q1, 0); // n1 must write; n2 has nothing to write
    await until(
      async () => (await get(n1, "/healthz")).status === 503,
      "n1 /healthz 503 while Redis is down",
      15_000,
    );
    await redis.restart();
    for (const [name, n] of [["n1", n1], ["n2", n2]] as const) {
      await until(async () => (await get(n, "/healthz")).status === 200, `${name} /healthz 200`);
    }
    await readUntil(a, (f) => f.type === "answered", "a: the answer applied after the restart");
    await answerToComplete(a, "a");
    assertGapless(a, "a");
  },
});

Deno.test({
  name:
    "cluster edges: /healthz on a node with nothing to write turns 503 while Redis is down (its failing lease renewal counts)",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using n1 = await startNode(redis.url, "n1", { leaseMs: 1_000, checkMs: 250 });
    assert.equal((await get(n1, "/healthz")).status, 200);
    await redis.kill();
    await until(
      async () => (await get(n1, "/healthz")).status === 503,
      "idle n1 /healthz 503 while Redis is down",
      15_000,
    );
  },
});

/** A tab on n2 sends `restart` in n1's session; `strict` also wants its `cancelled` first. */
async function restartOnFollower(strict: boolean) {
  await using redis = await startRedis();
  await using n1 = await startNode(redis.url, "n1");
  await using n2 = await startNode(redis.url, "n2");
  await using a = openTab(n1);
  const old = await within(a.until("session"), "the old session frame");
  await using b = await followTab(n2, String(old.data.token));
  await readUntil(b, isType("question"), "b: question 1");
  b.send({ type: "restart" });
  const fresh = await readUntil(
    b,
    (f) => f.type === "session" && f.data.sessionId !== old.data.sessionId,
    "b: the new session",
  );
  assert.equal(fresh.seq, 1, "the new session's log starts at 1");
  assert.equal(fresh.data.resumed, false);
  await until(() => count(a, "cancelled") === 1, "a: the old session cancelled");
  if (strict) {
    const before = b.frames.slice(0, b.frames.indexOf(fresh));
    assert.equal(
      before.filter((f) => f.type === "cancelled").length,
      1,
      `b saw the old session's cancelled frame before the new one: ${
        before.map((f) => `${f.seq}:${f.type}`)
      }`,
    );
  }
  await answerToComplete(b, "b in the new session");
  assert.equal(
    await redis.cli("HGET", sessionKeys(String(fresh.data.sessionId)).meta, "owner"),
    "n2",
    "the new session runs where the tab is",
  );
  assert.equal(count(a, "cancelled"), 1, "cancelled once");
  const seqs = b.frames.slice(b.frames.indexOf(fresh)).filter((f) => typeof f.seq === "number")
    .map((f) => Number(f.seq));
  assert.deepEqual(seqs, seqs.map((_, i) => i + 1), "the new session's log is gapless");
}

Deno.test({
  name:
    "cluster edges: restart sent on a non-owner node cancels the old session once and starts a new one there",
  ignore,
  fn: () => restartOnFollower(false),
});

Deno.test({
  name:
    "cluster edges: restart on a non-owner node: the restarting tab sees its old session's cancelled frame before the new session",
  ignore,
  fn: () => restartOnFollower(true),
});

Deno.test({
  name:
    "cluster edges: a resume with a lastSeq past the log's end is clamped to the top on the owner's node and on another, nothing replayed",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using n1 = await startNode(redis.url, "n1");
    await using n2 = await startNode(redis.url, "n2");
    await using a = openTab(n1);
    const session = await within(a.until("session"), "the session frame");
    await readUntil(a, isType("question"), "a: question 1");
    // n2 first: a resume on the owner's node logs its notice (a new frame for every tab),
    // a follower tells only its tab. Either way: lastSeq clamped to the top, nothing replayed.
    for (const [name, n] of [["n2", n2], ["n1", n1]] as const) {
      const top = Number(logged(a).at(-1)!.seq);
      await using t = await followTab(n, String(session.data.token), top + 5);
      const notice = await readUntil(t, isType("session"), `${name}: the resume notice`);
      assert.equal(notice.data.lastSeq, top, `${name}: lastSeq clamped to the log's top`);
      assert.equal(notice.data.pending, "clarifier-r1-q1", `${name}: the pending question`);
      t.send({ type: "ping", id: "x" });
      await readUntil(t, isType("pong"), `${name}: pong`);
      assert.deepEqual(
        t.frames.filter((f) => f !== notice && typeof f.seq === "number" && f.seq <= top),
        [],
        `${name}: nothing at or below the top replayed`,
      );
      // a, on n1, sees the owner's logged notice only; never the follower's.
      await until(() => count(a, "session") === (name === "n1" ? 2 : 1), `a: ${name}'s notice`);
    }
  },
});

Deno.test({
  name:
    "cluster edges: /metrics on each node: owned and followed sessions, forwarded inputs, a takeover and the old owner's fenced write",
  ignore,
  async fn() {
    await using redis = await startRedis();
    await using n1 = await startNode(redis.url, "n1");
    await using n2 = await startNode(redis.url, "n2");
    await using a = openTab(n1);
    const session = await within(a.until("session"), "the session frame");
    await using b = await followTab(n2, String(session.data.token));
    const q1 = await readUntil(b, isType("question"), "b: question 1");
    reply(b, q1, 0);
    const q2 = await readUntil(
      a,
      (f) => f.type === "question" && f.data.id !== q1.data.id,
      "a: question 2",
    );
    assert.equal(await metric(n1, "parley_sessions", { role: "owned" }), 1);
    assert.equal(await metric(n1, "parley_sessions", { role: "followed" }), 0);
    assert.equal(await metric(n2, "parley_sessions", { role: "owned" }), 0);
    assert.equal(await metric(n2, "parley_sessions", { role: "followed" }), 1);
    // (counted just after the entry is written: the owner may apply it first)
    await until(
      async () => await metric(n2, "parley_forwarded_inputs_total") === 1,
      "n2 counts b's forwarded answer",
    );
    assert.equal(await metric(n1, "parley_forwarded_inputs_total"), 0);
    assert.equal(await metric(n1, "parley_takeovers_total"), 0);

    // n1 looks dead (its lease lapses) but runs on: n2 takes over; n1's next write is fenced.
    n1.node.stopLease();
    const taken = await readUntil(
      b,
      (f) => f.type === "session" && typeof f.seq === "number",
      "b: the takeover",
    );
    assert.equal(taken.data.pending, q2.data.id);
    a.send({ type: "answer", questionId: q2.data.id, answer: "a late answer on the old owner" });
    const closed = await within(a.closed, "a: closed by the fenced owner");
    assert.equal(closed.code, CLOSE_CODES.tryAgain);
    await until(
      async () => await metric(n1, "parley_fenced_writes_total") >= 1,
      "n1 counts its fenced write",
    );
    assert.equal(await metric(n2, "parley_takeovers_total"), 1);
    assert.equal(await metric(n2, "parley_fenced_writes_total"), 0);
    await until(
      async () => await metric(n2, "parley_sessions", { role: "owned" }) === 1,
      "n2 owns it",
    );
    assert.equal(await metric(n2, "parley_sessions", { role: "followed" }), 0);
    await until(
      async () => await metric(n1, "parley_sessions", { role: "owned" }) === 0,
      "n1 no longer counts it as owned",
    );
    assert.ok(await metric(n2, "parley_frames_sent_total") > 0);
    const store = await get(n2, "/metrics");
    assert.match(store.text, /parley_store_write_seconds_count\{store="redis"\} [1-9]/);
  },
});
