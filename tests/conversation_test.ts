/** Whole conversations over a real WebSocket: content, failures and connection rules. */
import assert from "node:assert/strict";
import { sampleAnalyses, ScriptedEngine } from "../agents/testing.ts";
import { FrameSocket, seedConversation } from "./_seed_client.ts";
import { startTestServer } from "./_server.ts";

/** Polls a condition that no event announces (the server's view of a socket close). */
async function eventually(cond: () => boolean, what: string) {
  for (let i = 0; i < 200; i++) {
    if (cond()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

const KIDS = [
  "A reading app for children aged 6 to 10 in the US where they read stories and earn badges, with in-app purchases for new books",
  "Kids and their parents; teachers later",
  "iPad and Android tablets",
  "Read-aloud stories, progress tracking for parents, badges",
  "10,000 families",
  "$60k, 5 months",
];
const FLEET = [
  "An enterprise dashboard for managing fleets of IoT sensors in warehouses, with alerts and reports for operations managers",
  "Operations managers and technicians at large logistics companies; IT admins set it up",
  "Web app",
  "Live sensor map, alerting, reports, SSO with Okta",
  "50,000 devices sending readings every 10 seconds",
  "9 months, budget €300k",
];

function briefText(frames: { type: string; data: Record<string, unknown> }[]) {
  const complete = frames.find((f) => f.type === "complete");
  assert.ok(complete, "conversation completed");
  return String(complete.data.summary);
}

Deno.test("two different ideas give different briefs that name their own domain risks", async () => {
  await using server = await startTestServer();
  const [kids, fleet] = await Promise.all([
    seedConversation(server.wsUrl("kids"), KIDS),
    seedConversation(server.wsUrl("fleet"), FLEET),
  ]);
  const a = briefText(kids);
  const b = briefText(fleet);
  assert.notEqual(a, b);
  assert.match(a, /COPPA/);
  assert.match(a, /parental consent/i);
  assert.doesNotMatch(a, /SOC 2/);
  assert.match(b, /SSO/);
  assert.match(b, /SOC 2/);
  assert.match(b, /offline buffering|buffer/i);
  assert.doesNotMatch(b, /COPPA/);
  // The engine's own words are never escaped as if the person had typed them.
  for (const md of [a, b]) assert.doesNotMatch(md, /\\\*\\\*/, "no escaped bold markers");
  const riskOf = (frames: typeof kids) =>
    frames.find((f) => f.type === "result" && f.data.agent === "risk")?.data.data as {
      risks: { title: string }[];
    };
  assert.notDeepEqual(
    riskOf(kids).risks.map((r) => r.title),
    riskOf(fleet).risks.map((r) => r.title),
  );
});

Deno.test("an exception inside an agent becomes a safe error frame with a logged detail", async () => {
  const engine = new ScriptedEngine({
    analyses: {
      ...sampleAnalyses,
      engineer: () => {
        throw new Error("connection string postgres://admin:hunter2@db");
      },
    },
  });
  await using server = await startTestServer({}, { engine });
  const frames = await seedConversation(server.wsUrl("boom"), ["idea"]);
  const err = frames.find((f) => f.type === "error");
  assert.ok(err);
  assert.equal(err.data.agent, "engineer");
  assert.doesNotMatch(String(err.data.message), /hunter2/);
  assert.match(
    String(err.data.message),
    /The Engineer agent failed \(ref [0-9a-f]{8}\); the others go on/,
  );
  const logged = server.logs.find((l) => l.msg === "agent failed");
  assert.equal(logged?.ref, err.data.ref);
  assert.match(String(logged?.detail), /hunter2/);
  assert.deepEqual(
    frames.filter((f) => f.type === "result").map((f) => f.data.agent),
    ["clarifier", "product", "customer", "risk"],
  );
  assert.equal(frames.at(-1)?.type, "complete");
});

Deno.test("a binary frame gets an error frame and the conversation goes on", async () => {
  await using server = await startTestServer();
  await using sock = new FrameSocket(server.wsUrl("binary"));
  await sock.until("question");
  sock.ws.send(new Uint8Array([1, 2, 3]));
  const err = await sock.next();
  assert.equal(err.type, "error");
  assert.equal(err.data.code, "binary_frame");
  sock.send({ answer: KIDS[0] });
  assert.equal((await sock.until("question")).type, "question");
});

Deno.test("a second connection with the same client id gets a session of its own", async () => {
  await using server = await startTestServer();
  await using first = new FrameSocket(server.wsUrl("same"));
  const s1 = await first.until("session");
  await first.until("question");
  await using second = new FrameSocket(server.wsUrl("same"));
  const s2 = await second.until("session");
  assert.notEqual(s2.data.sessionId, s1.data.sessionId);
  assert.equal(s2.seq, 1);
  await second.until("question");
  first.send({ answer: KIDS[0] });
  const next = await first.until("question");
  assert.equal(next.data.id, "clarifier-r2-q1");
  assert.equal(second.frames.filter((f) => f.type === "answered").length, 0);
  assert.equal(server.parley.sessionCount, 2);
});

Deno.test("closing the socket does not end the conversation: it waits for a resume", async () => {
  await using server = await startTestServer();
  const first = new FrameSocket(server.wsUrl("again"));
  const session = await first.until("session");
  await first.until("question");
  await first.close();
  const live = server.parley.registry;
  await eventually(() => server.logs.some((l) => l.msg === "disconnected"), "the close");
  // Offline and not answered yet: it leaves memory (no slot held) but stays resumable.
  assert.equal(live.size, 0);
  await using again = new FrameSocket(server.wsUrl("again") + "?resume=1");
  await again.opened;
  again.send({ type: "resume", token: session.data.token, lastSeq: 3 });
  const resumed = await again.until("session");
  assert.equal(resumed.data.resumed, true);
  assert.equal(resumed.data.pending, "clarifier-r1-q1");
  assert.equal(live.size, 1);
});

Deno.test("connections past the session limit are refused with server_busy", async () => {
  await using server = await startTestServer({ maxSessions: 1 });
  await using a = new FrameSocket(server.wsUrl("a"));
  await a.until("question");
  await using b = new FrameSocket(server.wsUrl("b"));
  const err = await b.next();
  assert.equal(err.data.code, "server_busy");
  assert.match(String(err.data.message), /limit of 1 running sessions \(PARLEY_MAX_SESSIONS\)/);
  assert.equal((await b.closed).code, 1013);
});

Deno.test("shutdown closes live sockets with 1001", async () => {
  const server = await startTestServer();
  const sock = new FrameSocket(server.wsUrl("bye"));
  await sock.until("question");
  await server[Symbol.asyncDispose]();
  assert.equal((await sock.closed).code, 1001);
});
