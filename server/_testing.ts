/**
 * Test helpers for the server's own tests: a {@link Connection} that records what it is
 * sent and lets a test await frames, and a registry with small test-friendly limits.
 *
 * @module
 */
import { expandBrief } from "../protocol/brief_wire.js";
import { sampleAnalyses, ScriptedEngine } from "../agents/testing.ts";
import { FrameQueue, type SeedFrame } from "../tests/_seed_client.ts";
import { createLogger } from "./log.ts";
import type { Connection, Session } from "./session.ts";
import { type RegistryOptions, SessionRegistry } from "./sessions.ts";
import { MemoryStore } from "./store.ts";

/** A connection that keeps every text it is sent, parsed, in a {@link FrameQueue}. */
export class RecordingConnection extends FrameQueue implements Connection {
  sentSeq = 0;
  /** Set to be sent `complete` frames with the whole brief (as `?brief=full`). */
  fullBrief = false;
  readonly texts: string[] = [];
  send(text: string): void {
    this.texts.push(text);
    this.push(JSON.parse(text));
  }
  /** The frame types received so far, in order. */
  get types(): string[] {
    return this.frames.map((f) => f.type);
  }
}

/** Two rounds of one question each, then the analysts and the overview. */
export function twoRoundEngine(): ScriptedEngine {
  return new ScriptedEngine({
    rounds: [
      [{ topic: "idea", question: "What is your idea?" }],
      [{ topic: "users", question: "Who will use it?" }],
    ],
    analyses: sampleAnalyses,
  });
}

/** A registry on a memory store with small limits; `overrides` win. */
export function testRegistry(overrides: Partial<RegistryOptions> = {}): SessionRegistry {
  return new SessionRegistry({
    store: new MemoryStore(),
    engine: twoRoundEngine(),
    log: createLogger("silent"),
    maxSessions: 10,
    maxFrames: 1_000,
    maxPendingWrites: 1_000,
    graceMs: 60_000,
    ttlMs: 3_600_000,
    maxRounds: 3,
    maxQuestionsPerRound: 3,
    ...overrides,
  });
}

/** The token in the `session` frame that opened the conversation on `conn`. */
export function tokenOf(conn: RecordingConnection): string {
  const token = conn.frames.find((f) => f.type === "session" && f.data.token)?.data.token;
  if (typeof token !== "string") throw new Error("No session frame with a token was sent");
  return token;
}

/** Answers every question `conn` sees (by id, `answer: id`) until `complete`. */
export async function answerUntilComplete(
  conn: RecordingConnection,
  session: Session,
): Promise<SeedFrame> {
  for (;;) {
    const f = await conn.next();
    const pending = f.type === "question"
      ? String(f.data.id)
      : f.type === "session" && f.data.pending
      ? String(f.data.pending)
      : undefined;
    if (pending) session.handle({ type: "answer", questionId: pending, answer: `A ${pending}` });
    if (f.type === "complete") return f;
  }
}

/**
 * The whole brief of the `complete` frame `complete` (its `data.brief`), its results put
 * back from the `result` frames among `frames` by the seqs the brief names, as
 * `GET /sessions/{id}` and the browser client rebuild it.
 */
export function wholeBriefOf(frames: readonly SeedFrame[], complete: SeedFrame): unknown {
  const bySeq = new Map(frames.filter((f) => f.type === "result").map((f) => [f.seq, f]));
  return expandBrief(complete.data.brief, (seq) => bySeq.get(seq)?.data.data);
}
