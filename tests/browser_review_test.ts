/**
 * The person corrects the agents, in real Chromium against the real server: a misread
 * field fixed in the review form shows in the brief; an earlier answer edited after the
 * brief gives version 2 with what changed and version 1 one click away; axe finds no
 * serious or critical violation on the review form.
 *
 * @module
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import AXE_SOURCE from "axe-core/axe.min.js" with { type: "text" };
import type {} from "../web/global.d.ts";
import { launchBrowser, noBrowser } from "./_browser.ts";
import { startTestServer } from "./_server.ts";

function browserTest(name: string, fn: () => Promise<void>) {
  Deno.test({ name, ignore: noBrowser, sanitizeOps: false, sanitizeResources: false, fn });
}

const BY_TOPIC: Record<string, string> = {
  idea: "A marketplace where neighbours lend each other tools, with deposits paid by card",
  users: "Homeowners and renters in cities",
  platforms: "iOS, Android and the web",
  features: "Listings, a booking calendar, card deposits and ratings",
  scale: "5,000 users in the first year",
  budget: "$80k",
  timeline: "3 months",
  compliance: "GDPR: we launch in Germany",
};

/** Serious and critical axe-core violations on the page, as `id: targets`. */
async function axe(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => "axe" in globalThis);
  if (!loaded) await page.evaluate(`${AXE_SOURCE}\n;0`);
  return await page.evaluate(async () => {
    // deno-lint-ignore no-explicit-any
    const result = await (globalThis as any).axe.run(document, { resultTypes: ["violations"] });
    return (result.violations as { id: string; impact: string; nodes: { target: unknown[] }[] }[])
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(" ")}`);
  });
}

/** The topic of the question waiting now, or "" when none. */
function topic(page: Page): Promise<string> {
  return page.evaluate(() =>
    String(document.querySelector("parley-conversation")?.client?.currentQuestion?.topic ?? "")
  );
}

/** Answers questions by topic until the review question (or the brief) is on screen. */
async function answerUntilReview(page: Page): Promise<void> {
  for (let given = 0; given < 30; given++) {
    await page.waitForFunction(
      () => {
        const root = document.querySelector("parley-conversation")?.shadowRoot;
        return root?.querySelector("[part=review]") || root?.querySelector(".brief:not(.draft)") ||
          root?.querySelector("textarea#answer:not([readonly])");
      },
      undefined,
      { timeout: 20_000 },
    );
    if (await page.locator("parley-conversation [part=review]").count()) return;
    if (await page.locator("parley-conversation .brief:not(.draft)").count()) {
      throw new Error("the brief came without a review question");
    }
    const box = page.locator("parley-conversation textarea#answer:not([readonly])");
    await box.fill(BY_TOPIC[await topic(page)] ?? "No preference");
    await box.press("Enter");
    await page.waitForFunction(
      (n) =>
        (document.querySelector("parley-conversation")?.shadowRoot?.querySelectorAll(".bubble.a")
          .length ?? 0) > n,
      given,
    );
  }
  throw new Error("no review question after 30 answers");
}

/** Waits until the element's focused node matches `re`; fails with what has focus. */
async function focusMoves(page: Page, re: RegExp, what: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if (re.test(await focused(page))) return;
    await page.waitForTimeout(50);
  }
  assert.match(await focused(page), re, what);
}

/** The element's focused node inside its shadow root. */
function focused(page: Page) {
  return page.evaluate(() => {
    const f = document.querySelector("parley-conversation")?.shadowRoot?.activeElement;
    return f ? `${f.tagName.toLowerCase()}#${f.id}.${f.className}` : "";
  });
}

browserTest(
  "review form: fix a misread field; Edit an answer after the brief: v2, what changed, v1",
  async () => {
    await using server = await startTestServer();
    await using b = await launchBrowser();
    const page = await b.newPage();
    await page.goto(`${server.url}/`);
    await answerUntilReview(page);
    const el = "parley-conversation";

    // The review form: prefilled with what was understood, labelled, with evidence.
    const timeline = page.locator(`${el} input#review-timeline`);
    const understood = await page.evaluate(() =>
      document.querySelector("parley-conversation")!.client!.getSnapshot().review
        ?.requirements as Record<string, unknown>
    );
    // The offline engine did not catch this timeline (the person's "3 months" came after
    // a question it read as the budget's): the misreading the form is for.
    assert.equal(await timeline.inputValue(), String(understood.timeline ?? ""));
    assert.notEqual(understood.timeline, "9 months");
    assert.equal(
      await page.getByLabel("Budget", { exact: true }).inputValue(),
      "$80k",
      "fields are prefilled and found by their label",
    );
    assert.match(await page.locator(`${el} input#review-users`).inputValue(), /homeowners/i);
    // Each field with evidence in the frame has its "Why?"; none without.
    const withEvidence = await page.evaluate(() => {
      const q = document.querySelector("parley-conversation")!.client!.currentQuestion as
        | { review?: { evidence?: Record<string, unknown> } }
        | null;
      const shown = new Set(["purpose", "users", "platforms", "later", "features", "scale"]);
      for (const f of ["budget", "timeline", "jurisdictions", "compliance", "excluded"]) {
        shown.add(f);
      }
      const keys = Object.keys(q?.review?.evidence ?? {}).map((k) => k.split(":")[0]!);
      return new Set(keys.filter((k) => shown.has(k))).size;
    });
    assert.ok(withEvidence >= 3, "the engine gave evidence for several fields");
    assert.equal(
      await page.locator(`${el} [part=review] [part=why]`).count(),
      await page.evaluate((n) => n, withEvidence),
    );
    assert.deepEqual(await axe(page), [], "axe on the review form");
    const shots = Deno.env.get("PARLEY_SHOTS");
    if (shots) {
      await page.locator(`${el} [part=review]`).screenshot({ path: `${shots}/review-form.png` });
    }

    // "Save changes" with nothing changed says so and sends nothing.
    await page.locator(`${el} [part=review-save]`).click();
    await page.locator(`${el} [part=review] [role=alert]:not([hidden])`).waitFor();

    // Fix the misread field by keyboard and save only it.
    await timeline.fill("9 months");
    await timeline.press("Enter");
    await page.locator(`${el} .brief:not(.draft)`).waitFor({ timeout: 30_000 });
    const sent = await page.evaluate(() =>
      document.querySelector("parley-conversation")!.client!.getSnapshot().transcript
        .find((e) => e.id.startsWith("review"))?.answer ?? ""
    );
    assert.match(sent, /timeline/i, `the review answer names the changed field: ${sent}`);
    assert.doesNotMatch(sent, /budget|users/i, "only the changed field is sent");
    const briefText = await page.locator(`${el} [part=brief]`).innerText();
    assert.match(briefText, /9 months/, "the fixed timeline is in the brief");
    assert.equal(await page.locator(`${el} [part=changes]`).count(), 0, "version 1: no changes");

    // Edit the budget answer after the brief: keyboard only, labelled, Escape cancels.
    const budgetId = await page.evaluate(() =>
      document.querySelector("parley-conversation")!.client!.getSnapshot().transcript
        .find((e) => e.answer === "$80k")!.id
    );
    const editBudget = page.locator(`${el} button[data-edit="${budgetId}"]`);
    assert.match(String(await editBudget.getAttribute("aria-label")), /^Edit your answer to: /);
    await editBudget.focus();
    await page.keyboard.press("Enter");
    await focusMoves(page, /^textarea#edit-/, "focus moves into the edit box");
    await page.keyboard.press("Escape");
    await focusMoves(page, /^button.*edit-button/, "Escape returns to Edit");
    await page.keyboard.press("Enter");
    const editBox = page.locator(`${el} textarea.edit-input`);
    assert.equal(
      await editBox.inputValue(),
      "$80k",
      "the edit box holds the answer",
    );
    await editBox.fill("$250k");
    await page.locator(`${el} [part=edit-save]`).click();

    // Version 2: acknowledged, announced, what changed, version 1 one click away.
    await page.locator(`${el} [part=changes]`).waitFor({ timeout: 30_000 });
    await page.waitForFunction(() =>
      document.querySelector("parley-conversation")?.shadowRoot
        ?.querySelector("[part=announcer]")?.textContent === "Brief updated to version 2"
    );
    const changes = await page.locator(`${el} [part=changes]`).innerText();
    assert.match(changes, /Version 2 — What changed/);
    assert.match(changes, /Budget: \$80k → \$250k/, changes);
    assert.match(await page.locator(`${el} [part=version]`).innerText(), /Version 2/);
    // The new summary may reach the screen a frame after the "what changed" list.
    await page.waitForFunction(
      () =>
        (document.querySelector("parley-conversation")?.shadowRoot?.querySelector("[part=brief]")
          ?.textContent ?? "").includes("$250k"),
      undefined,
      { timeout: 10_000 },
    );
    const show = page.locator(`${el} [part=previous-button]`);
    assert.equal(await show.innerText(), "Show version 1");
    assert.equal(await show.getAttribute("aria-expanded"), "false");
    await show.click();
    const previous = page.locator(`${el} [part=previous]`);
    await previous.waitFor();
    assert.match(await previous.innerText(), /Version 1 \(previous\)/);
    assert.match(await previous.innerText(), /\$80k/, "version 1 has the old budget");
    assert.doesNotMatch(await previous.innerText(), /\$250k/);
    assert.equal(await show.getAttribute("aria-expanded"), "true");
    assert.deepEqual(await axe(page), [], "axe on version 2 with version 1 open");
    if (shots) {
      await page.locator(`${el} [part=changes]`).screenshot({ path: `${shots}/brief-v2.png` });
    }
    assert.deepEqual(b.pageErrors, []);
  },
);
