/**
 * Review and edits on a real session with the offline engine: typed and free-text
 * reviews, edits during the interview, during analysis and after `complete`, only the
 * analysts whose input changed re-run, two tabs editing at once, bad edits, and a
 * re-run recovered from the store by a new registry.
 */
import assert from "node:assert/strict";
import { OfflineEngine } from "../agents/offline/mod.ts";
import type { AnalysisTask, Engine, FrameBody, RunOptions } from "../agents/types.ts";
import { ProtocolVerifier } from "../protocol/verify.js";
import type { SeedFrame } from "../tests/_seed_client.ts";
import { RecordingConnection, testRegistry, tokenOf } from "./_testing.ts";
import type { Session } from "./session.ts";
import { MemoryStore } from "./store.ts";

type Reply = (q: SeedFrame, session: Session) => void;

/** What the person says, by the topic of the question; "no" to anything else. */
const ANSWERS: Record<string, string> = {
  idea: "A marketplace where dog owners book trusted walkers and pay in the app",
  users: "Dog owners and walkers, many of them students",
  platforms: "iOS and Android",
  features: "Booking, payments, reviews and GPS tracking",
  scale: "5,000 users in year one",
  budget: "€40k",
  timeline: "4 months",
  compliance: "GDPR",
  jurisdiction: "Germany",
};

/** Answers each question by its topic; the review with `onReview`. */
function benchReplies(onReview: Reply = (_q, s) => s.handle({ answer: "ok" })): Reply {
  return (q, session) => {
    if (q.data.topic === "review") return onReview(q, session);
    const answer = ANSWERS[String(q.data.topic)] ?? "no";
    session.handle({ type: "answer", questionId: String(q.data.id), answer });
  };
}

/** Reads frames, answering questions, until `stop` says so; returns that frame. */
async function runUntil(
  conn: RecordingConnection,
  session: Session,
  reply: Reply,
  stop: (f: SeedFrame) => boolean,
): Promise<SeedFrame> {
  for (;;) {
    const f = await conn.next();
    if (stop(f)) return f;
    if (f.type === "question") reply(f, session);
  }
}

const isComplete = (f: SeedFrame) => f.type === "complete";

function verify(frames: readonly SeedFrame[]) {
  const v = new ProtocolVerifier();
  for (const f of frames) v.server(f as Parameters<ProtocolVerifier["server"]>[0]);
}

function start(engine: Engine = new OfflineEngine(), store = new MemoryStore()) {
  const registry = testRegistry({ engine, review: true, store });
  const conn = new RecordingConnection();
  const session = registry.create("tab-1", conn);
  return { registry, conn, session, store };
}

/** The timeline question's id, found by its topic. */
function questionOf(frames: readonly SeedFrame[], topic: string): string {
  const q = frames.find((f) => f.type === "question" && f.data.topic === topic);
  assert.ok(q, `a ${topic} question was asked`);
  return String(q.data.id);
}

Deno.test("Session review: a typed review sets fields before the analysts run", async () => {
  const { conn, session } = start();
  const done = await runUntil(
    conn,
    session,
    benchReplies((q, s) =>
      s.handle({
        type: "review",
        questionId: String(q.data.id),
        changes: { timeline: "6 months", users: ["walkers", "dog owners"] },
      })
    ),
    isComplete,
  );
  const review = conn.frames.find((f) => f.type === "question" && f.data.topic === "review")!;
  assert.match(String(review.data.question), /Reply \*ok\* to go on, or tell me what to change\./);
  const shown = (review.data.review as { requirements: { timeline?: string } }).requirements;
  assert.equal(shown.timeline, "4 months");
  const brief = done.data.brief as { requirements: { timeline?: string; users: string[] } };
  assert.equal(brief.requirements.timeline, "6 months");
  assert.deepEqual(brief.requirements.users, ["walkers", "dog owners"]);
  assert.equal(done.data.version, 1);
  const answered = conn.frames.find((f) => f.type === "answered" && f.data.questionId === "review");
  assert.equal(answered?.data.answer, 'users: ["walkers","dog owners"]\ntimeline: 6 months');
  verify(conn.frames);
});

Deno.test("Session review: a free-text correction is read; what is not understood is asked again once", async () => {
  const { conn, session } = start();
  let asks = 0;
  const done = await runUntil(
    conn,
    session,
    benchReplies((_q, s) => {
      s.handle({ answer: asks++ === 0 ? "budget 20k; purple elephants" : "still purple" });
    }),
    isComplete,
  );
  const reviews = conn.frames.filter((f) => f.type === "question" && f.data.topic === "review");
  assert.deepEqual(reviews.map((f) => f.data.id), ["review", "review-2"]);
  assert.match(String(reviews[1]!.data.question), /I did not understand: “purple elephants”/);
  assert.equal(
    (done.data.brief as { requirements: { budget?: string } }).requirements.budget,
    "20k",
  );
  verify(conn.frames);
});

Deno.test("Session edit after complete: version 2, only the analysts that read the field re-run", async () => {
  const { conn, session } = start();
  await runUntil(conn, session, benchReplies(), isComplete);
  const v1 = conn.frames.length;
  const timeline = questionOf(conn.frames, "timeline");
  session.handle({ type: "edit", questionId: timeline, answer: "9 months" });
  const done = await runUntil(conn, session, benchReplies(), isComplete);
  const after = conn.frames.slice(v1);
  assert.equal(after[0]?.type, "edited");
  assert.deepEqual(after[0]?.data, { questionId: timeline, answer: "9 months", version: 2 });
  // Nothing is asked again: every later answer still applies.
  assert.deepEqual(after.filter((f) => f.type === "question"), []);
  const plan = after.find((f) => f.type === "progress" && Array.isArray(f.data.kept));
  assert.deepEqual([plan?.data.rerun, plan?.data.kept], [["product", "engineer", "risk"], [
    "customer",
  ]]);
  const results = after.filter((f) => f.type === "result" && f.data.agent !== "clarifier");
  assert.deepEqual(results.map((f) => [f.data.agent, f.data.kept ?? false]), [
    ["product", false],
    ["customer", true],
    ["engineer", false],
    ["risk", false],
  ]);
  assert.equal(done.data.version, 2);
  const changes = done.data.changes as {
    from: number;
    fields: { field: string; after: unknown }[];
  };
  assert.equal(changes.from, 1);
  assert.deepEqual(changes.fields.map((f) => [f.field, f.after]), [["timeline", "9 months"]]);
  // The brief itself says what the person corrected, not the old answer.
  assert.match(String(done.data.summary), /\*\*Timeline:\*\* 9 months/);
  assert.doesNotMatch(String(done.data.summary), /\*\*Timeline:\*\* 4 months/);
  assert.equal(session.state, "complete");
  verify(conn.frames);
});

Deno.test("Session edit during the interview: the re-read keeps later answers and re-asks the pending one", async () => {
  const { conn, session } = start();
  let answered = 0;
  // Answer two questions, then edit the first while the third waits.
  const third = await runUntil(
    conn,
    session,
    benchReplies(),
    (f) => f.type === "question" && ++answered === 3,
  );
  const idea = questionOf(conn.frames, "idea");
  session.handle({
    type: "edit",
    questionId: idea,
    answer: "A marketplace where cat owners book sitters",
  });
  const next = await conn.until("question");
  assert.equal(next.data.topic, third.data.topic);
  assert.equal(next.data.id, `${third.data.id}~1`);
  const reply = benchReplies();
  reply(next, session);
  const done = await runUntil(conn, session, reply, isComplete);
  const edited = conn.frames.findIndex((f) => f.type === "edited");
  const asked = conn.frames.slice(edited).filter((f) => f.type === "question");
  // The platforms answer still applies: it is fed back, not asked again.
  assert.ok(!asked.some((f) => f.data.topic === "platforms"));
  assert.match(
    String((done.data.brief as { requirements: { idea: string } }).requirements.idea),
    /cat owners/,
  );
  assert.equal(done.data.version, 1);
  verify(conn.frames);
});

/** The offline engine, with the product analysis held until `release()`. */
class GatedEngine extends OfflineEngine {
  #gate = Promise.withResolvers<void>();
  entered = Promise.withResolvers<void>();
  analyses: string[] = [];
  release() {
    this.#gate.resolve();
  }
  override async *analyse<T>(
    task: AnalysisTask<T>,
    opts: RunOptions,
  ): AsyncGenerator<FrameBody, unknown, void> {
    this.analyses.push(task.agent);
    if (task.agent === "product") {
      this.entered.resolve();
      await Promise.race([
        this.#gate.promise,
        new Promise((_, reject) =>
          opts.signal.addEventListener("abort", () => reject(opts.signal.reason))
        ),
      ]);
    }
    return yield* super.analyse(task, opts);
  }
}

Deno.test("Session edit during analysis: the analysis in flight is stopped and the pipeline re-runs", async () => {
  const engine = new GatedEngine();
  const { conn, session } = start(engine);
  const reply = benchReplies();
  const reading = (async () => {
    for (;;) {
      const f = await conn.next();
      if (f.type === "question") reply(f, session);
      if (f.type === "status" && f.data.stage === "product") return;
    }
  })();
  await reading;
  await engine.entered.promise;
  session.handle({
    type: "edit",
    questionId: questionOf(conn.frames, "timeline"),
    answer: "In 9 months",
  });
  engine.release();
  const done = await conn.until("complete");
  assert.equal(done.data.version, 1);
  assert.match(
    String((done.data.brief as { requirements: { timeline?: string } }).requirements.timeline),
    /9 months/,
  );
  assert.deepEqual(engine.analyses, ["product", "product", "customer", "engineer", "risk"]);
  verify(conn.frames);
});

Deno.test("Session edits from two tabs at once: the first wins, the second is told", async () => {
  const { registry, conn, session } = start();
  await runUntil(conn, session, benchReplies(), isComplete);
  const tab2 = new RecordingConnection();
  await registry.resume(tokenOf(conn), session.seq, "tab-1", tab2);
  const users = questionOf(conn.frames, "platforms");
  const timeline = questionOf(conn.frames, "timeline");
  session.handle({ type: "edit", questionId: users, answer: "Web only" }, conn);
  session.handle({ type: "edit", questionId: timeline, answer: "2 months" }, tab2);
  await conn.until("complete");
  await tab2.until("complete");
  for (const tab of [conn, tab2]) {
    const edits = tab.frames.filter((f) => f.type === "edited").map((f) => f.data.questionId);
    assert.deepEqual(edits, [users]);
  }
  // Only the tab whose edit was refused is told, without a seq (nothing is stored).
  const refused = tab2.frames.filter((f) => f.type === "error");
  assert.deepEqual(refused.map((f) => [f.data.code, f.seq]), [["edit_in_progress", undefined]]);
  assert.deepEqual(conn.frames.filter((f) => f.type === "error"), []);
});

Deno.test("Session bad edits: unknown, unanswered, stale and cancelled edits change nothing", async () => {
  const { conn, session } = start();
  const first = await conn.until("question");
  session.handle({ type: "edit", questionId: String(first.data.id), answer: "x" }, conn);
  session.handle({ type: "edit", questionId: "nope", answer: "x" }, conn);
  session.handle({ type: "answer", questionId: String(first.data.id), answer: ANSWERS.idea! });
  await conn.until("question");
  session.handle(
    { type: "edit", questionId: String(first.data.id), answer: "x", version: 0 },
    conn,
  );
  await conn.until("edited");
  await conn.until("question");
  session.handle({ type: "cancel" }, conn);
  session.handle({ type: "edit", questionId: String(first.data.id), answer: "y" }, conn);
  const errors = conn.frames.filter((f) => f.type === "error").map((f) => f.data.code);
  assert.deepEqual(errors, ["unknown_question", "unknown_question", "not_editable"]);
  assert.equal(conn.frames.filter((f) => f.type === "edited").length, 1);
});

Deno.test("Session recovery: a re-run cut short is replayed by a new registry and finishes", async () => {
  const store = new MemoryStore();
  const { registry, conn, session } = start(new OfflineEngine(), store);
  await runUntil(conn, session, benchReplies(), isComplete);
  session.handle({
    type: "edit",
    questionId: questionOf(conn.frames, "timeline"),
    answer: "€5k and 1 month",
  });
  // Stop the process's sessions mid re-run, as a crash would (the store keeps the log).
  await conn.until("edited");
  const token = tokenOf(conn);
  await registry.shutdown();
  const before = store.frames(session.id).length;
  const again = testRegistry({ engine: new OfflineEngine(), review: true, store });
  const tab = new RecordingConnection();
  const resumed = await again.resume(token, before, "tab-1", tab) as Session;
  const done = await tab.until("complete");
  await resumed.finished;
  assert.equal(done.data.version, 2);
  const all = store.frames(session.id).map((f) => JSON.parse(f.text) as SeedFrame);
  assert.deepEqual(all.map((f) => f.seq), all.map((_, i) => i + 1));
  assert.deepEqual(all.filter((f) => f.type === "complete").map((f) => f.data.version), [1, 2]);
  verify(all);
});

Deno.test("Session edit of a finished session loaded from the store: version 2, kept analysts", async () => {
  const store = new MemoryStore();
  const { registry, conn, session } = start(new OfflineEngine(), store);
  await runUntil(conn, session, benchReplies(), isComplete);
  const token = tokenOf(conn);
  const timeline = questionOf(conn.frames, "timeline");
  await registry.shutdown();
  const again = testRegistry({ engine: new OfflineEngine(), review: true, store });
  const tab = new RecordingConnection();
  const loaded = await again.resume(token, session.seq, "tab-1", tab) as Session;
  assert.equal(loaded.state, "complete");
  assert.equal(loaded.version, 1);
  loaded.handle({ type: "edit", questionId: timeline, answer: "In 9 months" }, tab);
  const done = await tab.until("complete");
  assert.equal(done.data.version, 2);
  const kept = tab.frames.filter((f) => f.type === "result" && f.data.kept === true);
  assert.deepEqual(kept.map((f) => f.data.agent), ["customer"]);
  assert.deepEqual(tab.frames.filter((f) => f.type === "question"), [], "nothing asked again");
  const all = store.frames(session.id).map((f) => JSON.parse(f.text) as SeedFrame);
  assert.deepEqual(all.map((f) => f.seq), all.map((_, i) => i + 1));
  verify(all);
});

Deno.test("Session frame cap counts re-run frames: repeated edits end in frame_limit", async () => {
  const registry = testRegistry({ engine: new OfflineEngine(), review: true, maxFrames: 120 });
  const conn = new RecordingConnection();
  const session = registry.create("tab-1", conn);
  await runUntil(conn, session, benchReplies(), isComplete);
  const timeline = questionOf(conn.frames, "timeline");
  for (let months = 5; session.state !== "cancelled"; months++) {
    session.handle({ type: "edit", questionId: timeline, answer: `In ${months} months` }, conn);
    const end = await runUntil(
      conn,
      session,
      benchReplies(),
      (f) => f.type === "complete" || f.type === "cancelled",
    );
    if (end.type === "cancelled") break;
  }
  const codes = conn.frames.filter((f) => f.type === "error").map((f) => f.data.code);
  assert.deepEqual(codes, ["frame_limit"]);
  assert.ok(conn.frames.filter((f) => f.type === "edited").length >= 1);
  assert.ok(session.seq <= 122, "the cap and its two frames, no more");
});

Deno.test("Session edit after a typed review: the edited answer shows in the new brief, the review's change stays", async () => {
  const { conn, session } = start();
  await runUntil(
    conn,
    session,
    benchReplies((q, s) =>
      s.handle({ type: "review", questionId: String(q.data.id), changes: { timeline: "6 months" } })
    ),
    isComplete,
  );
  const v1 = conn.frames.length;
  session.handle({ type: "edit", questionId: questionOf(conn.frames, "budget"), answer: "€90k" });
  const done = await runUntil(conn, session, benchReplies(), isComplete);
  assert.equal(done.data.version, 2);
  assert.equal(conn.frames.slice(v1)[0]?.type, "edited");
  const summary = String(done.data.summary);
  assert.match(summary, /\*\*Budget:\*\* €90k/);
  assert.match(summary, /\*\*Timeline:\*\* 6 months/);
  verify(conn.frames);
});
