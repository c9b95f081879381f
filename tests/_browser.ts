/**
 * Helpers for browser tests: Chromium through playwright-core, a static server with a
 * scripted conversation over a real WebSocket, and a second origin for embedding.
 *
 * Without Chromium the browser tests are skipped with a visible line, except under
 * `CI=true`, where a missing Chromium fails the run.
 *
 * @module
 */
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { createStaticHandler } from "../server/static.ts";

/** Where Chromium is expected (override with `CHROMIUM_PATH`). */
export const CHROMIUM_PATH = Deno.env.get("CHROMIUM_PATH") ?? "/usr/lib/chromium/chromium";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function chromiumInstalled(): boolean {
  try {
    return Deno.statSync(CHROMIUM_PATH).isFile;
  } catch {
    return false;
  }
}

/**
 * `ignore` for browser tests: true when Chromium is missing and this is not CI. Printed
 * once so a skipped run says why.
 */
export const noBrowser: boolean = (() => {
  if (chromiumInstalled()) return false;
  if (Deno.env.get("CI") === "true") return false; // launch fails loudly below
  // deno-lint-ignore no-console
  console.log(
    `%cSkipping browser tests: Chromium not found at ${CHROMIUM_PATH} (install chromium or set CHROMIUM_PATH)`,
    "color: yellow",
  );
  return true;
})();

/** A browser for one test; each page gets its own context (own storage). */
export interface TestBrowser extends AsyncDisposable {
  browser: Browser;
  /** A fresh page in a fresh context; errors in the page fail the test via `pageErrors`. */
  newPage(options?: {
    colorScheme?: "light" | "dark";
    /** A phone: 390×844, touch, coarse pointer. */
    phone?: boolean;
  }): Promise<Page>;
  /** Another page in `page`'s context: a second tab sharing its storage. */
  newTab(page: Page): Promise<Page>;
  /** Uncaught errors and console errors of every page, as text. */
  pageErrors: string[];
}

/** Launches headless Chromium. */
export async function launchBrowser(): Promise<TestBrowser> {
  if (!chromiumInstalled()) {
    throw new Error(`Chromium is required under CI=true: not found at ${CHROMIUM_PATH}`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const watch = (page: Page) => {
    page.on("pageerror", (err) => pageErrors.push(`pageerror: ${err.message}`));
    page.on("console", (msg) => {
      if (msg.type() === "error") pageErrors.push(`console: ${msg.text()}`);
    });
    return page;
  };
  return {
    browser,
    pageErrors,
    async newTab(page) {
      return watch(await page.context().newPage());
    },
    async newPage(options = {}) {
      const context = await browser.newContext({
        viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
        colorScheme: options.colorScheme ?? "light",
        reducedMotion: "reduce",
        ...(options.phone ? { hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : {}),
      });
      contexts.push(context);
      return watch(await context.newPage());
    },
    async [Symbol.asyncDispose]() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
    },
  };
}

// ---------------------------------------------------------------------------------------
// Servers

/** A loopback server for one test. */
export interface LocalServer extends AsyncDisposable {
  url: string;
  port: number;
}

async function serve(
  handler: (req: Request) => Response | Promise<Response>,
): Promise<LocalServer> {
  const abort = new AbortController();
  const { promise, resolve } = Promise.withResolvers<Deno.NetAddr>();
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, signal: abort.signal, onListen: resolve },
    handler,
  );
  const addr = await promise;
  return {
    url: `http://127.0.0.1:${addr.port}`,
    port: addr.port,
    async [Symbol.asyncDispose]() {
      abort.abort();
      await server.finished;
    },
  };
}

/**
 * Serves our static files, and at `/ws/{clientId}` runs `conversation` on each socket:
 * a stand-in server for tests about what the element renders.
 */
export function startScriptedServer(
  conversation: (c: ScriptedSocket) => Promise<void>,
  corsOrigins: readonly string[] | "*" = [],
): Promise<LocalServer> {
  const statics = createStaticHandler({ corsOrigins });
  return serve(async (req) => {
    const path = new URL(req.url).pathname;
    if (path.startsWith("/ws/")) {
      const { socket, response } = Deno.upgradeWebSocket(req);
      const scripted = new ScriptedSocket(socket);
      socket.onopen = () => {
        conversation(scripted).catch(() => socket.close(1011, "Script failed"));
      };
      return response;
    }
    return (await statics(req)) ?? new Response("Not found\n", { status: 404 });
  });
}

/**
 * A one-page site on another origin (another port) that embeds Parley. `html` may be a
 * function, so the page can name a server started after this one.
 */
export function startOtherOrigin(html: string | (() => string)): Promise<LocalServer> {
  return serve((req) =>
    new URL(req.url).pathname === "/"
      ? new Response(typeof html === "string" ? html : html(), {
        headers: { "content-type": "text/html; charset=utf-8" },
      })
      : new Response("Not found\n", { status: 404 })
  );
}

/** What a scripted conversation needs from its server side. */
export interface Script {
  /** Sends one frame (stamped with `seq` and `ts`); returns its seq. */
  send(type: string, data: unknown): number;
  /** Asks a question and resolves with the answer. */
  ask(id: string, question: string, round?: number, topic?: string): Promise<string>;
}

/** The server side of a scripted conversation: stamps `seq`/`ts`, awaits answers. */
export class ScriptedSocket implements Script {
  #seq = 0;
  #answers: string[] = [];
  #waiting: ((answer: string) => void) | null = null;
  readonly socket: WebSocket;

  constructor(socket: WebSocket) {
    this.socket = socket;
    socket.addEventListener("message", (e) => {
      const frame = JSON.parse(String(e.data));
      const answer = String(frame.answer);
      if (this.#waiting) {
        this.#waiting(answer);
        this.#waiting = null;
      } else this.#answers.push(answer);
    });
  }

  /** Sends one frame; returns its seq. */
  send(type: string, data: unknown): number {
    const seq = ++this.#seq;
    if (this.socket.readyState !== WebSocket.OPEN) return seq;
    this.socket.send(JSON.stringify({ type, data, seq, ts: Date.now() }));
    return seq;
  }

  /** Asks a question and resolves with the answer. */
  ask(id: string, question: string, round = 1, topic = "idea"): Promise<string> {
    this.send("question", { question, id, round, topic, agent: "clarifier" });
    const queued = this.#answers.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve) => (this.#waiting = resolve));
  }
}

// ---------------------------------------------------------------------------------------
// A scripted server with durable sessions (docs/protocol.md: resume, cancel, restart)

/** A stand-in for the server's sessions: what the element must handle, scripted. */
export interface SessionServer extends LocalServer {
  /** Every session started, oldest first. */
  sessions: ScriptedSession[];
  /** Resume frames received, in order. */
  resumes: { token: string; lastSeq: number }[];
  /** Closes every socket from the server side (1012), as a restart or a proxy would. */
  dropAll(): void;
}

/**
 * One session of {@link startSessionServer}: frames are logged and broadcast to every
 * attached socket; a resume replays the log after `lastSeq`; the first answer to a question
 * wins and is broadcast as `answered`; `cancel` stops the script.
 */
export class ScriptedSession implements Script {
  readonly id = `s-${crypto.randomUUID().slice(0, 8)}`;
  readonly token = crypto.randomUUID();
  readonly clientId: string;
  readonly log: { type: string; data: unknown; seq: number; ts: number }[] = [];
  readonly sockets = new Set<WebSocket>();
  cancelled = false;
  #pending: { id: string; resolve: (answer: string) => void } | null = null;
  #answers = new Map<string, string>();
  readonly #abort = new AbortController();

  constructor(clientId: string) {
    this.clientId = clientId;
  }

  send(type: string, data: unknown): number {
    if (this.cancelled && type !== "error" && type !== "cancelled") return this.log.length;
    const frame = { type, data, seq: this.log.length + 1, ts: Date.now() };
    this.log.push(frame);
    const text = JSON.stringify(frame);
    for (const s of this.sockets) if (s.readyState === WebSocket.OPEN) s.send(text);
    return frame.seq;
  }

  ask(id: string, question: string, round = 1, topic = "idea"): Promise<string> {
    this.send("question", { question, id, round, topic, agent: "clarifier" });
    const signal = this.#abort.signal;
    return new Promise((resolve, reject) => {
      signal.addEventListener("abort", () => reject(signal.reason), { once: true });
      this.#pending = { id, resolve };
    });
  }

  /** Attaches a socket, replaying every frame after `lastSeq` to it first. */
  attach(socket: WebSocket, lastSeq: number): void {
    for (const frame of this.log.slice(lastSeq)) socket.send(JSON.stringify(frame));
    this.sockets.add(socket);
  }

  /** Handles one client frame. */
  receive(socket: WebSocket, frame: Record<string, unknown>): void {
    if (frame.type === "cancel") return this.cancel("Stopped by the person");
    if (typeof frame.answer !== "string") return;
    const id = typeof frame.questionId === "string" ? frame.questionId : this.#pending?.id;
    const given = id === undefined ? undefined : this.#answers.get(id);
    if (given !== undefined) {
      if (given === frame.answer) return; // the same answer again: ignored
      socket.send(JSON.stringify({
        type: "error",
        data: { message: `Question ${id} was already answered`, code: "already_answered" },
        seq: this.log.length,
        ts: Date.now(),
      }));
      return;
    }
    const pending = this.#pending;
    if (!pending || pending.id !== id) return;
    this.#pending = null;
    this.#answers.set(pending.id, frame.answer);
    this.send("answered", { questionId: pending.id, answer: frame.answer });
    pending.resolve(frame.answer);
  }

  /** Stops the conversation: every tab sees `cancelled`. */
  cancel(message: string, except?: WebSocket): void {
    if (this.cancelled) return;
    if (except) this.sockets.delete(except);
    this.send("cancelled", { message });
    this.cancelled = true;
    this.#pending = null;
    this.#abort.abort(new Error("Cancelled"));
  }

  /** The pending question's id, if any. */
  get pending(): string | undefined {
    return this.#pending?.id;
  }
}

/**
 * Serves our static files, and at `/ws/{clientId}` runs `conversation` in sessions that
 * survive their sockets, as docs/protocol.md describes: a `session` frame with a token
 * first, `?resume=1` plus a `resume` frame to come back, `bad_token` + 4401 for an unknown
 * token, `answered` broadcast to every tab, `cancel` and `restart`.
 */
export async function startSessionServer(
  conversation: (c: Script) => Promise<void>,
  corsOrigins: readonly string[] | "*" = [],
): Promise<SessionServer> {
  const statics = createStaticHandler({ corsOrigins });
  const sessions: ScriptedSession[] = [];
  const resumes: { token: string; lastSeq: number }[] = [];
  const all = new Set<WebSocket>();
  const start = (socket: WebSocket, clientId: string) => {
    const session = new ScriptedSession(clientId);
    sessions.push(session);
    session.attach(socket, 0);
    session.send("session", {
      sessionId: session.id,
      clientId,
      token: session.token,
      resumed: false,
    });
    conversation(session).catch(() => {});
    return session;
  };
  const local = await serve(async (req) => {
    const url = new URL(req.url);
    if (!url.pathname.startsWith("/ws/")) {
      return (await statics(req)) ?? new Response("Not found\n", { status: 404 });
    }
    const clientId = decodeURIComponent(url.pathname.slice(4));
    const { socket, response } = Deno.upgradeWebSocket(req);
    all.add(socket);
    let session: ScriptedSession | null = null;
    socket.onopen = () => {
      if (url.searchParams.get("resume") !== "1") session = start(socket, clientId);
    };
    socket.onclose = () => {
      all.delete(socket);
      session?.sockets.delete(socket);
    };
    socket.onmessage = (e) => {
      const frame = JSON.parse(String(e.data));
      if (session === null) {
        const found = sessions.find((s) => s.token === frame.token);
        if (frame.type !== "resume" || !found) {
          socket.send(JSON.stringify({
            type: "error",
            data: { message: "Unknown or expired session token", code: "bad_token" },
            seq: 1,
            ts: Date.now(),
          }));
          socket.close(4401, "Bad token");
          return;
        }
        resumes.push({ token: frame.token, lastSeq: frame.lastSeq });
        session = found;
        found.attach(socket, frame.lastSeq);
        found.send("session", {
          sessionId: found.id,
          clientId: found.clientId,
          resumed: true,
          lastSeq: frame.lastSeq,
          ...(found.pending ? { pending: found.pending } : {}),
        });
        return;
      }
      if (frame.type === "restart") {
        session.cancel("Started over in another tab", socket);
        session = start(socket, clientId);
        return;
      }
      session.receive(socket, frame);
    };
    return response;
  });
  return {
    ...local,
    sessions,
    resumes,
    dropAll() {
      for (const s of all) s.close(1012, "Server restarting");
    },
  };
}

// ---------------------------------------------------------------------------------------
// Sample data (valid against protocol/brief.js)

/** Results of the four analysts, rich enough to exercise every card. */
export const SAMPLE_RESULTS = {
  product: {
    vision: "Neighbours lend tools to each other safely, with deposits held by card.",
    goals: ["Fewer tools bought for one use", "Trust between neighbours"],
    userStories: [
      {
        asA: "a borrower",
        iWant: "to book a drill for Saturday",
        soThat: "I can hang shelves",
        priority: "must",
      },
      {
        asA: "a lender",
        iWant: "a deposit held on the borrower's card",
        soThat: "I am covered if it breaks",
        priority: "should",
      },
    ],
    mvpScope: ["Listings", "Booking calendar", "Card deposits"],
    laterScope: ["Repair shops"],
    requirements: [
      { id: "R1", text: "List a tool with photos", priority: "must", rationale: "Core supply" },
      { id: "R2", text: "Hold a deposit", priority: "must", rationale: "Trust" },
    ],
    successMetrics: ["Loans per week"],
  },
  customer: {
    segments: [{ name: "Renters", description: "City renters without storage space" }],
    personas: [{
      name: "Sam",
      role: "Renter",
      goals: ["Borrow before buying"],
      frustrations: ["Tools gather dust"],
    }],
    jobs: ["Get a job done without buying a tool"],
    pains: ["Deposits feel risky"],
    adoptionRisks: ["Too few tools nearby at launch"],
    channels: ["Neighbourhood groups"],
  },
  engineer: {
    components: [
      { name: "API", responsibility: "Listings and bookings" },
      { name: "Payments", responsibility: "Deposit holds" },
    ],
    platforms: ["iOS", "Android", "Web"],
    data: [{ entity: "Loan", notes: "tool, borrower, dates, deposit" }],
    integrations: [{ name: "Stripe", purpose: "Card holds" }],
    stack: [{ layer: "API", choice: "Deno", reason: "Small team" }],
    effort: {
      size: "L",
      personWeeksLow: 20,
      personWeeksHigh: 30,
      team: "3 engineers",
      assumptions: ["No insurance product"],
    },
  },
  risk: {
    risks: [
      {
        id: "K1",
        title: "Card data",
        category: "security",
        likelihood: "medium",
        impact: "high",
        mitigation: "Use Stripe; never store card numbers",
      },
      {
        id: "K2",
        title: "Damaged tools",
        category: "operational",
        likelihood: "high",
        impact: "medium",
        mitigation: "Deposits and ratings",
      },
      {
        id: "K3",
        title: "Low supply",
        category: "market",
        likelihood: "high",
        impact: "high",
        mitigation: "Seed one neighbourhood first",
      },
    ],
  },
} as const;

/** Questions of the scripted clarifier, one round. */
export const SAMPLE_QUESTIONS = [
  { id: "clarifier-r1-q1", topic: "idea", question: "What is your product idea?" },
  { id: "clarifier-r1-q2", topic: "users", question: "Who will use it?" },
  { id: "clarifier-r1-q3", topic: "platforms", question: "Where should it run?" },
] as const;

/**
 * A whole scripted conversation: the frames the real server sends, with sample data and
 * the given Markdown summary.
 */
export async function sampleConversation(
  c: Script,
  summary = "# Tool library\n\nA brief.",
  afterInterview?: Promise<void>,
): Promise<void> {
  c.send("status", { message: "Starting Clarifier conversation…", stage: "clarifier" });
  c.send("progress", { message: "Clarifier (Round 1): Let me understand", agent: "clarifier" });
  const resp = [];
  for (const q of SAMPLE_QUESTIONS) {
    resp.push({
      id: q.id,
      question: q.question,
      answer: await c.ask(q.id, q.question, 1, q.topic),
    });
  }
  await afterInterview;
  c.send("result", {
    agent: "clarifier",
    data: {
      done: true,
      resp,
      round: 1,
      missing: [],
      requirements: {
        idea: resp[0]?.answer ?? "",
        users: [resp[1]?.answer ?? ""],
        platforms: [resp[2]?.answer ?? ""],
        features: [],
        compliance: [],
        domains: [],
        notes: [],
      },
    },
  });
  const resultSeqs: Record<string, number> = {};
  for (const agent of ["product", "customer", "engineer", "risk"] as const) {
    c.send("status", { message: `Running ${agent} analysis…`, stage: agent });
    c.send("progress", { message: `${agent}: thinking`, agent });
    resultSeqs[agent] = c.send("result", { agent, data: SAMPLE_RESULTS[agent] });
  }
  c.send("status", { message: "Writing the brief…", stage: "summary" });
  c.send("complete", { summary, brief: { title: "Tool library", summary, resultSeqs } });
}

// ---------------------------------------------------------------------------------------
// In-page measurement

/**
 * An init script that records, for every WebSocket frame, how long after its arrival its
 * feed line (`[data-seq]`) was on screen: checked once per animation frame, after that
 * frame's rendering (a task posted from `requestAnimationFrame` runs after the paint).
 * A line already pushed out of the capped feed by a later one counts as shown then.
 */
export const MEASURE_FRAMES = `(() => {
  const frames = (globalThis.__parleyFrames = []);
  const pending = [];
  let looping = false;
  const ch = new MessageChannel();
  ch.port1.onmessage = () => {
    const root = document.querySelector("parley-conversation")?.shadowRoot;
    const present = new Set(
      Array.from(root?.querySelectorAll("[data-seq]") ?? [], (e) => Number(e.dataset.seq)),
    );
    const top = Math.max(-1, ...present);
    const now = performance.now();
    for (let i = pending.length - 1; i >= 0; i--) {
      const f = pending[i];
      if (present.has(f.seq) || f.seq < top) {
        f.shown = now;
        pending.splice(i, 1);
      }
    }
    if (pending.length) requestAnimationFrame(tick);
    else looping = false;
  };
  const tick = () => ch.port2.postMessage(0);
  const Native = globalThis.WebSocket;
  globalThis.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (e) => {
        let seq = null;
        try { seq = JSON.parse(e.data).seq ?? null; } catch {}
        if (seq === null) return;
        const entry = { seq, arrived: e.timeStamp, shown: null };
        frames.push(entry);
        pending.push(entry);
        if (!looping) {
          looping = true;
          requestAnimationFrame(tick);
        }
      });
    }
  };
})();`;

/** Latencies (ms) from arrival to on screen, in arrival order. */
export async function frameLatencies(page: Page): Promise<number[]> {
  return await page.evaluate(() =>
    // deno-lint-ignore no-explicit-any
    ((globalThis as any).__parleyFrames as { arrived: number; shown: number | null }[])
      .filter((f) => f.shown !== null)
      .map((f) => (f.shown as number) - f.arrived)
  );
}

/** Summary statistics of a list of milliseconds. */
export function stats(ms: number[]): { n: number; median: number; p95: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return {
    n: s.length,
    median: Math.round(at(0.5) * 10) / 10,
    p95: Math.round(at(0.95) * 10) / 10,
    max: Math.round((s.at(-1) ?? NaN) * 10) / 10,
  };
}
