/**
 * The `complete` frame sends each thing once: its brief names the analysts' results by
 * the seq of their `result` frames, what is stored is what is sent, a `fullBrief`
 * connection (`?brief=full`) gets the whole brief, live and after a restart, and a
 * session loaded from the store diffs an edit against the whole brief.
 */
import assert from "node:assert/strict";
import { OfflineEngine } from "../agents/offline/mod.ts";
import { ProtocolVerifier } from "../protocol/verify.js";
import type { SeedFrame } from "../tests/_seed_client.ts";
import { RecordingConnection, testRegistry, tokenOf, wholeBriefOf } from "./_testing.ts";
import type { Session } from "./session.ts";
import { MemoryStore } from "./store.ts";
import { SqliteStore } from "./sqlite_store.ts";

const ANSWERS: Record<string, string> = {
  idea: "A marketplace where dog owners book trusted walkers and pay in the app",
  users: "Dog owners and walkers, many of them students",
  platforms: "iOS and Android",
  timeline: "4 months",
  budget: "€40k",
};
const ANALYSTS = ["product", "customer", "engineer", "risk"];

/** Answers every question by its topic ("ok" to the review) until `complete`. */
async function untilComplete(conn: RecordingConnection, session: Session): Promise<SeedFrame> {
  for (;;) {
    const f = await conn.next();
    if (f.type === "complete") return f;
    if (f.type !== "question") continue;
    const topic = String(f.data.topic);
    session.handle({
      type: "answer",
      questionId: String(f.data.id),
      answer: topic === "review" ? "ok" : ANSWERS[topic] ?? "no",
    });
  }
}

function fullTab(): RecordingConnection {
  const tab = new RecordingConnection();
  tab.fullBrief = true;
  return tab;
}

Deno.test("Session complete names each result by its seq; a fullBrief tab gets the whole brief", async () => {
  const store = new MemoryStore();
  const registry = testRegistry({ engine: new OfflineEngine(), review: true, store });
  const conn = new RecordingConnection();
  const session = registry.create("tab-1", conn);
  const full = fullTab();
  session.attach(full);
  const complete = await untilComplete(conn, session);
  const whole = await full.until("complete");

  const slim = complete.data.brief as Record<string, unknown>;
  assert.equal(slim.results, undefined);
  const seqs = slim.resultSeqs as Record<string, number>;
  assert.deepEqual(Object.keys(seqs), ANALYSTS);
  for (const [agent, seq] of Object.entries(seqs)) {
    const f = conn.frames.find((f) => f.seq === seq);
    assert.deepEqual([f?.type, f?.data.agent], ["result", agent]);
  }
  // The same frame (seq, ts) with the whole brief, results in the analysts' order.
  assert.deepEqual([whole.seq, whole.ts, whole.data.summary], [
    complete.seq,
    complete.ts,
    complete.data.summary,
  ]);
  const brief = whole.data.brief as { results: Record<string, unknown>; resultSeqs?: unknown };
  assert.equal(brief.resultSeqs, undefined);
  assert.deepEqual(Object.keys(brief.results), ANALYSTS);
  assert.deepEqual(brief, wholeBriefOf(conn.frames, complete));
  // Every other frame is the same text on both tabs; the full one only differs at complete.
  const fullBySeq = new Map(full.frames.map((f, i) => [f.seq, full.texts[i]]));
  const differ = conn.frames.flatMap((f, i) =>
    !fullBySeq.has(f.seq) || fullBySeq.get(f.seq) === conn.texts[i] ? [] : [f.type]
  );
  assert.deepEqual(differ, ["complete"]);
  assert.ok(full.frames.length >= conn.frames.length - 1);
  assert.ok(full.texts.at(-1)!.length > conn.texts.at(-1)!.length * 1.5);
  // Serialised once: the stored text is the text sent (the token aside, never stored).
  const stored = store.frames(session.id).map((f) => f.text);
  assert.deepEqual(stored.slice(1), conn.texts.slice(1));
  const v = new ProtocolVerifier();
  for (const f of conn.frames) v.server(f as Parameters<ProtocolVerifier["server"]>[0]);
  await registry.shutdown();
});

Deno.test("Session resume of a fullBrief tab after a restart: the whole brief, rebuilt from SQLite", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const path = `${dir}/parley.db`;
    let store = new SqliteStore(path);
    let registry = testRegistry({ engine: new OfflineEngine(), review: true, store });
    const conn = new RecordingConnection();
    const full = fullTab();
    const session = registry.create("tab-1", conn);
    session.attach(full);
    const complete = await untilComplete(conn, session);
    const live = await full.until("complete");
    const token = tokenOf(conn);
    await registry.shutdown();
    store.close();

    store = new SqliteStore(path);
    registry = testRegistry({ engine: new OfflineEngine(), review: true, store });
    const again = fullTab();
    const loaded = await registry.resume(token, 0, "tab-1", again);
    assert.equal(loaded.state, "complete");
    const replayed = again.frames.find((f) => f.type === "complete")!;
    assert.deepEqual(replayed, live);
    const slim = new RecordingConnection();
    await registry.resume(token, 0, "tab-1", slim);
    assert.deepEqual(slim.frames.find((f) => f.type === "complete"), complete);
    await registry.shutdown();
    store.close();
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("Session edit of a session loaded from the store: the changes are those of a live one", async () => {
  const edit = async (reload: boolean) => {
    const store = new MemoryStore();
    let registry = testRegistry({ engine: new OfflineEngine(), review: true, store });
    const conn = new RecordingConnection();
    let session = registry.create("tab-1", conn);
    await untilComplete(conn, session);
    const timeline = conn.frames.find((f) => f.data.topic === "timeline")!.data.id as string;
    let tab = conn;
    if (reload) {
      const token = tokenOf(conn);
      await registry.shutdown();
      registry = testRegistry({ engine: new OfflineEngine(), review: true, store });
      tab = new RecordingConnection();
      session = (await registry.resume(token, session.seq, "tab-1", tab)) as Session;
    }
    session.handle({ type: "edit", questionId: timeline, answer: "In 2 weeks" }, tab);
    const done = await tab.until("complete");
    await registry.shutdown();
    return done.data.changes;
  };
  const live = await edit(false);
  assert.ok(live, "an edit's complete says what changed");
  assert.deepEqual(await edit(true), live);
});
