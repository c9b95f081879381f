/**
 * RecordingEngine: recorded calls come from the cache, keyed by clarify round, analysis
 * attempt and overview; and a session recovered after a restart does not pay again for
 * the calls it already made.
 */
import type { Session } from "./session.ts";
import assert from "node:assert/strict";
import { drive, emptyRequirements, sampleAnalyses, ScriptedEngine } from "../agents/testing.ts";
import type { AnalysisTask, Engine, FrameBody } from "../agents/types.ts";
import { RecordingEngine } from "./recording_engine.ts";
import {
  answerUntilComplete,
  RecordingConnection,
  testRegistry,
  twoRoundEngine,
} from "./_testing.ts";
import { MemoryStore } from "./store.ts";
import { SqliteStore } from "./sqlite_store.ts";

const opts = { signal: new AbortController().signal };
const qa = (id: string) => ({ id, question: `Q ${id}`, answer: `A ${id}` });
const task = (agent: string, previousError?: string): AnalysisTask =>
  ({
    agent,
    title: agent,
    schema: undefined as never,
    requirements: emptyRequirements("idea"),
    transcript: [],
    results: {},
    ...(previousError === undefined ? {} : { previousError }),
  }) as AnalysisTask;

/** `method:round` / `method:agent` for each call the scripted engine saw. */
const callNames = (engine: ScriptedEngine) =>
  engine.calls.map((c) => {
    const input = c.input as { round?: number; agent?: string } | null;
    return [c.method, input?.round ?? input?.agent].filter((x) => x !== undefined).join(":");
  });

Deno.test("RecordingEngine returns a recorded call from the cache without calling the engine again", async () => {
  const inner = new ScriptedEngine({ analyses: sampleAnalyses, overview: "The overview." });
  const cache = new Map<string, string>();
  const engine = new RecordingEngine(inner, {
    get: (k) => cache.get(k),
    put: (k, v) => void cache.set(k, v),
  });
  const run = <T>(gen: AsyncGenerator<FrameBody, T, unknown>) =>
    drive(gen as AsyncGenerator<FrameBody, T, string | undefined>).then((r) => r.value);
  const input1 = { transcript: [], round: 1, maxRounds: 3, maxQuestionsPerRound: 3 };
  const input2 = { ...input1, transcript: [qa("clarifier-r1-q1")], round: 2 };

  const first = {
    clarify1: await run(engine.clarify(input1, opts)),
    clarify2: await run(engine.clarify(input2, opts)),
    product1: await run(engine.analyse(task("product"), opts)),
    product2: await run(engine.analyse(task("product", "Missing field"), opts)),
    risk1: await run(engine.analyse(task("risk"), opts)),
    overview: await run(engine.overview({ requirements: emptyRequirements(), results: {} }, opts)),
  };
  assert.deepEqual(callNames(inner), [
    "clarify:1",
    "clarify:2",
    "analyse:product",
    "analyse:product",
    "analyse:risk",
    "overview",
  ]);
  // Each call has a key of its own: rounds, attempts and agents do not overwrite each other.
  // Keys end with the fingerprint of the call's whole input.
  assert.ok([...cache.keys()].every((k) => /:[0-9a-f]{32}$/.test(k)));
  assert.deepEqual([...cache.keys()].map((k) => k.replace(/:[0-9a-f]{32}$/, "")), [
    "clarify:1:0",
    "clarify:2:1",
    "analyse:product:1",
    "analyse:product:2",
    "analyse:risk:1",
    "overview",
  ]);
  assert.equal(first.overview, "The overview.");
  assert.deepEqual(first.product1, sampleAnalyses.product);

  const again = {
    clarify1: await run(engine.clarify(input1, opts)),
    clarify2: await run(engine.clarify(input2, opts)),
    product1: await run(engine.analyse(task("product"), opts)),
    product2: await run(engine.analyse(task("product", "Missing field"), opts)),
    risk1: await run(engine.analyse(task("risk"), opts)),
    overview: await run(engine.overview({ requirements: emptyRequirements(), results: {} }, opts)),
  };
  assert.equal(inner.calls.length, 6, "no call reached the engine a second time");
  assert.deepEqual(again, first);

  // A call not recorded yet still goes to the engine.
  await run(engine.analyse(task("customer"), opts));
  assert.equal(callNames(inner).at(-1), "analyse:customer");
});

/** A scripted engine that says it is not deterministic, like a model. */
function modelLike(): ScriptedEngine {
  const engine = twoRoundEngine();
  Object.defineProperty(engine, "deterministic", { value: false });
  return engine;
}

/**
 * Runs a conversation to the second question on one registry, shuts it down, resumes the
 * session on a new registry over the same store and finishes it. Returns the calls the
 * engine saw after the restart, and every frame the client saw.
 */
async function restartMidConversation(
  engine: Engine & ScriptedEngine,
  store: MemoryStore | SqliteStore,
) {
  const before = testRegistry({ store, engine });
  const first = new RecordingConnection();
  const session = before.create("rec", first);
  await first.until("question");
  session.handle({ type: "answer", questionId: "clarifier-r1-q1", answer: "A dog-walking app" });
  await first.until("question");
  await before.shutdown();
  const callsBefore = engine.calls.length;

  const after = testRegistry({ store, engine });
  const second = new RecordingConnection();
  const token = String(first.frames[0]!.data.token);
  const resumed = await after.resume(
    token,
    Number(first.frames.at(-1)!.seq),
    "rec",
    second,
  ) as Session;
  await answerUntilComplete(second, resumed);
  await after.shutdown();
  return {
    calls: callNames(engine).slice(callsBefore),
    frames: [...first.frames, ...second.frames],
  };
}

for (
  const [name, makeStore] of [
    ["MemoryStore", () => new MemoryStore()],
    ["SqliteStore", () => new SqliteStore(":memory:")],
  ] as const
) {
  Deno.test(`SessionRegistry.resume after a restart replays recorded calls of a non-deterministic engine (${name})`, async () => {
    const store = makeStore();
    try {
      const { calls, frames } = await restartMidConversation(modelLike(), store);
      // Rounds 1 and 2 were planned before the restart: only what is new is called.
      assert.deepEqual(calls, [
        "clarify:3",
        "analyse:product",
        "analyse:customer",
        "analyse:engineer",
        "analyse:risk",
        "overview",
      ]);
      const seqs = frames.map((f) => f.seq);
      assert.deepEqual(seqs, seqs.map((_, i) => i + 1), "gapless, no duplicate");
      assert.deepEqual(
        frames.filter((f) => f.type === "question").map((f) => f.data.id),
        ["clarifier-r1-q1", "clarifier-r2-q1"],
      );
      assert.deepEqual(
        frames.filter((f) => f.type === "answered").map((f) => f.data.questionId),
        ["clarifier-r1-q1", "clarifier-r2-q1"],
      );
      assert.equal(frames.at(-1)?.type, "complete");
    } finally {
      store.close();
    }
  });
}

Deno.test("SessionRegistry.resume after a restart runs a deterministic engine again instead", async () => {
  const store = new MemoryStore();
  const { calls } = await restartMidConversation(twoRoundEngine(), store);
  assert.deepEqual(calls.slice(0, 3), ["clarify:1", "clarify:2", "clarify:3"]);
});
