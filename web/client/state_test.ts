/** The client's pure reducer: arrays of frames and actions in, states out. */
import assert from "node:assert/strict";
import {
  type AnyFrame,
  applyFrame,
  type ClientAction,
  type ConversationState,
  ideaOf,
  initialState,
  reduce,
} from "./state.js";

let ts = 1_700_000_000_000;
const f = (seq: number | null, type: string, data: unknown): AnyFrame =>
  (seq === null ? { type, data, ts: ++ts } : { type, data, seq, ts: ++ts }) as AnyFrame;
const session = (seq: number, sessionId: string, extra: Record<string, unknown> = {}) =>
  f(seq, "session", { sessionId, clientId: "tab", resumed: false, ...extra });
const question = (seq: number, id: string, extra: Record<string, unknown> = {}) =>
  f(seq, "question", { question: `${id}?`, id, agent: "clarifier", round: 1, ...extra });

/** Folds frames into a state, returning every intermediate state too. */
function fold(frames: AnyFrame[], from: ConversationState = initialState()) {
  const states: ConversationState[] = [];
  let s = from;
  for (const frame of frames) states.push(s = applyFrame(s, frame));
  return { state: s, states };
}

/** A live socket (fresh, or resuming with a token). */
const live = (s: ConversationState, resuming = false) =>
  reduce(reduce(s, { type: "connection", state: "live" }), { type: "open", resuming });

/** The frames of a whole seed-shaped conversation, as the server sends them. */
const conversation: AnyFrame[] = [
  session(1, "s1", { token: "secret" }),
  f(2, "status", { message: "Starting Clarifier conversation...", stage: "clarifier" }),
  question(3, "q1", { topic: "idea", progress: { number: 1, about: 7, round: 1, rounds: 3 } }),
  f(4, "answered", { questionId: "q1", answer: "A recipe app" }),
  f(5, "progress", { message: "Thinking (Round 2)", agent: "clarifier" }),
  question(6, "q2", { round: 2 }),
  f(7, "answered", { questionId: "q2", answer: "Families" }),
  f(8, "result", { agent: "clarifier", data: { done: true, resp: "ok" } }),
  f(9, "status", { message: "Running Product agent...", stage: "product" }),
  f(10, "result", { agent: "product", data: { vision: "V" } }),
  f(11, "progress", { message: "Customer agent is thinking", agent: "customer" }),
  f(12, "result", { agent: "customer", data: { personas: [] } }),
  f(13, "status", { message: "Summarising", stage: "summary" }),
  f(14, "complete", {
    summary: "# Brief",
    brief: { title: "Recipes", resultSeqs: { product: 10, customer: 12 } },
  }),
];

Deno.test("applyFrame folds a whole conversation into its state", () => {
  const { state, states } = fold(conversation, live(initialState()));
  assert.equal(state.lastSeq, 14);
  assert.equal(state.sessionId, "s1");
  assert.equal(state.token, "secret");
  assert.deepEqual(state.transcript.map((e) => [e.id, e.answer, e.topic]), [
    ["q1", "A recipe app", "idea"],
    ["q2", "Families", undefined],
  ]);
  assert.equal(ideaOf(state), "A recipe app");
  assert.equal(state.complete, true);
  assert.equal(state.summary, "# Brief");
  // The brief names its results by seq: the state puts back the ones its frames carried.
  assert.deepEqual(state.brief, {
    title: "Recipes",
    results: { product: { vision: "V" }, customer: { personas: [] } },
  });
  assert.deepEqual(state.questions, []);
  assert.equal(state.stage, null, "no stage after complete");
  assert.deepEqual(Object.values(state.stages), Object.values(state.stages).map(() => "done"));
  assert.deepEqual(Object.keys(state.results), ["clarifier", "product", "customer"]);
  assert.equal(state.messages.length, 14);
  // The running stage is named at every moment between the first status and complete.
  assert.deepEqual(states.map((s) => s.stage), [
    null,
    "clarifier",
    "clarifier",
    "clarifier",
    "clarifier",
    "clarifier",
    "clarifier",
    "clarifier",
    "product",
    "product",
    "customer",
    "customer",
    "summary",
    null,
  ]);
  // Progress from the question, else counted; `about` only from the engine.
  assert.deepEqual(states[2]!.progress, { number: 1, about: 7, round: 1, rounds: 3 });
  assert.deepEqual(states[5]!.progress, {
    number: 2,
    about: undefined,
    round: 2,
    rounds: undefined,
  });
  assert.equal(states[4]!.round, 2, "the round from a progress message");
});

Deno.test("applyFrame ignores duplicates and replays on resume, keeping the same object", () => {
  const first = fold(conversation.slice(0, 3), live(initialState())).state;
  assert.equal(applyFrame(first, conversation[2]!), first, "a duplicate changes nothing");
  // The socket drops; a new one resumes with lastSeq 3 and gets an overlapping replay.
  const resumed = live(reduce(first, { type: "connection", state: "reconnecting" }), true);
  const { state, states } = fold([conversation[1]!, conversation[2]!, conversation[3]!], resumed);
  assert.equal(states[0], resumed);
  assert.equal(states[1], resumed);
  assert.equal(state.lastSeq, 4);
  assert.equal(state.epoch, 0, "a resume is the same conversation");
  assert.deepEqual(state.transcript.map((e) => e.answer), ["A recipe app"]);
});

Deno.test("applyFrame resets on seq 1 of a fresh socket or of another session", () => {
  const old = fold(conversation.slice(0, 4), live(initialState())).state;
  // A socket opened without a token starts a new conversation.
  const fresh = applyFrame(live(old), session(1, "s2", { token: "other" }));
  assert.equal(fresh.epoch, 1);
  assert.deepEqual(fresh.transcript, []);
  assert.equal(fresh.sessionId, "s2");
  assert.equal(fresh.lastSeq, 1);
  // A restart on a live resumed socket: a session frame with seq 1 and another id.
  const resumed = live(old, true);
  const restarted = fold([
    f(5, "cancelled", { message: "Started over" }),
    session(1, "s3", { token: "t3" }),
  ], resumed).state;
  assert.equal(restarted.epoch, 1);
  assert.equal(restarted.cancelled, null);
  assert.equal(restarted.token, "t3");
});

Deno.test("applyFrame applies frames without seq without touching lastSeq", () => {
  const s = fold(conversation.slice(0, 3), live(initialState())).state;
  const pong = applyFrame(s, f(null, "pong", { id: "1" }));
  assert.equal(pong.lastSeq, 3);
  assert.equal(pong.messages, s.messages, "a pong is not a message");
  const refused = applyFrame(s, f(null, "error", { message: "Bad", code: "bad_frame" }));
  assert.equal(refused.lastSeq, 3);
  assert.equal(refused.lastError?.code, "bad_frame");
  assert.equal(refused.lastError?.source, "server");
  assert.equal(refused.lastError?.seq, undefined);
  // The conversation goes on: seq 4 is still the next one.
  assert.equal(applyFrame(refused, conversation[3]!).lastSeq, 4);
});

Deno.test("applyFrame keeps unknown frame types in messages and nothing else", () => {
  const s = fold(conversation.slice(0, 2), live(initialState())).state;
  const next = applyFrame(s, f(3, "future", { text: "newer server" }));
  assert.equal(next.messages.at(-1)?.type, "future");
  assert.equal(next.lastSeq, 3);
  assert.deepEqual({ ...next, messages: s.messages, lastSeq: 2 }, s);
});

Deno.test("applyFrame: a refused token loses the session but keeps the transcript and idea", () => {
  const had = fold(conversation.slice(0, 4), live(initialState())).state;
  const resumed = live(had, true);
  const lost = applyFrame(resumed, f(1, "error", { message: "Unknown token", code: "bad_token" }));
  assert.equal(lost.sessionLost, true);
  assert.equal(lost.token, null);
  assert.equal(lost.lastSeq, 4, "a refusal is not part of the sequence");
  assert.equal(lost.messages, resumed.messages);
  assert.equal(ideaOf(lost), "A recipe app");
  assert.equal(lost.transcript, had.transcript);
  assert.equal(lost.lastError?.source, "connection");
  // On a page load (nothing shown yet) the stale token is dropped without a lost session.
  const stored = live(initialState({ sessionId: "old", token: "stale" }), true);
  const fresh = applyFrame(stored, f(1, "error", { message: "Unknown token", code: "bad_token" }));
  assert.equal(fresh.sessionLost, false);
  assert.equal(fresh.token, null);
});

Deno.test("reduce tracks pending answers until the server confirms or refuses them", () => {
  const asked = fold(conversation.slice(0, 3), initialState()).state;
  const actions: ClientAction[] = [
    { type: "connection", state: "reconnecting", attempt: 1, retryAt: 5 },
    { type: "answer", questionId: "q1", answer: "A recipe app", sent: false },
  ];
  const queued = actions.reduce(reduce, asked);
  assert.deepEqual(queued.pending, [{ questionId: "q1", answer: "A recipe app", state: "queued" }]);
  assert.deepEqual(queued.questions, [], "the question is no longer waiting");
  assert.equal(queued.transcript[0]!.answer, "A recipe app");
  assert.equal(queued.retryAt, 5);
  const sending = [
    { type: "open", resuming: true },
    { type: "flushed" },
  ].reduce((s, a) => reduce(s, a as ClientAction), queued);
  assert.deepEqual(sending.pending.map((p) => p.state), ["sending"]);
  assert.equal(sending.connection, "live");
  assert.equal(sending.retryAt, null);
  const confirmed = applyFrame(sending, conversation[3]!);
  assert.deepEqual(confirmed.pending, []);
  // Refused because the pending question is another one: asked again.
  const refused = applyFrame(
    sending,
    f(null, "error", { message: "Wrong", code: "wrong_question" }),
  );
  assert.deepEqual(refused.pending, []);
  assert.equal(refused.transcript[0]!.answer, null);
  assert.deepEqual(refused.questions.map((q) => q.id), ["q1"]);
  // Another tab answered first: the answered frame settles it, whichever wins.
  const other = applyFrame(sending, f(4, "answered", { questionId: "q1", answer: "Other tab" }));
  assert.deepEqual(other.pending, []);
  assert.equal(other.transcript[0]!.answer, "Other tab");
});

Deno.test("reduce: a reset forgets the conversation and the session, not the connection", () => {
  const s = fold(conversation.slice(0, 4), live(initialState())).state;
  const reset = reduce(s, { type: "reset" });
  assert.equal(reset.connection, "live");
  assert.equal(reset.epoch, 1);
  assert.equal(reset.lastSeq, 0);
  assert.equal(reset.token, null);
  assert.deepEqual(reset.transcript, []);
  assert.equal(reduce(reset, { type: "connection", state: "live" }), reset, "no change, same");
});

Deno.test("applyFrame: an answered frame marked finish withdraws the pending question", () => {
  const asked = fold([...conversation.slice(0, 4), question(5, "q2")], live(initialState())).state;
  const withdrawn = applyFrame(
    asked,
    f(6, "answered", { questionId: "q2", answer: "", finish: true }),
  );
  assert.deepEqual(withdrawn.questions, []);
  assert.deepEqual(withdrawn.transcript.map((e) => e.id), ["q1"]);
  assert.equal(ideaOf(withdrawn), "A recipe app");
});

Deno.test("applyFrame puts back a brief's results from its result frames, after a reload too", () => {
  // A reloaded page starts from nothing and the resume replays every frame: same brief.
  const reloaded = fold(conversation, live(initialState(), true)).state;
  assert.deepEqual(
    (reloaded.brief as { results: unknown }).results,
    { product: { vision: "V" }, customer: { personas: [] } },
  );
  // A re-run's second product result replaces the first; a seq the state did not get
  // (or that carried another agent) is left out rather than guessed.
  const { state } = fold([
    ...conversation,
    f(15, "edited", { questionId: "q2", answer: "Students", version: 2 }),
    f(16, "status", { message: "Running Product agent...", stage: "product" }),
    f(17, "result", { agent: "product", data: { vision: "W" } }),
    f(18, "complete", {
      summary: "# Brief 2",
      brief: { title: "Recipes", resultSeqs: { product: 17, customer: 10 } },
      version: 2,
    }),
  ], live(initialState()));
  assert.deepEqual(state.brief, { title: "Recipes", results: { product: { vision: "W" } } });
  assert.deepEqual(
    state.versions.map((v) => (v.brief as { results: unknown }).results),
    [{ product: { vision: "V" }, customer: { personas: [] } }, { product: { vision: "W" } }],
  );
  // A brief that already has its results (`?brief=full`, older frames) is kept as it is.
  const full = applyFrame(
    initialState(),
    f(1, "complete", { summary: "#", brief: { title: "T", results: { risk: 1 } } }),
  );
  assert.deepEqual(full.brief, { title: "T", results: { risk: 1 } });
});
