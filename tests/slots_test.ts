/**
 * Session slots over real sockets: a connect-and-close flood far past `maxSessions` holds no
 * slot (offline sessions abandoned before any answer leave memory), so neither a new person
 * nor the owner of a finished conversation is refused; the cap names its setting.
 */
import assert from "node:assert/strict";
import { AnsweringClient, FrameSocket } from "./_seed_client.ts";
import { startTestServer } from "./_server.ts";

Deno.test("A connect-and-close flood past PARLEY_MAX_SESSIONS locks out neither a new session nor a finished one's owner", async () => {
  await using server = await startTestServer({ maxSessions: 10 });
  // The owner finishes a conversation first.
  const owner = new AnsweringClient();
  {
    await using sock = new FrameSocket(server.wsUrl("owner"));
    assert.equal(await owner.run(sock), "complete");
  }
  // 300 connections, 30 times the cap, each opening a session and leaving at once.
  for (let round = 0; round < 30; round++) {
    await Promise.all(Array.from({ length: 10 }, async (_, i) => {
      await using sock = new FrameSocket(server.wsUrl(`flood-${round}-${i}`));
      const first = await sock.next();
      assert.equal(first.type, "session", `flood ${round}/${i} was refused: ${first.data.message}`);
    }));
  }
  // Every flood session is gone from memory once its close is seen.
  for (let i = 0; i < 100 && server.parley.registry.running > 0; i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.equal(server.parley.registry.running, 0);
  // A new person gets a session and finishes it.
  await using fresh = new FrameSocket(server.wsUrl("fresh"));
  assert.equal(await new AnsweringClient().run(fresh), "complete");
  // The owner gets the finished conversation back.
  await using back = new FrameSocket(`${server.wsUrl("owner")}?resume=1`);
  await back.opened;
  back.send({ type: "resume", token: owner.token, lastSeq: 0 });
  const frames = [];
  for (;;) {
    const f = await back.next();
    frames.push(f);
    if (f.type === "session" && f.data.resumed) break;
  }
  assert.ok(frames.some((f) => f.type === "complete"), "the finished conversation replays");
});

Deno.test("Past PARLEY_MAX_SESSIONS running sessions a new one is refused with server_busy naming the setting", async () => {
  await using server = await startTestServer({ maxSessions: 2 });
  await using a = new FrameSocket(server.wsUrl("a"));
  await using b = new FrameSocket(server.wsUrl("b"));
  await a.until("question");
  await b.until("question");
  await using c = new FrameSocket(server.wsUrl("c"));
  const err = await c.next();
  assert.equal(err.data.code, "server_busy");
  assert.match(String(err.data.message), /PARLEY_MAX_SESSIONS/);
  assert.equal((await c.closed).code, 1013);
});
