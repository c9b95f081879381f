/**
 * `<parley-conversation>` for the people who use it, in real Chromium against the real
 * server: the brief first and focused, phone widths without sideways scroll, print, axe
 * at three moments in light and dark, the shareable page, plain-language outage notices,
 * a second language and host strings, and a refused origin.
 *
 * @module
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import AXE_SOURCE from "axe-core/axe.min.js" with { type: "text" };
import type {} from "../web/global.d.ts";
import {
  launchBrowser,
  noBrowser,
  SAMPLE_RESULTS,
  sampleConversation,
  startOtherOrigin,
  startScriptedServer,
  startSessionServer,
} from "./_browser.ts";
import { startTestServer } from "./_server.ts";

/** Where screenshots go for a person to look at: `PARLEY_SHOTS`, or a fresh temporary folder. */
const SHOTS = Deno.env.get("PARLEY_SHOTS") ?? Deno.makeTempDirSync({ prefix: "parley-shots-" });

function browserTest(name: string, fn: () => Promise<void>) {
  Deno.test({ name, ignore: noBrowser, sanitizeOps: false, sanitizeResources: false, fn });
}

/** Figures and files printed for the record. */
function report(label: string, value: unknown) {
  // deno-lint-ignore no-console
  console.log(`    ${label}: ${typeof value === "string" ? value : JSON.stringify(value)}`);
}

const BY_TOPIC: Record<string, string> = {
  idea: "A marketplace where neighbours lend each other tools, with deposits paid by card",
  users: "Homeowners and renters in cities",
  platforms: "iOS, Android and the web",
  features: "Listings, a booking calendar, card deposits and ratings",
  scale: "5,000 users in the first year",
  budget: "$80k",
  timeline: "6 months",
  compliance: "GDPR: we launch in Germany",
};

/** Where the element is: a question waiting, the brief on screen, or neither yet. */
function phase(page: Page): Promise<"question" | "done" | "waiting"> {
  return page.evaluate(() => {
    const root = document.querySelector("parley-conversation")?.shadowRoot;
    if (root?.querySelector(".brief:not(.draft)")) return "done";
    return root?.querySelector("textarea:not([readonly])") ? "question" : "waiting";
  });
}

/** Answers `count` questions (all of them when absent), by topic. Returns how many. */
async function answer(page: Page, count = Infinity): Promise<number> {
  let given = 0;
  while (given < count) {
    await page.waitForFunction(
      () => {
        const root = document.querySelector("parley-conversation")?.shadowRoot;
        return root?.querySelector(".brief:not(.draft)") ||
          root?.querySelector("textarea:not([readonly])");
      },
      undefined,
      { timeout: 20_000 },
    );
    if ((await phase(page)) === "done") return given;
    const topic = await page.evaluate(() =>
      String(document.querySelector("parley-conversation")?.client?.currentQuestion?.topic ?? "")
    );
    const box = page.locator("parley-conversation textarea:not([readonly])");
    await box.fill(BY_TOPIC[topic] ?? "No preference");
    await box.press("Enter");
    given++;
    await page.waitForFunction(
      (n) =>
        (document.querySelector("parley-conversation")?.shadowRoot?.querySelectorAll(".bubble.a")
          .length ?? 0) >= n,
      given,
    );
  }
  return given;
}

/** Serious and critical axe-core violations on the page, as `id: targets`. */
async function axe(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => "axe" in globalThis);
  if (!loaded) await page.evaluate(`${AXE_SOURCE}\n;0`);
  const violations = await page.evaluate(async () => {
    // deno-lint-ignore no-explicit-any
    const result = await (globalThis as any).axe.run(document, { resultTypes: ["violations"] });
    return (result.violations as {
      id: string;
      impact: string;
      nodes: { target: unknown[] }[];
    }[])
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(" ")}`);
  });
  return violations;
}

/** Whether the page scrolls sideways, and the outermost elements that stick out. */
function sideways(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    const walk = (root: Element | ShadowRoot) => {
      for (const e of Array.from(root.children)) {
        const r = e.getBoundingClientRect();
        const visible = !/auto|scroll|hidden|clip/.test(getComputedStyle(e).overflowX);
        if (
          visible && e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0 &&
          r.right + e.scrollWidth - e.clientWidth > innerWidth + 1
        ) {
          out.push(
            `text in ${e.tagName.toLowerCase()}.${
              e.classList[0] ?? ""
            }:${e.scrollWidth}>${e.clientWidth}`,
          );
        }
        if (r.right > innerWidth + 1 && r.width > 0) {
          out.push(`${e.tagName.toLowerCase()}.${e.classList[0] ?? ""}:${Math.round(r.right)}`);
        }
        if (e.shadowRoot) walk(e.shadowRoot);
        // What scrolls inside its own box does not move the page.
        if (!/auto|scroll|hidden|clip/.test(getComputedStyle(e).overflowX)) walk(e);
      }
    };
    walk(document.body);
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth,
      out: out.slice(0, 12),
    };
  });
}

/** The element's focused node inside its shadow root, as `tag.class`. */
function focusedInside(page: Page) {
  return page.evaluate(() => {
    const el = document.querySelector("parley-conversation");
    const f = el?.shadowRoot?.activeElement;
    return f
      ? `${f.tagName.toLowerCase()}${f.className ? "." + f.className.split(" ")[0] : ""}`
      : "";
  });
}

browserTest(
  "brief first, phones, print and axe: the whole conversation in light and dark",
  async () => {
    await using server = await startTestServer();
    await using b = await launchBrowser();
    for (const scheme of ["light", "dark"] as const) {
      const page = await b.newPage({ colorScheme: scheme });
      await page.addInitScript(() => {
        document.addEventListener("parley-question", () => performance.mark("first-question"), {
          once: true,
        });
      });
      await page.goto(`${server.url}/`);
      await page.locator("parley-conversation textarea:not([readonly])").waitFor();
      if (scheme === "light") {
        const at = await page.evaluate(() =>
          performance.getEntriesByName("first-question")[0]?.startTime ?? NaN
        );
        report("first question on screen after navigation (ms)", Math.round(at));
      }
      // Focus goes to the answer box with the question.
      assert.equal(await focusedInside(page), "textarea", "the answer box has focus");
      assert.deepEqual(await axe(page), [], `axe at the first question (${scheme})`);

      if (scheme === "light") {
        for (const width of [320, 390]) {
          await page.setViewportSize({ width, height: 800 });
          const w = await sideways(page);
          assert.ok(
            w.scrollWidth <= w.innerWidth,
            `no sideways scroll at ${width}px: ${JSON.stringify(w)}`,
          );
        }
        await page.screenshot({ path: `${SHOTS}/phone-question.png` });
        report("screenshot", `${SHOTS}/phone-question.png`);
        await page.setViewportSize({ width: 1280, height: 900 });
      }

      await answer(page, 2);
      // Mid-interview: the progress line says which question, never a raw topic slug.
      await page.locator("parley-conversation textarea:not([readonly])").waitFor();
      const now = await page.locator("parley-conversation [part=now]").innerText();
      assert.match(now, /^Question \d+( of about \d+)?( · Round \d+( of \d+)?)?$/, now);
      assert.deepEqual(await axe(page), [], `axe mid-interview (${scheme})`);

      await answer(page);
      await page.locator("parley-conversation .brief:not(.draft)").waitFor();
      // The brief is the main view: focused, first after the header, cards inside it.
      await page.waitForFunction(() =>
        document.querySelector("parley-conversation")?.shadowRoot?.activeElement?.classList
          .contains("brief")
      );
      const layout = await page.evaluate(() => {
        const root = document.querySelector("parley-conversation")!.shadowRoot!;
        const shell = root.querySelector(".shell")!;
        const kids = Array.from(shell.children)
          .filter((e) => !e.classList.contains("visually-hidden") && e.tagName !== "DIALOG")
          .map((e) => e.classList[0] ?? e.tagName.toLowerCase());
        return {
          kids,
          cardsInBrief: root.querySelectorAll(".brief .card").length,
          cardsOutside: root.querySelectorAll(".card:not(.brief .card)").length,
          top: Math.round(root.querySelector(".brief")!.getBoundingClientRect().top),
          announcer: root.querySelector("[part=announcer]")?.textContent ?? "",
          liveRegions: root.querySelectorAll("[aria-live]").length,
          logOnList: root.querySelectorAll("ol[role=log]").length,
        };
      });
      assert.deepEqual(layout.kids.slice(0, 2), ["header", "brief"]);
      assert.equal(layout.cardsInBrief, 5);
      assert.equal(layout.cardsOutside, 0, "cards are sections of the brief, not a copy");
      assert.ok(layout.top >= 0 && layout.top < 300, `the brief is in view (top ${layout.top})`);
      assert.equal(layout.announcer, "Your brief is ready");
      assert.equal(layout.liveRegions, 1, "one live region");
      assert.equal(layout.logOnList, 0);
      assert.deepEqual(await axe(page), [], `axe when finished (${scheme})`);
      if (scheme === "dark") {
        await page.screenshot({ path: `${SHOTS}/dark-brief.png` });
        report("screenshot", `${SHOTS}/dark-brief.png`);
      }

      if (scheme === "light") {
        for (const width of [320, 390, 1280]) {
          await page.setViewportSize({ width, height: 800 });
          // Open every section, so the risk grid and tables are measured too.
          await page.evaluate(() => {
            for (
              const d of document.querySelector("parley-conversation")!.shadowRoot!
                .querySelectorAll("details")
            ) (d as HTMLDetailsElement).open = true;
          });
          const w = await sideways(page);
          assert.ok(
            w.scrollWidth <= w.innerWidth,
            `no sideways scroll on the brief at ${width}px: ${JSON.stringify(w)}`,
          );
          if (width === 390) {
            await page.screenshot({ path: `${SHOTS}/phone-brief.png` });
            report("screenshot", `${SHOTS}/phone-brief.png`);
          }
        }
        // Print: only the brief.
        await page.emulateMedia({ media: "print" });
        const printed = await page.evaluate(() => {
          const shown = (e: Element) => getComputedStyle(e).display !== "none";
          const root = document.querySelector("parley-conversation")!.shadowRoot!;
          return {
            shell: Array.from(root.querySelector(".shell")!.children).filter(shown)
              .filter((e) => !e.classList.contains("visually-hidden"))
              .map((e) => e.classList[0]),
            page: Array.from(document.querySelectorAll(".intro, footer")).filter(shown).length,
            buttons: Array.from(root.querySelectorAll(".brief button")).filter((e) =>
              (e as HTMLElement).offsetParent !== null
            ).length,
          };
        });
        assert.deepEqual(printed, { shell: ["brief"], page: 0, buttons: 0 });
        await page.emulateMedia({ media: "screen" });
        await page.setViewportSize({ width: 1280, height: 1100 });
        await page.evaluate(() => {
          for (
            const d of document.querySelector("parley-conversation")!.shadowRoot!
              .querySelectorAll(".brief details")
          ) (d as HTMLDetailsElement).open = false;
          scrollTo(0, 0);
        });
        // The README's picture is refreshed only when asked: a test run never edits the tree.
        if (Deno.env.get("PARLEY_SCREENSHOT") === "1") {
          await page.screenshot({
            path: new URL("../docs/screenshot.png", import.meta.url).pathname,
          });
        }
        await page.screenshot({ path: `${SHOTS}/desktop-brief.png`, fullPage: true });
        report("screenshot", `${SHOTS}/desktop-brief.png`);

        // The shareable page: the token only in the fragment, never in a request URL.
        const href = await page.locator("parley-conversation [part=share-link]").getAttribute(
          "href",
        );
        assert.match(href ?? "", /\/sessions\/[\w-]+\/brief#token=/);
        const token = decodeURIComponent(href!.split("#token=")[1]!);
        const share = await b.newPage();
        const urls: string[] = [];
        share.on("request", (r) => urls.push(r.url() + " " + (r.headers()["referer"] ?? "")));
        await share.goto(href!);
        await share.locator("article h1").waitFor();
        assert.match(await share.locator("article").innerText(), /Tool|tool|lend/);
        assert.deepEqual(urls.filter((u) => u.includes(token)), []);
        assert.deepEqual(
          server.logs.filter((l) => JSON.stringify(l).includes(token)),
          [],
          "the token is in no log line",
        );
        assert.deepEqual(b.pageErrors, []);
        // A wrong token: a clear message (the 404 is the browser's console line).
        await share.goto(href!.replace(/#token=.*/, "#token=wrong"));
        await share.locator("[role=alert]", { hasText: "not available" }).waitFor();
        b.pageErrors.length = 0;
      }
    }
    assert.deepEqual(b.pageErrors, []);
  },
);

browserTest(
  "words: plain-language outage with a countdown and Retry now, a second language, host strings",
  async () => {
    const server = await startTestServer();
    await using b = await launchBrowser();
    const page = await b.newPage();
    await page.goto(`${server.url}/`);
    await page.locator("parley-conversation textarea:not([readonly])").waitFor();
    // Developer chrome is on on the demo page (`dev`) and off without the attribute.
    const chrome = () =>
      page.evaluate(() => {
        const root = document.querySelector("parley-conversation")!.shadowRoot!;
        return {
          connect: root.querySelectorAll("[part=connect-button]").length,
          feed: root.querySelectorAll("[part=feed]").length,
          json: root.querySelectorAll("[part=session-link]").length,
        };
      });
    assert.deepEqual(await chrome(), { connect: 1, feed: 1, json: 1 });
    await page.evaluate(() =>
      document.querySelector("parley-conversation")!.removeAttribute("dev")
    );
    await page.waitForFunction(() =>
      !document.querySelector("parley-conversation")!.shadowRoot!.querySelector("[part=feed]")
    );
    assert.deepEqual(await chrome(), { connect: 0, feed: 0, json: 0 });

    // Spanish, live, and a host's own words on top.
    await page.evaluate(() => {
      const el = document.querySelector("parley-conversation")!;
      el.setAttribute("lang", "es");
      el.setAttribute("heading", "Mi producto");
    });
    await page.locator("parley-conversation button[part=send]", { hasText: "Enviar" }).waitFor();
    assert.equal(await page.locator("parley-conversation [part=title]").innerText(), "Mi producto");
    assert.match(await page.locator("parley-conversation [part=now]").innerText(), /^Pregunta 1/);
    await page.evaluate(() => {
      document.querySelector("parley-conversation")!.strings = { send: "Mandar" };
    });
    await page.locator("parley-conversation button[part=send]", { hasText: "Mandar" }).waitFor();
    await page.evaluate(() =>
      document.querySelector("parley-conversation")!.setAttribute("lang", "en")
    );
    await page.locator("parley-conversation [part=connection]", { hasText: "Connected" }).waitFor();

    // The server goes away: people words, a countdown, Retry now; nothing about 1006.
    await server[Symbol.asyncDispose]();
    const notice = page.locator("parley-conversation [part~=connection-notice]");
    await notice.waitFor({ timeout: 10_000 });
    const text = await notice.innerText();
    assert.match(text, /Connection lost\. Trying again (in \d+ s|now)/);
    assert.doesNotMatch(text, /1006|1001|closed:/i);
    assert.equal(
      await notice.getByRole("button", { name: "Retry now" }).count(),
      1,
      "Retry now is offered",
    );
    // An answer typed now is kept, and marked when the client reports it pending.
    const box = page.locator("parley-conversation textarea:not([readonly])");
    await box.fill("Typed while the server is away");
    await box.press("Enter");
    const marked = await page.evaluate(() => {
      const el = document.querySelector("parley-conversation")!;
      // deno-lint-ignore no-explicit-any
      const snap = (el as any).client.getSnapshot();
      return "pending" in snap
        ? el.shadowRoot!.querySelector("[part=sending]")?.textContent ?? "none"
        : "client has no pending list";
    });
    report("answer sent while offline is shown as", marked);
    await notice.getByRole("button", { name: "Retry now" }).click();
    await notice.waitFor();
    // Console errors from the failed sockets are the browser's, not the page's.
    b.pageErrors.length = 0;
  },
);

browserTest(
  "hosts: an element whose server refuses the page's origin says so on screen",
  async () => {
    let html = "";
    await using site = await startOtherOrigin(() => html);
    // The element's files come from a server that allows the site; its conversation server
    // does not.
    await using files = await startTestServer({ corsOrigins: [site.url] });
    await using refusing = await startTestServer({ corsOrigins: [] });
    html = `<!doctype html>
      <html lang="en"><head><meta charset="utf-8"><title>Refused</title>
      <link rel="icon" href="data:,"></head>
      <body><main><h1>A site Parley does not allow</h1>
      <script type="module" src="${files.url}/parley.js"></script>
      <parley-conversation server="${refusing.url.replace("http", "ws")}" auto-connect>
        <p>Loading Parley…</p>
      </parley-conversation></main></body></html>`;
    await using b = await launchBrowser();
    const page = await b.newPage();
    await page.goto(`${site.url}/`);
    const events = page.evaluate(() =>
      new Promise((resolve) =>
        document.addEventListener(
          "parley-origin-refused",
          (e) => resolve((e as CustomEvent).detail),
        )
      )
    );
    const notice = page.locator("parley-conversation [part~=connection-notice][data-kind=refused]");
    await notice.waitFor({ timeout: 15_000 });
    assert.equal(
      await notice.innerText(),
      `This page (${site.url}) is not allowed to use the Parley server at ${refusing.url}. Ask whoever runs that server to add this address to CORS_ORIGINS.`,
    );
    assert.deepEqual(await events, { server: refusing.url, origin: site.url });
    assert.ok(
      refusing.logs.some((l) => l.msg === "websocket origin refused"),
      "the server refused it",
    );
    assert.deepEqual(await axe(page), []);
  },
);

browserTest(
  "safe actions on a phone: Enter adds a line, Send sends; Start over asks, Escape keeps everything",
  async () => {
    await using server = await startTestServer();
    await using b = await launchBrowser();
    const page = await b.newPage({ phone: true });
    await page.goto(`${server.url}/`);
    const box = page.locator("parley-conversation textarea:not([readonly])");
    await box.waitFor();
    assert.equal(await page.evaluate(() => matchMedia("(pointer: coarse)").matches), true);
    assert.match(
      await page.locator("parley-conversation #answer-hint").innerText(),
      /Enter adds a line/,
    );
    await box.fill("Lend tools");
    await box.press("Enter");
    await box.pressSequentially("to neighbours");
    assert.equal(await box.inputValue(), "Lend tools\nto neighbours", "Enter added a line");
    await page.locator("parley-conversation button[part=newline]").tap();
    await box.pressSequentially("safely");
    assert.equal(await box.inputValue(), "Lend tools\nto neighbours\nsafely");
    await page.locator("parley-conversation button[part=send]").tap();
    await page.locator("parley-conversation .bubble.a").waitFor();
    const w = await sideways(page);
    assert.ok(w.scrollWidth <= w.innerWidth, JSON.stringify(w));

    // Start over with an answer given: it asks; Escape (or Keep going) keeps the conversation.
    const restart = page.getByRole("button", { name: "Start over with a new conversation" });
    await restart.focus();
    await page.keyboard.press("Enter");
    const dialog = page.locator("parley-conversation dialog[open]");
    await dialog.waitFor();
    assert.equal(await focusedInside(page), "button", "focus moves into the dialog");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" }).catch(() => {});
    await page.waitForFunction(() =>
      !document.querySelector("parley-conversation")!.shadowRoot!.querySelector("dialog[open]")
    );
    assert.equal(await page.locator("parley-conversation .bubble.a").count(), 1, "nothing lost");
    // Stop asks too; the client has no finish(), so the choices are Keep going and Stop.
    await page.getByRole("button", { name: "Stop the conversation" }).tap();
    await dialog.waitFor();
    const choices = await dialog.locator("button").allInnerTexts();
    const canFinish = await page.evaluate(() =>
      // deno-lint-ignore no-explicit-any
      typeof (document.querySelector("parley-conversation")!.client as any)?.finish === "function"
    );
    assert.deepEqual(
      choices,
      canFinish
        ? ["Keep going", "Brief me on what I have said so far", "Stop without a brief"]
        : ["Keep going", "Stop"],
    );
    await dialog.getByRole("button", { name: "Keep going" }).tap();
    await page.waitForFunction(() =>
      !document.querySelector("parley-conversation")!.shadowRoot!.querySelector("dialog[open]")
    );
    assert.equal(await page.locator("parley-conversation textarea:not([readonly])").count(), 1);
    await page.screenshot({ path: `${SHOTS}/phone-touch.png` });
    report("screenshot", `${SHOTS}/phone-touch.png`);
    assert.deepEqual(b.pageErrors, []);
  },
);

browserTest(
  "lost session: the server forgot the conversation; the transcript stays and the idea is reused",
  async () => {
    await using server = await startSessionServer((c) => sampleConversation(c));
    await using b = await launchBrowser();
    const page = await b.newPage();
    await page.goto(`${server.url}/`);
    const box = page.locator("parley-conversation textarea:not([readonly])");
    await box.waitFor();
    await box.fill("Lend tools to neighbours");
    await box.press("Enter");
    await page.locator("parley-conversation .qtext", { hasText: "Who will use it?" }).waitFor();
    // The server restarts without its sessions: the resume's token opens nothing.
    server.sessions.length = 0;
    server.dropAll();
    const hasField = await page.evaluate(() =>
      // deno-lint-ignore no-explicit-any
      "sessionLost" in (document.querySelector("parley-conversation")!.client as any)
        .getSnapshot()
    );
    if (!hasField) {
      // A client without `sessionLost` starts over by itself; nothing more to check here.
      report("lost session", "client has no sessionLost: skipped the notice checks");
      return;
    }
    const notice = page.locator("parley-conversation [part~=connection-notice][data-kind=lost]");
    await notice.waitFor({ timeout: 10_000 });
    assert.match(await notice.innerText(), /The server no longer has this conversation/);
    assert.deepEqual(
      (await page.locator("parley-conversation .bubble.a").allInnerTexts())
        .map((t) => t.replace(/^Your answer:\s*/, "")),
      ["Lend tools to neighbours"],
      "the old transcript stays",
    );
    await notice.getByRole("button", { name: "Start again with the same idea" }).click();
    await page.locator("parley-conversation .qtext", { hasText: "What is your product idea?" })
      .waitFor();
    assert.equal(await box.inputValue(), "Lend tools to neighbours", "the idea is in the box");
    assert.equal(await notice.count(), 0);
    assert.equal(server.sessions.length, 1, "a new session");
  },
);

browserTest(
  "evidence: Why? shows the person's words on hover and on focus; requirements show later, excluded, countries",
  async () => {
    const quote = "deposits paid by card";
    await using server = await startScriptedServer(async (c) => {
      const idea = await c.ask("clarifier-r1-q1", "What is your product idea?", 1, "idea");
      c.send("result", {
        agent: "clarifier",
        data: {
          done: true,
          round: 1,
          missing: [],
          resp: [{ id: "clarifier-r1-q1", question: "What is your product idea?", answer: idea }],
          requirements: {
            idea,
            users: ["renters"],
            platforms: ["web"],
            features: [],
            compliance: ["PCI DSS"],
            domains: ["payments"],
            notes: [],
            later: ["mobile apps"],
            excluded: ["insurance"],
            jurisdictions: ["DE"],
            evidence: {
              "compliance:PCI DSS": [{
                quote,
                questionId: "clarifier-r1-q1",
                rule: "regulation:pci-dss",
              }],
            },
          },
        },
      });
      const risk = {
        risks: SAMPLE_RESULTS.risk.risks.map((k, i) =>
          i === 0 ? { ...k, evidence: [{ quote, rule: "domain:payments" }] } : k
        ),
      };
      const riskSeq = c.send("result", { agent: "risk", data: risk });
      c.send("complete", {
        summary: "# Tool library\n\nA brief.",
        brief: { title: "Tool library", resultSeqs: { risk: riskSeq } },
      });
    });
    await using b = await launchBrowser();
    const page = await b.newPage();
    await page.goto(`${server.url}/`);
    const box = page.locator("parley-conversation textarea:not([readonly])");
    await box.fill("Neighbours lend tools, with deposits paid by card");
    await box.press("Enter");
    await page.locator("parley-conversation .brief:not(.draft)").waitFor();
    await page.evaluate(() => {
      for (
        const d of document.querySelector("parley-conversation")!.shadowRoot!.querySelectorAll(
          ".brief details",
        )
      ) (d as HTMLDetailsElement).open = true;
    });
    const facts = await page.locator("parley-conversation [part~=card-clarifier] .facts")
      .innerText();
    assert.match(facts, /Later\s+mobile apps/);
    assert.match(facts, /Not included\s+insurance/);
    assert.match(facts, /Countries\s+DE/);
    const whys = page.locator("parley-conversation .brief .why-button");
    assert.equal(await whys.count(), 2, "one on the requirement, one on the risk");
    const tip = page.locator("parley-conversation .brief .why .tip").first();
    assert.equal(await tip.isVisible(), false);
    await whys.first().focus();
    assert.equal(await tip.isVisible(), true, "shown on focus");
    assert.equal(await tip.innerText(), `“${quote}” · regulation:pci-dss`);
    await whys.first().blur();
    assert.equal(await tip.isVisible(), false);
    await whys.first().hover();
    assert.equal(await tip.isVisible(), true, "shown on hover");
    assert.equal(
      await whys.first().getAttribute("aria-describedby"),
      await tip.getAttribute("id"),
      "the tooltip describes its button",
    );
    assert.deepEqual(await axe(page), []);
    // In Spanish the cards speak Spanish too.
    await page.evaluate(() =>
      document.querySelector("parley-conversation")!.setAttribute("lang", "es")
    );
    await page.locator("parley-conversation .brief .why-button", { hasText: "¿Por qué?" }).first()
      .waitFor();
    assert.match(
      await page.locator("parley-conversation [part~=card-clarifier] .facts").innerText(),
      /Más adelante\s+mobile apps/,
    );
    assert.deepEqual(b.pageErrors, []);
  },
);
