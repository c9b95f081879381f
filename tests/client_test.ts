/** ConversationClient in Deno against the real Parley server over WebSocket. */
import assert from "node:assert/strict";
import { ConversationClient } from "../web/client.js";
import { startTestServer } from "./_server.ts";

const ANSWERS = [
  "A marketplace where neighbours lend each other tools, with deposits paid by card",
  "Homeowners and renters in cities; later small repair shops",
  "iOS, Android and the web",
  "Listings, booking calendar, deposits, ratings, chat",
  "5,000 users in the first year",
  "$80k and 6 months",
];

/** Resolves with the detail of the next `type` event. */
function nextEvent<T = unknown>(target: EventTarget, type: string): Promise<T> {
  return new Promise((resolve) => {
    target.addEventListener(type, (e) => resolve((e as CustomEvent<T>).detail), { once: true });
  });
}

/** Answers every question from `answers`, then with a default. */
function autoAnswer(client: ConversationClient, answers: readonly string[]) {
  let i = 0;
  client.addEventListener("question", () => {
    client.sendAnswer(answers[i++] ?? "No preference");
  });
}

Deno.test("ConversationClient completes a conversation against the real server", async () => {
  await using server = await startTestServer();
  const client = new ConversationClient({ server: server.url, clientId: "client-test" });
  autoAnswer(client, ANSWERS);
  const seen: string[] = [];
  client.addEventListener("connection", (e) => seen.push((e as CustomEvent).detail.state));
  const complete = nextEvent<{ summary: string; brief: unknown }>(client, "complete");
  client.connect();
  const { summary, brief } = await complete;
  assert.deepEqual(seen, ["connecting", "open"]);
  assert.match(summary, /^# /m);
  assert.ok(brief && typeof brief === "object");
  assert.equal(client.finalSummary, summary);
  const types = client.messages.map((f) => f.type);
  assert.deepEqual(types.slice(0, 3), ["status", "progress", "question"]);
  assert.equal(types.at(-1), "complete");
  assert.deepEqual(
    client.messages.map((f) => f.seq),
    client.messages.map((_, i) => i + 1),
    "seq is gapless from 1",
  );
  assert.deepEqual(Object.keys(client.agentResults).sort(), [
    "clarifier",
    "customer",
    "engineer",
    "product",
    "risk",
  ]);
  assert.deepEqual(Object.values(client.stages), Array(6).fill("done"));
  assert.ok(client.transcript.length >= 3);
  assert.ok(client.transcript.every((e) => typeof e.answer === "string"));
  assert.equal(client.transcript[0]?.answer, ANSWERS[0]);
  assert.equal(client.currentQuestion, null);
  const snap = client.getSnapshot();
  assert.equal(snap, client.getSnapshot(), "snapshot is stable until a change");
  assert.equal(snap.finalSummary, summary);
  client.disconnect();
  assert.equal(client.state, "closed");
  assert.notEqual(client.getSnapshot(), snap);
});
