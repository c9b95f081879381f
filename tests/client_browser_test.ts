/**
 * `ConversationClient` in real Chromium against the real server: the browser's own
 * `offline` and `online` events (Playwright's network emulation) drive the client's
 * `offline` state, an answer typed while offline waits as `queued`, and coming back
 * online resumes the conversation and sends it. Skipped like the other browser tests when
 * Chromium is missing, except under `CI=true`.
 */
import assert from "node:assert/strict";
import { startTestServer } from "./_server.ts";
import { launchBrowser, noBrowser } from "./_browser.ts";

Deno.test({
  name: "client in Chromium: offline stops retrying, an answer waits queued, online resumes",
  ignore: noBrowser,
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    await using server = await startTestServer();
    await using browser = await launchBrowser();
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.evaluate(async (url) => {
      const { ConversationClient } = await import("/web/client.js");
      const client = new ConversationClient({ server: url, clientId: "offline-test" });
      const w = globalThis as unknown as Record<string, unknown>;
      const states: string[] = [];
      w.states = states;
      w.client = client;
      client.addEventListener("connection", (e: CustomEvent) => states.push(e.detail.state));
      client.connect();
    }, server.url);
    const snapshot = () =>
      page.evaluate(() => {
        const c = (globalThis as unknown as { client: { getSnapshot(): unknown } }).client;
        return JSON.parse(JSON.stringify(c.getSnapshot()));
      });
    await page.waitForFunction(() =>
      (globalThis as unknown as { client: { currentQuestion: unknown } }).client.currentQuestion
    );
    await page.context().setOffline(true);
    await page.waitForFunction(() =>
      (globalThis as unknown as { client: { state: string } }).client.state === "offline"
    );
    await page.evaluate(() => {
      const c = (globalThis as unknown as { client: { sendAnswer(a: string): boolean } }).client;
      c.sendAnswer("A tool library for neighbours");
    });
    const away = await snapshot();
    assert.equal(away.state, "offline");
    assert.equal(away.retryAt, null, "no attempt is scheduled while offline");
    assert.deepEqual(away.pending, [{
      questionId: "clarifier-r1-q1",
      answer: "A tool library for neighbours",
      state: "queued",
    }]);
    await page.context().setOffline(false);
    await page.waitForFunction(() => {
      const c = (globalThis as unknown as {
        client: { currentQuestion: { id: string } | null; pending: unknown[] };
      }).client;
      return !!c.currentQuestion && c.currentQuestion.id !== "clarifier-r1-q1" &&
        c.pending.length === 0;
    });
    const back = await snapshot();
    assert.equal(back.state, "live");
    assert.equal(back.idea, "A tool library for neighbours");
    assert.equal(back.sessionLost, false);
    const states = await page.evaluate(() =>
      (globalThis as unknown as { states: string[] }).states
    );
    assert.deepEqual(states, ["connecting", "live", "offline", "connecting", "live"]);
    const seqs = back.messages.map((f: { seq?: number }) => f.seq);
    assert.deepEqual(seqs, seqs.map((_: unknown, i: number) => i + 1), "gapless after resume");
  },
});
