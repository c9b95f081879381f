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

/** Resolves with the detail of the next `type` event that passes `test`. */
function nextEvent<T = unknown>(
  target: EventTarget,
  type: string,
  test: (detail: T) => boolean = () => true,
): Promise<T> {
  return new Promise((resolve) => {
    const on = (e: Event) => {
      const detail = (e as CustomEvent<T>).detail;
      if (!test(detail)) return;
      target.removeEventListener(type, on);
      resolve(detail);
    };
    target.addEventListener(type, on);
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
  assert.deepEqual(seen, ["connecting", "live"]);
  assert.match(summary, /^# /m);
  assert.ok(brief && typeof brief === "object");
  assert.equal(client.finalSummary, summary);
  const types = client.messages.map((f) => f.type);
  assert.deepEqual(types.slice(0, 4), ["session", "status", "progress", "question"]);
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

  // The session's URLs carry the token and serve the transcript and the brief.
  assert.ok(client.sessionUrl?.startsWith(`${server.url}/sessions/${client.sessionId}?token=`));
  const json = await (await fetch(client.sessionUrl!)).json();
  assert.equal(json.sessionId, client.sessionId);
  assert.equal(json.state, "complete");
  const md = await fetch(client.briefUrl!);
  assert.equal(md.status, 200);
  assert.equal(await md.text(), summary);
  const noToken = await fetch(`${server.url}/sessions/${client.sessionId}`);
  assert.ok(noToken.status === 401 || noToken.status === 404, `got ${noToken.status}`);
  await noToken.body?.cancel();
});

/** `localStorage` for Deno: what a page keeps across reloads. */
class MemoryStorage {
  readonly map = new Map<string, string>();
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, value);
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
}

Deno.test("ConversationClient resumes the real server's session after a drop and after a reload", async () => {
  await using server = await startTestServer();
  const storage = new MemoryStorage();
  const first = new ConversationClient({ server: server.url, clientId: "resumer", storage });
  const asked = nextEvent(first, "question");
  first.connect();
  await asked;
  const second = nextEvent<{ id: string }>(first, "question");
  first.sendAnswer(ANSWERS[0]!);
  await second;

  // A drop: the same page reconnects and resumes from the last seq it applied.
  first.disconnect();
  const resumed = nextEvent<{ resumed: boolean }>(first, "session", (d) => d.resumed);
  first.connect();
  const { resumed: flag } = await resumed;
  assert.equal(flag, true);
  assert.deepEqual(first.messages.map((f) => f.seq), first.messages.map((_, i) => i + 1));
  assert.equal(first.transcript.length, 2);

  // A reload: a new client with the same storage rebuilds everything from seq 0.
  const reloaded = new ConversationClient({ server: server.url, clientId: "resumer", storage });
  const rebuilt = nextEvent<{ resumed: boolean }>(reloaded, "session", (d) => d.resumed);
  reloaded.connect();
  await rebuilt;
  assert.equal(reloaded.sessionId, first.sessionId);
  assert.deepEqual(
    reloaded.transcript.map((e) => [e.id, e.answer]),
    first.transcript.map((e) => [e.id, e.answer]),
  );
  assert.equal(reloaded.currentQuestion?.id, first.currentQuestion?.id);

  // Two tabs: an answer in one clears the question in the other.
  const answered = nextEvent<{ byThisClient: boolean }>(first, "answered");
  reloaded.sendAnswer(ANSWERS[1]!);
  assert.equal((await answered).byThisClient, false);
  assert.equal(first.transcript[1]?.answer, ANSWERS[1]);
  first.disconnect();
  reloaded.disconnect();
});

Deno.test("ConversationClient: a refused token starts a new conversation on the real server", async () => {
  await using server = await startTestServer();
  const storage = new MemoryStorage();
  storage.setItem("parley.session.stale", JSON.stringify({ sessionId: "gone", token: "nope" }));
  const errors: string[] = [];
  const client = new ConversationClient({
    server: server.url,
    clientId: "stale",
    storage,
    onError: (_m, e) => errors.push(e.code ?? ""),
  });
  const asked = nextEvent(client, "question");
  client.connect();
  await asked;
  assert.deepEqual(errors, ["bad_token"]);
  assert.notEqual(client.sessionId, "gone");
  assert.equal(
    JSON.parse(storage.getItem("parley.session.stale") ?? "").sessionId,
    client.sessionId,
  );
  client.disconnect();
});

Deno.test("ConversationClient.cancel and restart against the real server", async () => {
  await using server = await startTestServer();
  const client = new ConversationClient({ server: server.url, clientId: "stopper" });
  const asked = nextEvent(client, "question");
  client.connect();
  await asked;
  const cancelled = nextEvent<{ message: string }>(client, "cancelled");
  client.cancel();
  await cancelled;
  assert.equal(client.cancelled, true);
  assert.equal(client.currentQuestion, null);
  const old = client.sessionId;
  const reset = nextEvent(client, "reset");
  const again = nextEvent(client, "question");
  client.restart();
  await Promise.all([reset, again]);
  assert.notEqual(client.sessionId, old);
  assert.equal(client.cancelled, false);
  assert.deepEqual(client.messages.map((f) => f.seq), client.messages.map((_, i) => i + 1));
  client.disconnect();
});

Deno.test("ConversationClient.finish: the brief from what was said so far, on the real server", async () => {
  await using server = await startTestServer();
  const client = new ConversationClient({ server: server.url, clientId: "finish-test" });
  let asked = 0;
  client.addEventListener("question", () => {
    asked++;
    if (asked <= 2) client.sendAnswer(ANSWERS[asked - 1]!);
    else client.finish();
  });
  const finished = nextEvent<{ finish?: boolean; answer: string }>(
    client,
    "answered",
    (d) => d.finish === true,
  );
  const complete = nextEvent<{ summary: string; brief: unknown }>(client, "complete");
  client.connect();
  assert.equal((await finished).answer, "", "the withdrawn question has no answer");
  const { summary } = await complete;
  assert.equal(asked, 3, "no question after finish");
  assert.deepEqual(client.transcript.map((e) => e.answer), ANSWERS.slice(0, 2));
  assert.match(summary, /tools/i, "the brief is built from the answers given");
  const clarifier = client.agentResults.clarifier as { done: boolean; resp: unknown[] };
  assert.equal(clarifier.done, true);
  const snap = client.getSnapshot();
  assert.equal(snap.complete, true);
  assert.deepEqual(snap.pending, []);
  assert.equal(snap.stage, null);
  client.disconnect();
});
