/**
 * `<parley-conversation>` in real Chromium, driven by playwright-core: whole
 * conversations against the real server, reconnects, embedding from another origin,
 * untrusted text, keyboard-only use, and speed. Skipped (with a printed line) when
 * Chromium is missing, except under `CI=true`.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { startTestServer } from "./_server.ts";
import {
  frameLatencies,
  launchBrowser,
  MEASURE_FRAMES,
  noBrowser,
  SAMPLE_QUESTIONS,
  SAMPLE_RESULTS,
  sampleConversation,
  type ScriptedSocket,
  startOtherOrigin,
  startScriptedServer,
  startSessionServer,
  stats,
} from "./_browser.ts";

const ANSWERS = [
  "A marketplace where neighbours lend each other tools, with deposits paid by card",
  "Homeowners and renters in cities; later small repair shops",
  "iOS, Android and the web",
  "Listings, a booking calendar, card deposits, ratings and chat",
  "5,000 users in the first year",
  "$80k and 6 months",
];

const browserTest = (name: string, fn: () => Promise<void>) =>
  Deno.test({ name, ignore: noBrowser, sanitizeOps: false, sanitizeResources: false, fn });

/** Figures printed for the record (the issue asks to see them). */
function report(label: string, value: unknown) {
  // deno-lint-ignore no-console
  console.log(`    ${label}: ${typeof value === "string" ? value : JSON.stringify(value)}`);
}

/** What the page shows, read through the shadow root. */
function view(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector("parley-conversation")?.shadowRoot;
    const texts = (sel: string) =>
      Array.from(root?.querySelectorAll(sel) ?? [], (e) => e.textContent?.trim() ?? "");
    return {
      connection: texts("[part~=connection]")[0] ?? "",
      answers: texts(".bubble.a").map((t) => t.replace(/^Your answer: /, "")),
      stages: Array.from(root?.querySelectorAll(".stage") ?? [], (e) => e.className),
      cards: Array.from(root?.querySelectorAll(".card") ?? [], (e) => e.getAttribute("part")),
      summary: root?.querySelector(".markdown")?.textContent ?? null,
      imgs: root?.querySelectorAll("img").length ?? 0,
      scripts: root?.querySelectorAll("script").length ?? 0,
    };
  });
}

/**
 * Answers every question by typing into the textarea and pressing Enter, until the brief
 * is on screen. Returns how many answers it gave.
 */
async function answerUntilComplete(page: Page, answers: readonly string[], from = 0) {
  let given = 0;
  const before = await page.locator("parley-conversation .bubble.a").count();
  for (;;) {
    const next = await page.waitForFunction(
      () => {
        const root = document.querySelector("parley-conversation")?.shadowRoot;
        if (root?.querySelector(".summary")) return "done";
        return root?.querySelector("textarea:not([readonly])") ? "question" : false;
      },
      undefined,
      { timeout: 15_000 },
    );
    if ((await next.jsonValue()) === "done") return given;
    const box = page.locator("parley-conversation textarea");
    await box.fill(answers[from + given] ?? "No preference");
    await box.press("Enter");
    given++;
    // The answer is in the transcript before the next question can come.
    await page.waitForFunction(
      (n) =>
        (document.querySelector("parley-conversation")?.shadowRoot?.querySelectorAll(".bubble.a")
          .length ?? 0) >= n,
      before + given,
    );
  }
}

/** Answers for the demo conversation by question topic, so the screenshot reads well. */
const BY_TOPIC: Record<string, string> = {
  idea: "A marketplace where neighbours lend each other tools, with deposits paid by card",
  users: "Homeowners and renters in cities; later small repair shops",
  platforms: "iOS, Android and the web",
  features: "Listings, a booking calendar, card deposits, ratings and chat",
  scale: "5,000 users in the first year",
  budget: "$80k",
  timeline: "6 months",
  compliance: "GDPR: we launch in Germany",
  payments: "Card deposits through Stripe; we never store card numbers",
  location: "Only the neighbourhood, never a precise address until a loan is agreed",
  marketplace: "Both sides are neighbours; ratings after every loan",
  ugc: "Listings have photos and descriptions; we review reports within a day",
};

/**
 * Answers every question with the answer for its topic (the question's `topic`, read from
 * the element's client), until the brief is on screen. Returns the answers typed.
 */
async function answerByTopic(page: Page): Promise<string[]> {
  const typed: string[] = [];
  for (;;) {
    const next = await page.waitForFunction(
      () => {
        const el = document.querySelector("parley-conversation");
        const root = el?.shadowRoot;
        if (root?.querySelector(".summary")) return { done: true, topic: "" };
        if (!root?.querySelector("textarea:not([readonly])")) return false;
        // deno-lint-ignore no-explicit-any
        const q = (el as any)?.client?.currentQuestion;
        return q ? { done: false, topic: String(q.topic ?? "") } : false;
      },
      undefined,
      { timeout: 15_000 },
    );
    const { done, topic } = await next.jsonValue() as { done: boolean; topic: string };
    if (done) return typed;
    const answer = BY_TOPIC[topic] ?? "No preference";
    await answerOne(page, answer);
    typed.push(answer);
    await page.waitForFunction(
      (n) =>
        (document.querySelector("parley-conversation")?.shadowRoot?.querySelectorAll(".bubble.a")
          .length ?? 0) >= n,
      typed.length,
    );
  }
}

/** Types one answer into the answer box and sends it with Enter. */
async function answerOne(page: Page, answer: string) {
  const box = page.locator("parley-conversation textarea:not([readonly])");
  await box.fill(answer);
  await box.press("Enter");
}

/** Waits until `question` is the question on screen. */
async function waitForQuestion(page: Page, question: string) {
  await page.waitForFunction(
    (q) =>
      document.querySelector("parley-conversation")?.shadowRoot?.querySelector(".qtext")
        ?.textContent === q,
    question,
    { timeout: 10_000 },
  );
}

/** The seq of every frame the page's client applied, in order. */
function appliedSeqs(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    // deno-lint-ignore no-explicit-any
    (document.querySelector("parley-conversation") as any).client.messages.map((
      f: { seq: number },
    ) => f.seq)
  );
}

function assertGapless(seqs: number[]) {
  assert.deepEqual(seqs, seqs.map((_, i) => i + 1), `seq applied without gaps or repeats`);
}

/** Resolves with the detail of the next `type` event on the element, from inside the page. */
function recordEvents(page: Page, types: readonly string[]) {
  return page.evaluate((types) => {
    // deno-lint-ignore no-explicit-any
    const log: { type: string; detail: any }[] = ((globalThis as any).__events = []);
    for (const type of types) {
      document.addEventListener(type, (e) => log.push({ type, detail: (e as CustomEvent).detail }));
    }
  }, types);
}

function recordedEvents(page: Page) {
  // deno-lint-ignore no-explicit-any
  return page.evaluate(() => (globalThis as any).__events as { type: string; detail: any }[]);
}

browserTest("demo page: a whole conversation typed into <parley-conversation>", async () => {
  await using server = await startTestServer();
  await using b = await launchBrowser();
  const page = await b.newPage();
  await page.addInitScript(MEASURE_FRAMES);
  await page.addInitScript(() => {
    document.addEventListener("parley-question", () => performance.mark("first-question"), {
      once: true,
    });
  });
  await page.goto(`${server.url}/`);
  await recordEvents(page, ["parley-question", "parley-result", "parley-complete"]);
  const typed = await answerByTopic(page);
  assert.ok(typed.length >= 3, `answered ${typed.length} questions`);

  const seen = await view(page);
  assert.deepEqual(seen.answers, typed);
  assert.equal(seen.connection, "Connected");
  assert.deepEqual(seen.stages, Array(6).fill("stage done"));
  assert.deepEqual(seen.cards, [
    "card card-clarifier",
    "card card-product",
    "card card-customer",
    "card card-engineer",
    "card card-risk",
  ]);
  assert.ok(seen.summary && seen.summary.length > 200);
  const events = await recordedEvents(page);
  assert.deepEqual(
    events.filter((e) => e.type === "parley-result").map((e) => e.detail.agent).filter((
      a,
      i,
      all,
    ) => all.indexOf(a) === i),
    ["clarifier", "product", "customer", "engineer", "risk"],
  );
  assert.equal(events.at(-1)?.type, "parley-complete");
  assert.match(events.at(-1)?.detail.summary, /^# /);
  const grid = await page.locator("parley-conversation [part=risk-grid] .chip").count();
  assert.ok(grid >= 1, "the risk grid shows the risks");

  // Speed: interactive within 1 s of navigation; frames on screen within 50 ms.
  const timing = await page.evaluate(() => ({
    ready: performance.getEntriesByName("parley:ready")[0]?.startTime ?? NaN,
    firstQuestion: performance.getEntriesByName("first-question")[0]?.startTime ?? NaN,
    dcl: performance.getEntriesByType("navigation")[0]
      ? (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming)
        .domContentLoadedEventEnd
      : NaN,
  }));
  const latency = stats(await frameLatencies(page));
  report("element interactive after navigation (ms)", Math.round(timing.ready));
  report("first question on screen after navigation (ms)", Math.round(timing.firstQuestion));
  report("frame arrival → on screen (ms)", latency);
  // Speed targets are figures, not assertions (docs/performance.md): a loaded CI machine must
  // not fail a correct page.
  assert.ok(latency.n > 20);
  assert.deepEqual(b.pageErrors, []);
  // The README screenshot is taken by tests/browser_element_test.ts.
});

browserTest(
  "reconnect: the server closes mid-conversation and the client resumes the same conversation",
  async () => {
    await using server = await startSessionServer((c) => sampleConversation(c));
    await using b = await launchBrowser();
    const page = await b.newPage();
    await page.goto(`${server.url}/`);
    await recordEvents(page, ["parley-connection", "parley-reset", "parley-session"]);
    const box = page.locator("parley-conversation textarea:not([readonly])");
    await box.waitFor();
    await box.fill(ANSWERS[0]!);
    await box.press("Enter");
    await page.locator("parley-conversation .bubble.a").waitFor();
    await waitForQuestion(page, SAMPLE_QUESTIONS[1].question);
    const seen = await appliedSeqs(page);
    const before = (await recordedEvents(page)).length;

    server.dropAll(); // every socket closed by the server (1012) mid-conversation
    await page.waitForFunction(() =>
      // deno-lint-ignore no-explicit-any
      ((globalThis as any).__events as { type: string; detail: any }[]).some((e) =>
        e.type === "parley-session" && e.detail.resumed
      )
    );
    assert.deepEqual(server.resumes.map((r) => r.lastSeq), [seen.at(-1)]);
    const given = await answerUntilComplete(page, ANSWERS, 1);
    assert.equal(given, 2, "only the questions not answered before the drop");
    const events = (await recordedEvents(page)).slice(before);
    const connection = events.filter((e) => e.type === "parley-connection").map((e) => e.detail);
    assert.deepEqual(connection.map((d) => d.state), ["reconnecting", "live"]);
    assert.ok(connection[0].delayMs > 0 && connection[0].delayMs <= 500, "backoff delay");
    assert.deepEqual(events.filter((e) => e.type === "parley-reset"), [], "not started over");
    assert.equal(server.sessions.length, 1);
    const view2 = await view(page);
    assert.deepEqual(view2.answers, ANSWERS.slice(0, 3));
    assert.ok(view2.summary);
    assertGapless(await appliedSeqs(page));
    const errors = b.pageErrors.filter((e) => !/WebSocket/.test(e));
    assert.deepEqual(errors, []);
  },
);

browserTest(
  "resume: reloading mid-conversation rebuilds it and it finishes, nothing lost or doubled",
  async () => {
    await using server = await startSessionServer((c) => sampleConversation(c));
    await using b = await launchBrowser();
    const page = await b.newPage();
    await page.goto(`${server.url}/`);
    await answerOne(page, ANSWERS[0]!);
    await waitForQuestion(page, SAMPLE_QUESTIONS[1].question);
    await answerOne(page, ANSWERS[1]!);
    await waitForQuestion(page, SAMPLE_QUESTIONS[2].question);
    const token = await page.evaluate(() =>
      localStorage.getItem(`parley.session.${localStorage.getItem("parley.clientId")}`)
    );
    assert.equal(JSON.parse(token ?? "{}").token, server.sessions[0]?.token);

    await page.reload();
    await waitForQuestion(page, SAMPLE_QUESTIONS[2].question);
    assert.deepEqual(server.resumes.map((r) => r.lastSeq), [0], "a reload replays everything");
    assert.deepEqual((await view(page)).answers, ANSWERS.slice(0, 2));
    await answerUntilComplete(page, ANSWERS, 2);

    const seen = await view(page);
    assert.deepEqual(seen.answers, ANSWERS.slice(0, 3), "each question once, each answer once");
    assert.ok(seen.summary);
    assert.equal(seen.cards.length, 5);
    const transcript = await page.evaluate(() =>
      // deno-lint-ignore no-explicit-any
      (document.querySelector("parley-conversation") as any).client.transcript.map((
        e: { id: string },
      ) => e.id)
    );
    assert.deepEqual(transcript, SAMPLE_QUESTIONS.map((q) => q.id));
    assertGapless(await appliedSeqs(page));
    assert.equal(server.sessions.length, 1);
    assert.deepEqual(b.pageErrors, []);
  },
);

browserTest(
  "resume on the real server: reload mid-interview, finish, each question once",
  async () => {
    await using server = await startTestServer();
    await using b = await launchBrowser();
    const page = await b.newPage();
    await page.goto(`${server.url}/`);
    await answerOne(page, ANSWERS[0]!);
    await page.waitForFunction(() =>
      // deno-lint-ignore no-explicit-any
      (document.querySelector("parley-conversation") as any)?.client.transcript.length === 2
    );
    await page.reload();
    await page.locator("parley-conversation textarea:not([readonly])").waitFor();
    assert.deepEqual((await view(page)).answers, ANSWERS.slice(0, 1));
    const given = await answerUntilComplete(page, ANSWERS, 1);
    const seen = await view(page);
    const expected = [...ANSWERS, ...Array(given + 1).fill("No preference")].slice(0, given + 1);
    assert.deepEqual(seen.answers, expected, "every answer once, none lost");
    assert.ok(seen.summary);
    const ids = await page.evaluate(() =>
      // deno-lint-ignore no-explicit-any
      (document.querySelector("parley-conversation") as any).client.transcript.map((
        e: { id: string },
      ) => e.id)
    );
    assert.deepEqual(ids, [...new Set(ids)], "no question twice");
    assertGapless(await appliedSeqs(page));
    assert.deepEqual(b.pageErrors, []);
  },
);

browserTest(
  "two tabs on one session: an answer typed in one clears the question in the other",
  async () => {
    const { promise: interviewed, resolve: finishInterview } = Promise.withResolvers<void>();
    await using server = await startSessionServer((c) =>
      sampleConversation(c, undefined, interviewed)
    );
    await using b = await launchBrowser();
    const tab1 = await b.newPage();
    await tab1.goto(`${server.url}/`);
    await waitForQuestion(tab1, SAMPLE_QUESTIONS[0].question);
    const tab2 = await b.newTab(tab1); // same context: same client id, same stored token
    await tab2.goto(`${server.url}/`);
    await waitForQuestion(tab2, SAMPLE_QUESTIONS[0].question);
    await recordEvents(tab2, ["parley-answered"]);

    await answerOne(tab1, ANSWERS[0]!);
    await waitForQuestion(tab2, SAMPLE_QUESTIONS[1].question);
    await answerOne(tab2, ANSWERS[1]!);
    await waitForQuestion(tab1, SAMPLE_QUESTIONS[2].question);
    await waitForQuestion(tab2, SAMPLE_QUESTIONS[2].question);
    await answerOne(tab1, ANSWERS[2]!);
    // The last question is gone from tab 2, which says where it was answered.
    await tab2.locator("parley-conversation [part=notice]", { hasText: "Answered in another tab" })
      .waitFor();
    assert.equal(await tab2.locator("parley-conversation .qtext").innerText(), "Your answer");
    assert.equal(await tab2.locator("parley-conversation textarea[readonly]").count(), 1);
    for (const tab of [tab1, tab2]) {
      // A tab in the background renders on a timer, not every frame: wait for it.
      await tab.waitForFunction(() =>
        document.querySelector("parley-conversation")?.shadowRoot?.querySelectorAll(".bubble.a")
          .length === 3
      );
      assert.deepEqual((await view(tab)).answers, ANSWERS.slice(0, 3));
    }
    const answered = (await recordedEvents(tab2)).map((
      e,
    ) => [e.detail.answer, e.detail.byThisClient]);
    assert.deepEqual(answered, [[ANSWERS[0], false], [ANSWERS[1], true], [ANSWERS[2], false]]);
    finishInterview();
    for (const tab of [tab1, tab2]) await tab.locator("parley-conversation .summary").waitFor();
    assert.equal(server.sessions.length, 1);
    assert.deepEqual(server.resumes.map((r) => r.lastSeq), [0]);
    assert.deepEqual(b.pageErrors, []);
  },
);

browserTest(
  "stop and start over: Stop shows the conversation stopped; Start over begins anew",
  async () => {
    await using server = await startSessionServer((c) => sampleConversation(c));
    await using b = await launchBrowser();
    const page = await b.newPage();
    await page.goto(`${server.url}/`);
    await answerOne(page, ANSWERS[0]!);
    await waitForQuestion(page, SAMPLE_QUESTIONS[1].question);
    await recordEvents(page, ["parley-cancelled", "parley-session", "parley-reset"]);
    const stop = page.getByRole("button", { name: "Stop the conversation" });
    const restart = page.getByRole("button", { name: "Start over with a new conversation" });
    assert.equal(await stop.isEnabled(), true);
    await stop.focus();
    await page.keyboard.press("Enter");
    // Stop asks first; the dialog's own Stop button confirms.
    const dialog = page.locator("parley-conversation dialog[open]");
    await dialog.waitFor();
    await dialog.locator("button.danger").click();
    await page.locator("parley-conversation [part=notice]", { hasText: "Stopped." }).waitFor();
    assert.equal(await stop.isDisabled(), true, "nothing left to stop");
    assert.equal(await page.locator("parley-conversation textarea").count(), 0);
    assert.match(await page.locator("parley-conversation .now").innerText(), /^Stopped/);
    assert.equal(server.sessions[0]?.cancelled, true);
    const json = page.getByRole("link", { name: "Open as JSON" });
    assert.equal(
      await json.getAttribute("href"),
      `${server.url}/sessions/${server.sessions[0]?.id}?token=${server.sessions[0]?.token}`,
    );

    await restart.focus();
    await page.keyboard.press("Enter");
    // There are answers, so Start over asks first too.
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /Start over\? Your answers/);
    await dialog.locator("button.danger").click();
    await waitForQuestion(page, SAMPLE_QUESTIONS[0].question);
    assert.deepEqual((await view(page)).answers, [], "a new, empty conversation");
    assert.equal(await page.locator("parley-conversation [part=notice]").count(), 0);
    const events = await recordedEvents(page);
    assert.deepEqual(events.map((e) => e.type), [
      "parley-cancelled",
      "parley-reset",
      "parley-session",
    ]);
    assert.deepEqual(events[0]?.detail, { message: "Stopped by the person" });
    assert.equal(events[2]?.detail.sessionId, server.sessions[1]?.id);
    assert.equal(events[2]?.detail.token, undefined);
    assert.equal(
      await json.getAttribute("href"),
      `${server.url}/sessions/${server.sessions[1]?.id}?token=${server.sessions[1]?.token}`,
    );
    assert.deepEqual(b.pageErrors, []);
  },
);

browserTest("embed: a page on another origin with no import map loads /parley.js", async () => {
  let html = "";
  await using site = await startOtherOrigin(() => html);
  await using stranger = await startOtherOrigin(() => html);
  await using server = await startTestServer({ corsOrigins: [site.url] });
  html = `<!doctype html>
    <html lang="en"><head><meta charset="utf-8"><title>Someone else's site</title>
    <link rel="icon" href="data:,"></head>
    <body><h1>A site that embeds Parley</h1>
    <script type="module" src="${server.url}/parley.js"></script>
    <parley-conversation server="${server.url.replace("http", "ws")}" auto-connect>
    </parley-conversation></body></html>`;
  await using b = await launchBrowser();

  const page = await b.newPage();
  await page.goto(`${site.url}/`);
  assert.equal(await page.locator("script[type=importmap]").count(), 0);
  const given = await answerUntilComplete(page, ANSWERS);
  assert.ok(given >= 3);
  const seen = await view(page);
  assert.equal(seen.cards.length, 5);
  assert.ok(seen.summary);
  assert.deepEqual(b.pageErrors, []);
  const clientId = await page.evaluate(() => localStorage.getItem("parley.clientId"));
  assert.match(clientId ?? "", /^web-[0-9a-f]{24}$/, "a generated client id is remembered");

  // An origin outside the allowlist gets no CORS headers: the module does not load.
  const refused = await b.newPage();
  const failed: string[] = [];
  refused.on("requestfailed", (r) => failed.push(new URL(r.url()).pathname));
  await refused.goto(`${stranger.url}/`, { waitUntil: "load" });
  assert.equal(await refused.evaluate(() => customElements.get("parley-conversation")), undefined);
  assert.deepEqual(failed, ["/parley.js"]);
});

const HOSTILE_SUMMARY = `# Brief <img src=x onerror="window.__pwned='summary-img'">

Raw HTML <script>window.__pwned='summary-script'</script> stays text.

- <b>not bold</b> and [a link](javascript:window.__pwned='link') and [ok](https://example.com)

| Risk | Note |
| --- | --- |
| <img src=y onerror="window.__pwned='table'"> | <iframe src="javascript:1"></iframe> |
`;

browserTest("untrusted text: answers and Markdown with raw HTML render as text", async () => {
  await using server = await startScriptedServer(
    (c) => sampleConversation(c, HOSTILE_SUMMARY),
    "*",
  );
  // A page without our CSP, so that markup, were it created, would run.
  await using site = await startOtherOrigin(`<!doctype html><html lang="en"><head>
    <meta charset="utf-8"><title>No CSP here</title><link rel="icon" href="data:,"></head><body>
    <script type="module" src="${server.url}/parley.js"></script>
    <parley-conversation server="${server.url}" client-id="hostile" auto-connect></parley-conversation>
    </body></html>`);
  await using b = await launchBrowser();
  const page = await b.newPage();
  await page.goto(`${site.url}/`);
  const hostile = `<img src=x onerror="window.__pwned='answer'">`;
  await answerUntilComplete(page, [hostile, "<script>window.__pwned=1</script>", "Web"]);
  const seen = await view(page);
  assert.equal(seen.answers[0], hostile);
  assert.equal(seen.imgs, 0);
  assert.equal(seen.scripts, 0);
  assert.match(
    seen.summary ?? "",
    /Raw HTML <script>window.__pwned='summary-script'<\/script> stays text/,
  );
  assert.match(seen.summary ?? "", /<b>not bold<\/b>/);
  const links = await page.evaluate(() =>
    Array.from(
      document.querySelector("parley-conversation")?.shadowRoot?.querySelectorAll(".markdown a") ??
        [],
      (a) => a.getAttribute("href"),
    )
  );
  assert.deepEqual(links, ["https://example.com/"]);
  assert.equal(await page.evaluate(() => Reflect.get(globalThis, "__pwned")), undefined);
  assert.equal(await page.locator("parley-conversation iframe").count(), 0);
});

browserTest(
  "keyboard only: Tab to the answer box, Enter sends, Shift+Enter adds a line",
  async () => {
    await using server = await startScriptedServer((c) => sampleConversation(c));
    await using b = await launchBrowser();
    const page = await b.newPage();
    await page.goto(`${server.url}/`);
    await page.locator("parley-conversation textarea:not([readonly])").waitFor();
    const focused = () =>
      page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return {
          tag: el?.tagName.toLowerCase() ?? "",
          text: el?.textContent?.trim() ?? "",
          outline: el ? getComputedStyle(el).outlineStyle : "",
        };
      });
    let steps = 0;
    while ((await focused()).tag !== "textarea") {
      await page.keyboard.press("Tab");
      assert.ok(++steps < 20, "the answer box is reachable with Tab");
    }
    await page.keyboard.type("Lend tools");
    await page.keyboard.press("Shift+Enter");
    await page.keyboard.type("to neighbours");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() =>
      document.querySelector("parley-conversation")?.shadowRoot?.querySelector(".qtext")
        ?.textContent === "Who will use it?"
    );
    assert.equal((await focused()).tag, "textarea", "focus stays in the answer box");
    await page.keyboard.type("Renters");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() =>
      document.querySelector("parley-conversation")?.shadowRoot?.querySelector(".qtext")
        ?.textContent === "Where should it run?"
    );
    // The Send button works from the keyboard too.
    await page.keyboard.type("The web");
    // The button is enabled on the next render (batched to an animation frame): wait for it,
    // or Tab would skip a still-disabled button.
    await page.waitForFunction(() => {
      const b = document.querySelector("parley-conversation")?.shadowRoot
        ?.querySelector<HTMLButtonElement>('button[part="send"]');
      return b !== null && b !== undefined && !b.disabled;
    });
    await page.keyboard.press("Tab");
    const send = await focused();
    assert.equal(send.text, "Send");
    assert.notEqual(send.outline, "none", "focus is visible");
    await page.keyboard.press("Space");
    await page.locator("parley-conversation .summary").waitFor();
    assert.deepEqual((await view(page)).answers, [
      "Lend tools\nto neighbours",
      "Renters",
      "The web",
    ]);
    // The brief's buttons are reachable and labelled.
    const labels: string[] = [];
    for (let i = 0; i < 60 && labels.length < 3; i++) {
      await page.keyboard.press("Tab");
      const f = await focused();
      if (f.tag === "button" && /Download|Copy/.test(f.text)) labels.push(f.text);
    }
    assert.deepEqual(labels, ["Download Markdown", "Download JSON", "Copy"]);
    assert.deepEqual(b.pageErrors, []);
  },
);

browserTest("speed: a 500-frame conversation renders without lag", async () => {
  const N = 500;
  const flood = async (c: ScriptedSocket) => {
    c.send("status", { message: "Starting Clarifier conversation…", stage: "clarifier" });
    for (let i = 1; i < N; i++) {
      c.send("progress", { message: `Clarifier (Round 1): step ${i}`, agent: "clarifier" });
      // ~1000 frames/s: far busier than a real conversation, still a live server.
      if (i % 5 === 0) await new Promise((r) => setTimeout(r, 4));
    }
  };
  await using server = await startScriptedServer(flood);
  await using b = await launchBrowser();
  const page = await b.newPage();
  await page.addInitScript(MEASURE_FRAMES);
  await page.addInitScript(() => {
    // deno-lint-ignore no-explicit-any
    const tasks: number[] = ((globalThis as any).__longTasks = []);
    new PerformanceObserver((l) => l.getEntries().forEach((e) => tasks.push(e.duration)))
      .observe({ type: "longtask", buffered: true });
  });
  await page.goto(`${server.url}/`);
  const started = await page.evaluate(() => performance.now());
  await page.waitForFunction(
    (n) =>
      document.querySelector("parley-conversation")?.shadowRoot?.querySelector(
        `[data-seq="${n}"]`,
      ),
    N,
  );
  const elapsed = await page.evaluate((t) => performance.now() - t, started);
  await page.waitForFunction(
    (n) =>
      // deno-lint-ignore no-explicit-any
      ((globalThis as any).__parleyFrames as { shown: number | null }[]).filter((f) => f.shown)
        .length >= n,
    N,
  );
  const latency = stats(await frameLatencies(page));
  const longTasks = await page.evaluate(() =>
    // deno-lint-ignore no-explicit-any
    ((globalThis as any).__longTasks as number[]).map(Math.round)
  );
  const rows = await page.locator("parley-conversation .feed li").count();
  report("500 frames: all on screen after (ms)", Math.round(elapsed));
  report("500 frames: arrival → on screen (ms)", latency);
  report("500 frames: long tasks after load (ms)", longTasks);
  assert.equal(latency.n, N);
  assert.equal(rows, 200, "the feed keeps the last 200 lines");
  assert.deepEqual(b.pageErrors, []);
});

/**
 * Successive snapshots of `value` as a model would stream it: keys one by one, list items
 * one by one (each first with only some of its fields), strings half then whole.
 */
function partialsOf(value: unknown): unknown[] {
  if (typeof value === "string") {
    return value.length > 8 ? [value.slice(0, value.length >> 1), value] : [value];
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      for (const p of partialsOf(value[i])) out.push([...value.slice(0, i), p]);
    }
    return out;
  }
  if (typeof value === "object" && value !== null) {
    const out: unknown[] = [];
    const done: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      for (const p of partialsOf(v)) out.push({ ...done, [k]: p });
      done[k] = v;
    }
    return out;
  }
  return [value];
}

/** `n` items of `list`, evenly spread, always with the last. */
function sample<T>(list: readonly T[], n: number): T[] {
  if (list.length <= n) return [...list];
  return Array.from({ length: n }, (_, i) => list[Math.round(((i + 1) * (list.length - 1)) / n)]!);
}

browserTest(
  "streaming: deltas draw live drafts, partial results fill the cards, results replace them",
  async () => {
    const AGENTS = ["product", "customer", "engineer", "risk"] as const;
    const STEPS = 40;
    const SUMMARY =
      "# Tool library\n\nNeighbours lend tools to each other, with **card deposits**.\n\n" +
      "## Scope\n\n- Listings\n- Booking calendar\n- Card deposits\n";
    const chunks = SUMMARY.match(/[\s\S]{1,4}/g)!;
    const half = Promise.withResolvers<number>();
    const resume = Promise.withResolvers<void>();
    const streamed = Promise.withResolvers<number>();
    const finish = Promise.withResolvers<void>();
    let deltas = 0;
    const script = async (c: ScriptedSocket) => {
      c.send("status", { message: "Analysts at work", stage: "product" });
      const partials = Object.fromEntries(
        AGENTS.map((a) => [a, sample(partialsOf(SAMPLE_RESULTS[a]), STEPS)]),
      );
      const perStep = Math.ceil(chunks.length / STEPS);
      let seq = 1;
      for (let i = 0; i < STEPS; i++) {
        for (const agent of AGENTS) {
          c.send("delta", { agent, id: `${agent}-1`, partial: partials[agent]![i] });
          seq++;
        }
        const text = chunks.slice(i * perStep, (i + 1) * perStep).join("");
        if (text) {
          c.send("delta", { agent: "summary", id: "summary-1", text });
          seq++;
        }
        deltas = seq - 1;
        if (i === STEPS / 2 - 1) {
          half.resolve(seq);
          await resume.promise;
        }
        // 20 deltas a second per agent, five streams at once.
        await new Promise((r) => setTimeout(r, 50));
      }
      streamed.resolve(seq);
      await finish.promise;
      const resultSeqs: Record<string, number> = {};
      for (const agent of AGENTS) {
        resultSeqs[agent] = c.send("result", { agent, data: SAMPLE_RESULTS[agent] });
      }
      c.send("complete", { summary: SUMMARY, brief: { title: "Tool library", resultSeqs } });
    };
    await using server = await startScriptedServer(script);
    await using b = await launchBrowser();
    const page = await b.newPage();
    await page.addInitScript(MEASURE_FRAMES);
    await page.addInitScript(() => {
      // deno-lint-ignore no-explicit-any
      const g = globalThis as any;
      g.__updates = 0;
      customElements.whenDefined("parley-conversation").then(() => {
        // deno-lint-ignore no-explicit-any
        const proto = (customElements.get("parley-conversation") as any).prototype;
        const updated = proto.updated;
        proto.updated = function (...args: unknown[]) {
          g.__updates++;
          return updated.apply(this, args);
        };
      });
      const tasks: number[] = (g.__longTasks = []);
      new PerformanceObserver((l) => l.getEntries().forEach((e) => tasks.push(e.duration)))
        .observe({ type: "longtask", buffered: true });
    });
    await page.goto(`${server.url}/`);
    const drafts = (p: Page) =>
      p.evaluate(() => {
        const root = document.querySelector("parley-conversation")?.shadowRoot;
        return Array.from(root?.querySelectorAll("[part~=draft]") ?? [], (e) => ({
          part: e.getAttribute("part"),
          busy: e.getAttribute("aria-busy"),
          seq: Number(e.getAttribute("data-seq")),
          text: (e as HTMLElement).innerText,
          body: (e.querySelector(".card-body") as HTMLElement | null)?.innerText ?? "",
        }));
      });
    const onScreen = (seq: number) =>
      page.waitForFunction(
        (n) =>
          Math.max(
            0,
            ...Array.from(
              document.querySelector("parley-conversation")?.shadowRoot?.querySelectorAll(
                "[part~=draft][data-seq]",
              ) ?? [],
              (e) => Number(e.getAttribute("data-seq")),
            ),
          ) >= n,
        seq,
      );

    // Half way: provisional cards drawn by the cards' own views from incomplete objects.
    const lastAtHalf = (await half.promise) - 1;
    await onScreen(lastAtHalf);
    const mid = await drafts(page);
    assert.deepEqual(mid.map((d) => d.part), [
      "card card-product draft",
      "card card-customer draft",
      "card card-engineer draft",
      "card card-risk draft",
      "summary draft",
    ]);
    assert.ok(mid.every((d) => d.busy === "true"));
    assert.match(mid[0]!.text, /Draft · writing…/);
    assert.match(mid[0]!.text, new RegExp(SAMPLE_RESULTS.product.vision.slice(0, 20)));
    assert.doesNotMatch(mid[0]!.text, /Success metrics/, "fields not streamed yet are left out");
    assert.match(mid[4]!.text, /^Your product brief/);
    assert.match(mid[4]!.text, /Tool library/);
    resume.resolve();

    // All streamed: the drafts show everything; then the results replace them.
    await onScreen((await streamed.promise) - 1);
    const full = await drafts(page);
    assert.match(full[4]!.text, /Booking calendar\s+Card deposits/);
    const draftCards = full.slice(0, 4).map((d) => d.body);
    finish.resolve();
    await page.locator("parley-conversation .summary .actions").waitFor();
    assert.deepEqual(await drafts(page), [], "no draft is left");
    // The cards are now the brief's collapsed sections: open them to read them.
    await page.evaluate(() => {
      const root = document.querySelector("parley-conversation")?.shadowRoot;
      for (const d of root?.querySelectorAll("details") ?? []) {
        (d as HTMLDetailsElement).open = true;
      }
    });
    const finalCards = await page.evaluate(() =>
      Array.from(
        document.querySelector("parley-conversation")?.shadowRoot?.querySelectorAll(".card-body") ??
          [],
        (e) => (e as HTMLElement).innerText,
      )
    );
    assert.deepEqual(draftCards, finalCards, "a complete partial renders as the final card");
    const feedLines = await page.locator("parley-conversation .feed li").count();
    assert.ok(feedLines < 10, `deltas add no feed lines (${feedLines})`);

    const latency = stats(await frameLatencies(page));
    const updates = await page.evaluate(() => Reflect.get(globalThis, "__updates") as number);
    const longTasks = await page.evaluate(() =>
      // deno-lint-ignore no-explicit-any
      ((globalThis as any).__longTasks as number[]).map(Math.round)
    );
    report(`streaming: ${deltas} deltas (5 streams at 20/s): arrival → on screen (ms)`, latency);
    report("streaming: element updates for all frames", updates);
    report("streaming: long tasks (ms)", longTasks);
    assert.ok(updates < deltas, `${updates} updates for ${deltas} deltas`);
    assert.deepEqual(b.pageErrors, []);
  },
);
