/**
 * `GET /sessions/{id}` and `/sessions/{id}/brief.md` through the handler (no socket): the
 * token opens a conversation's state, transcript and brief, and nothing else does.
 */
import assert from "node:assert/strict";
import { DEFAULTS } from "../server/config.ts";
import { createLogger } from "../server/log.ts";
import { createParley, type Parley } from "../server/mod.ts";
import { RecordingConnection, tokenOf, twoRoundEngine, wholeBriefOf } from "../server/_testing.ts";
import { sampleAnalyses } from "../agents/testing.ts";

const BASE = "http://parley.test";

async function withParley(fn: (parley: Parley) => Promise<void>) {
  const parley = createParley({ ...DEFAULTS, db: ":memory:", allowedHosts: ["parley.test"] }, {
    engine: twoRoundEngine(),
    log: createLogger("silent"),
  });
  try {
    await fn(parley);
  } finally {
    await parley.shutdown();
  }
}

const get = (parley: Parley, path: string, headers: HeadersInit = {}) =>
  parley.handler(new Request(`${BASE}${path}`, { headers }));

Deno.test("GET /sessions/{id} with the token shows state and transcript; the brief once complete", async () => {
  await withParley(async (parley) => {
    const conn = new RecordingConnection();
    const session = parley.registry.create("http", conn);
    const token = tokenOf(conn);
    const id = session.id;
    await conn.until("question");
    session.handle({ type: "answer", questionId: "clarifier-r1-q1", answer: "A dog-walking app" });
    await conn.until("question");

    const running = await get(parley, `/sessions/${id}?token=${encodeURIComponent(token)}`);
    assert.equal(running.status, 200);
    assert.equal(running.headers.get("content-type"), "application/json; charset=utf-8");
    const live = await running.json();
    assert.equal(live.sessionId, id);
    assert.equal(live.clientId, "http");
    assert.equal(live.state, "live");
    assert.equal(live.frames, conn.frames.length);
    assert.deepEqual(live.transcript, [
      { id: "clarifier-r1-q1", question: "What is your idea?", answer: "A dog-walking app" },
      { id: "clarifier-r2-q1", question: "Who will use it?", answer: null },
    ]);
    assert.equal(live.summary, null);
    assert.equal(live.brief, null);

    const early = await get(parley, `/sessions/${id}/brief.md`, {
      authorization: `Bearer ${token}`,
    });
    assert.equal(early.status, 409);
    assert.equal(await early.text(), "The brief is not ready: the conversation is live\n");

    session.handle({ type: "answer", questionId: "clarifier-r2-q1", answer: "Dog owners" });
    // PARLEY_REVIEW is on by default: the person confirms what was understood.
    const review = await conn.until("question");
    assert.equal(review.data.topic, "review");
    session.handle({ answer: "ok" });
    const complete = await conn.until("complete");
    const done = await get(parley, `/sessions/${id}`, { authorization: `Bearer ${token}` });
    assert.equal(done.status, 200);
    const view = await done.json();
    assert.equal(view.state, "complete");
    assert.deepEqual(view.transcript, [
      { id: "clarifier-r1-q1", question: "What is your idea?", answer: "A dog-walking app" },
      { id: "clarifier-r2-q1", question: "Who will use it?", answer: "Dog owners" },
      { id: "review", question: review.data.question, answer: "ok" },
    ]);
    assert.equal(view.version, 1);
    assert.deepEqual(view.versions.map((v: { version: number }) => v.version), [1]);
    assert.equal(view.summary, complete.data.summary);
    // The frame names the results by the seqs of their `result` frames; HTTP serves them.
    const seqs = complete.data.brief as { resultSeqs: Record<string, number>; results?: unknown };
    assert.equal(seqs.results, undefined);
    assert.deepEqual(
      Object.entries(seqs.resultSeqs).map(([agent, seq]) => [agent, conn.frames[seq - 1]?.type]),
      Object.keys(sampleAnalyses).map((agent) => [agent, "result"]),
    );
    assert.deepEqual(view.brief, wholeBriefOf(conn.frames, complete));
    assert.deepEqual(view.brief.results, sampleAnalyses);
    assert.ok(Date.parse(view.updatedAt) >= Date.parse(view.createdAt));

    const brief = await get(parley, `/sessions/${id}/brief.md?token=${token}`);
    assert.equal(brief.status, 200);
    assert.equal(brief.headers.get("content-type"), "text/markdown; charset=utf-8");
    const markdown = await brief.text();
    assert.equal(markdown, complete.data.summary);
    assert.match(markdown, /^# /);
  });
});

Deno.test("GET /sessions/{id} with a wrong or missing token is a bare 404", async () => {
  await withParley(async (parley) => {
    const mine = new RecordingConnection();
    const session = parley.registry.create("owner", mine);
    const other = new RecordingConnection();
    parley.registry.create("other", other);
    await mine.until("question");
    const token = tokenOf(mine);
    const id = session.id;
    const secret = token.split(".")[1]!;
    const tries: [string, HeadersInit?][] = [
      [`/sessions/${id}`],
      [`/sessions/${id}?token=`],
      [`/sessions/${id}?token=${id}.${secret.slice(0, -2)}AA`],
      [`/sessions/${id}`, { authorization: `Bearer ${id}.wrong` }],
      [`/sessions/${id}`, { authorization: `Basic ${btoa("owner:x")}` }],
      // Another session's valid token does not open this one.
      [`/sessions/${id}?token=${tokenOf(other)}`],
      [`/sessions/nosuchsession?token=nosuchsession.${secret}`],
      [`/sessions/${id}/brief.md`],
      [`/sessions/${id}/brief.md?token=${id}.x`],
    ];
    for (const [path, headers] of tries) {
      const res = await get(parley, path, headers);
      assert.equal(res.status, 404, path);
      assert.equal(
        await res.text(),
        "Session not found or the token does not match\n",
        `${path}: no detail`,
      );
    }
    // The right token still works: the failures above changed nothing.
    assert.equal((await get(parley, `/sessions/${id}?token=${token}`)).status, 200);
  });
});

Deno.test("GET /sessions/{id}/versions/{n}: every brief after an edit stays readable, JSON and Markdown", async () => {
  await withParley(async (parley) => {
    const conn = new RecordingConnection();
    const session = parley.registry.create("http", conn);
    const token = tokenOf(conn);
    const auth = { authorization: `Bearer ${token}` };
    for (const answer of ["A dog-walking app", "Dog owners", "ok"]) {
      await conn.until("question");
      session.handle({ answer });
    }
    const v1 = await conn.until("complete");
    session.handle({ type: "edit", questionId: "clarifier-r2-q1", answer: "Cat owners" });
    const v2 = await conn.until("complete");
    assert.equal(v2.data.version, 2);

    const view = await (await get(parley, `/sessions/${session.id}`, auth)).json();
    assert.equal(view.version, 2);
    assert.deepEqual(
      view.versions.map((v: { version: number; changes: unknown }) => [v.version, v.changes]),
      [[1, null], [2, v2.data.changes]],
    );
    assert.equal(view.transcript[1].answer, "Cat owners");
    const first = await get(parley, `/sessions/${session.id}/versions/1`, auth);
    assert.equal(first.status, 200);
    const one = await first.json();
    assert.deepEqual([one.version, one.summary, one.brief, one.changes], [
      1,
      v1.data.summary,
      wholeBriefOf(conn.frames, v1),
      null,
    ]);
    const two = await (await get(parley, `/sessions/${session.id}/versions/2`, auth)).json();
    assert.deepEqual(two.brief, wholeBriefOf(conn.frames, v2));
    assert.deepEqual(two.brief.results, sampleAnalyses);
    const md = await get(parley, `/sessions/${session.id}/versions/2/brief.md`, auth);
    assert.equal(md.headers.get("content-type"), "text/markdown; charset=utf-8");
    assert.equal(await md.text(), v2.data.summary);
    const missing = await get(parley, `/sessions/${session.id}/versions/3`, auth);
    assert.equal(missing.status, 404);
    assert.equal(await missing.text(), "No version 3 of this brief: there are 2 versions\n");
    const noToken = await get(parley, `/sessions/${session.id}/versions/1`);
    assert.equal(noToken.status, 404);
    assert.equal(await noToken.text(), "Session not found or the token does not match\n");
  });
});
