/**
 * ConversationClient.review and .edit against the real server over loopback: a typed
 * review fixes a field, an edit after the brief gives version 2, and the snapshot holds
 * both versions with what changed; a second tab sees the edit too.
 */
import assert from "node:assert/strict";
import { ConversationClient } from "../web/client.js";
import type { ConversationSnapshot } from "../web/client.js";
import { startTestServer } from "./_server.ts";

const ANSWERS: Record<string, string> = {
  idea: "A marketplace where dog owners book trusted walkers and pay in the app",
  users: "Dog owners and walkers",
  platforms: "iOS and Android",
  features: "Booking, payments and reviews",
  scale: "5,000 users in year one",
  budget: "€40k",
  timeline: "a few days",
  compliance: "GDPR",
  jurisdiction: "Germany",
};

/** Resolves with the snapshot once `test` passes (checked after every change). */
function until(
  client: ConversationClient,
  test: (s: ConversationSnapshot) => boolean,
): Promise<ConversationSnapshot> {
  return new Promise((resolve) => {
    const check = () => {
      const s = client.getSnapshot();
      if (!test(s)) return;
      off();
      resolve(s);
    };
    const off = client.subscribe(check);
    check();
  });
}

Deno.test("ConversationClient.review and .edit: a fixed field, then version 2 with what changed", async () => {
  await using server = await startTestServer();
  // Two tabs of one browser: they share where the token is kept.
  const kept = new Map<string, string>();
  const storage = {
    getItem: (k: string) => kept.get(k) ?? null,
    setItem: (k: string, v: string) => void kept.set(k, v),
    removeItem: (k: string) => void kept.delete(k),
  };
  const tab = new ConversationClient({ server: server.url, clientId: "edit-tab", storage });
  // Answers each question by its topic; the review gets a typed change.
  let reviewed = false;
  tab.addEventListener("question", (e) => {
    const q = (e as CustomEvent<{ id: string; topic?: string }>).detail;
    if (q.topic !== "review") tab.sendAnswer(ANSWERS[q.topic ?? ""] ?? "no", q.id);
  });
  const off = tab.subscribe(() => {
    const s = tab.getSnapshot();
    if (s.review && !reviewed) {
      reviewed = true;
      const req = s.review.requirements as { timeline?: string };
      assert.equal(req.timeline, "a few days");
      tab.review({ timeline: "6 months" });
    }
  });
  tab.connect();
  const v1 = await until(tab, (s) => s.version === 1);
  off();
  assert.equal(v1.review, null);
  assert.equal(
    (v1.brief as { requirements: { timeline?: string } }).requirements.timeline,
    "6 months",
  );

  const other = new ConversationClient({ server: server.url, clientId: "edit-tab", storage });
  other.connect();
  await until(other, (s) => s.version === 1);

  const timeline = v1.transcript.find((e) => e.topic === "timeline");
  assert.ok(timeline, "a timeline question was asked");
  assert.equal(tab.edit(timeline.id, "9 months"), true);
  const editing = await until(other, (s) => s.editing !== null);
  assert.deepEqual(editing.editing, { questionId: timeline.id, answer: "9 months", version: 2 });
  const v2 = await until(tab, (s) => s.version === 2);
  await until(other, (s) => s.version === 2);
  assert.deepEqual(v2.versions.map((v) => v.version), [1, 2]);
  assert.equal(v2.versions[0]!.changes, null);
  const changes = v2.versions[1]!.changes as { from: number; kept: string[] };
  assert.equal(changes.from, 1);
  assert.ok(changes.kept.includes("customer"));
  assert.equal(v2.transcript.find((e) => e.id === timeline.id)?.answer, "9 months");
  assert.equal(v2.editing, null);
  assert.throws(() => tab.review({}), /No review question is waiting/);
  assert.throws(() => tab.edit(timeline.id, " "), /Edit needs a new answer/);
  tab.disconnect();
  other.disconnect();
});
