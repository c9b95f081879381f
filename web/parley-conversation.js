// @ts-check
/**
 * `<parley-conversation>`: the whole Parley conversation as one embeddable element.
 *
 * @module
 */
import { html, LitElement, nothing } from "lit";
import { repeat } from "lit/directives/repeat.js";
import { guard } from "lit/directives/guard.js";
import { live } from "lit/directives/live.js";
import { MAX_ANSWER_CHARS, PIPELINE_STAGES } from "./constants.js";
import { ConversationController } from "./conversation-controller.js";
import { markdown } from "./markdown.js";
import {
  agentLabel,
  partialBody,
  resultBody,
  schemasLoaded,
  schemasReady,
} from "./result-cards.js";
import { styles } from "./parley-styles.js";

/** @typedef {import("./client.js").ConversationClient} ConversationClient */
/** @typedef {import("./client.js").AnyFrame} AnyFrame */
/** @typedef {import("./client.js").ConversationError} ConversationError */
/** @typedef {import("./client.js").ConnectionState} ConnectionState */
/** @typedef {import("./client.js").AgentStream} AgentStream */

/**
 * One line of the activity feed.
 * @typedef {object} FeedEntry
 * @property {string} key
 * @property {number | null} seq
 * @property {string} kind
 * @property {string} text
 * @property {string} time
 * @property {boolean} error
 */

/** Where the element remembers its generated client id. */
export const CLIENT_ID_KEY = "parley.clientId";

/** Server error codes about the person's last answer: shown under the answer box. */
const ANSWER_ERRORS = new Set([
  "bad_frame",
  "wrong_question",
  "no_question",
  "queue_full",
  "already_answered",
]);

const CONNECTION_LABELS = /** @type {const} */ ({
  idle: "Not connected",
  connecting: "Connecting…",
  live: "Connected",
  offline: "Offline",
  reconnecting: "Reconnecting…",
  closed: "Disconnected",
});

/**
 * The Parley conversation: connection state, the pipeline's progress, the live activity
 * feed, the interview (question, answer box, transcript), a card per agent result (drawn
 * live, as a draft, while a model writes it) and the final brief with download and copy
 * buttons. The conversation survives reloads and dropped connections (the client resumes
 * its session), can be followed in several tabs at once, stopped, and started over.
 *
 * @summary An embeddable Parley conversation.
 *
 * @attr {string} server - Server base URL, `ws://host:8000` (or `wss:`/`http(s):`).
 *   Default: the origin this module was loaded from.
 * @attr {string} client-id - Client id for `/ws/{clientId}`. Default: one generated
 *   once and remembered in `localStorage` under `parley.clientId`.
 * @attr {boolean} auto-connect - Connect as soon as the element is in the document.
 * @attr {number} feed-limit - Most lines kept in the activity feed (default 200).
 *
 * @fires {CustomEvent<{state: ConnectionState, attempt: number, delayMs: number | null}>} parley-connection - The connection state changed.
 * @fires {CustomEvent<AnyFrame>} parley-frame - Any frame arrived (also unknown types).
 * @fires {CustomEvent<{message: string, stage?: string}>} parley-status - A `status` frame.
 * @fires {CustomEvent<{message: string, agent?: string}>} parley-progress - A `progress` frame.
 * @fires {CustomEvent<import("../protocol/mod.js").QuestionData>} parley-question - A question waits for an answer.
 * @fires {CustomEvent<{questionId: string, answer: string}>} parley-answer - The person sent an answer.
 * @fires {CustomEvent<{agent: string, data: unknown}>} parley-result - An agent's result.
 * @fires {CustomEvent<{summary: string, brief: unknown}>} parley-complete - The brief is ready.
 * @fires {CustomEvent<ConversationError>} parley-error - An error from the server, the connection or the client.
 * @fires {CustomEvent<{dropped: number}>} parley-reset - The element moved to a new conversation (Start over, or the old session had expired).
 * @fires {CustomEvent<{sessionId: string, clientId: string, resumed: boolean, lastSeq?: number, pending?: string, sessionUrl: string | null, briefUrl: string | null}>} parley-session - A session started (`resumed: false`) or was resumed in some tab (`resumed: true`). Never carries the token itself; the URLs do.
 * @fires {CustomEvent<{questionId: string, answer: string, byThisClient: boolean}>} parley-answered - The server accepted an answer, from this tab or another.
 * @fires {CustomEvent<{message: string}>} parley-cancelled - The conversation was stopped (here or in another tab).
 *
 * @csspart base - The element's inner frame.
 * @csspart header - Title and connection.
 * @csspart connection - The connection state pill.
 * @csspart connect-button - The Connect / Disconnect button.
 * @csspart session - The row with the session's links and the Stop and Start over buttons.
 * @csspart session-link - The "Open as JSON" and "Brief as Markdown" links.
 * @csspart stop-button - The Stop button.
 * @csspart restart-button - The Start over button.
 * @csspart notice - Notices: stopped, answered in another tab.
 * @csspart draft - A card or brief still being written (also has `card` or `summary`).
 * @csspart pipeline - The pipeline progress panel.
 * @csspart stage - Each pipeline stage (also `stage-pending`, `stage-active`, `stage-done`, `stage-failed`).
 * @csspart interview - The interview panel.
 * @csspart transcript - The list of questions and answers.
 * @csspart question - The form with the current question.
 * @csspart input - The answer textarea.
 * @csspart send - The Send button.
 * @csspart feed - The activity feed (a live region).
 * @csspart results - The result cards' container.
 * @csspart card - Each result card (also `card-{agent}`).
 * @csspart risk-grid - The risk likelihood × impact grid.
 * @csspart summary - The final brief panel.
 * @csspart brief - The rendered Markdown brief.
 * @csspart actions - Download and copy buttons.
 * @csspart error - Every inline error message.
 *
 * @cssprop [--parley-bg] - Background.
 * @cssprop [--parley-surface] - Background of panels and bubbles.
 * @cssprop [--parley-fg] - Text colour.
 * @cssprop [--parley-muted] - Secondary text.
 * @cssprop [--parley-border] - Borders.
 * @cssprop [--parley-accent] - Accent (progress, answers, primary buttons).
 * @cssprop [--parley-accent-fg] - Text on the accent.
 * @cssprop [--parley-accent-soft] - Soft accent background (tags).
 * @cssprop [--parley-danger] - Errors and high risk.
 * @cssprop [--parley-danger-soft] - Error backgrounds.
 * @cssprop [--parley-success] - Connected, low risk.
 * @cssprop [--parley-warning] - Connecting, medium risk.
 * @cssprop [--parley-focus] - Focus ring.
 * @cssprop [--parley-radius] - Corner radius.
 * @cssprop [--parley-gap] - Spacing between panels.
 * @cssprop [--parley-font] - Font family.
 * @cssprop [--parley-mono-font] - Monospace font family.
 * @cssprop [--parley-feed-height] - Most height of the activity feed (it scrolls).
 * @cssprop [--parley-transcript-height] - Most height of the transcript (it scrolls).
 */
export class ParleyConversation extends LitElement {
  /** @override */
  static properties = {
    server: { type: String },
    clientId: { type: String, attribute: "client-id" },
    autoConnect: { type: Boolean, attribute: "auto-connect" },
    feedLimit: { type: Number, attribute: "feed-limit" },
    _draft: { state: true },
    _answerError: { state: true },
    _generalError: { state: true },
    _connectionError: { state: true },
    _actionMessage: { state: true },
    _feed: { state: true },
    _answeredElsewhere: { state: true },
  };

  /** @override */
  static styles = styles;

  constructor() {
    super();
    /** @type {string | undefined} */
    this.server = undefined;
    /** @type {string | undefined} */
    this.clientId = undefined;
    /** @type {boolean} */
    this.autoConnect = false;
    /** @type {number} */
    this.feedLimit = 200;
    /** @type {string} */
    this._draft = "";
    /** @type {string | null} */
    this._answerError = null;
    /** @type {ConversationError | null} */
    this._generalError = null;
    /** @type {string | null} */
    this._connectionError = null;
    /** @type {string} */
    this._actionMessage = "";
    /** @type {FeedEntry[]} */
    this._feed = [];
    /** @type {Map<string, ConversationError>} */
    this._agentErrors = new Map();
    this._feedKey = 0;
    /** Results on screen; they follow the client's one card per frame. @type {Map<string, unknown>} */
    this._shownResults = new Map();
    /** @type {string | null} */
    this._shownSummary = null;
    /** Drafts on screen, by agent: open streams, and closed ones until their final card shows. @type {Map<string, AgentStream>} */
    this._drafts = new Map();
    /** The question on screen after the last update (to tell "answered elsewhere"). @type {string | null} */
    this._renderedQuestion = null;
    /** @type {boolean} */
    this._answeredElsewhere = false;
    /** Whether this tab sent an answer since the last question. */
    this._answerSent = false;
    this._morePending = false;
    this._transcriptKey = "";
    this._stickToBottom = true;
    this._conversation = new ConversationController(this, {
      onClient: (client) => this.#listen(client),
    });
    schemasReady.then(() => this.requestUpdate(), () => {});
  }

  /** The client behind the element (for programs that want the raw state). */
  get client() {
    return this._conversation.client;
  }

  /** Connects now (also without `auto-connect`). */
  connect() {
    this.#ensureClient();
    this.client?.connect();
  }

  /** Disconnects and stops reconnecting. */
  disconnect() {
    this.client?.disconnect();
  }

  /**
   * @override
   * @param {import("lit").PropertyValues<this>} changed
   */
  willUpdate(changed) {
    if (changed.has("server") || changed.has("clientId") || changed.has("autoConnect")) {
      this.#ensureClient();
    }
    this.#catchUp();
  }

  /**
   * Brings at most one new card (or the brief) on screen per update. A burst of results
   * then costs one card per frame, and the feed line of every frame in the burst is on
   * screen in the next frame instead of waiting for all the cards.
   */
  #catchUp() {
    const client = this.client;
    const results = client?.agentResults ?? {};
    let budget = 1;
    let pending = false;
    const shown = this._shownResults;
    let next = shown;
    for (const agent of shown.keys()) {
      if (!Object.hasOwn(results, agent)) {
        (next = next === shown ? new Map(shown) : next).delete(agent);
      }
    }
    for (const [agent, data] of Object.entries(results)) {
      if (shown.get(agent) === data) continue;
      if (budget-- > 0) (next = next === shown ? new Map(shown) : next).set(agent, data);
      else pending = true;
    }
    this._shownResults = next;
    const summary = client?.finalSummary ?? null;
    if (summary !== this._shownSummary) {
      if (summary === null || budget > 0) this._shownSummary = summary;
      else pending = true;
    }
    this._morePending = pending;
    // Drafts: the client's open streams; a closed one stays until its final card (or the
    // brief) is on screen, so a card never blinks out between draft and result.
    const streams = client?.streams ?? {};
    /** @type {Map<string, AgentStream>} */
    const drafts = new Map(Object.entries(streams));
    for (const [agent, draft] of this._drafts) {
      if (drafts.has(agent)) continue;
      const waiting = agent === "summary"
        ? summary !== null && this._shownSummary !== summary
        : Object.hasOwn(results, agent) && next.get(agent) !== results[agent];
      if (waiting) drafts.set(agent, draft);
    }
    this._drafts = drafts;
  }

  /**
   * Renders at most once per animation frame: a burst of frames costs one render, and
   * each still reaches the screen in the next frame. Pages that get no animation frames
   * (hidden, or a tab behind another that still reports itself visible) fall back to a
   * timer, so a second tab on the session stays current.
   * @override
   */
  async scheduleUpdate() {
    if (this.hasUpdated) {
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 100);
        if (document.visibilityState === "hidden") return;
        requestAnimationFrame(() => {
          clearTimeout(timer);
          resolve(undefined);
        });
      });
    }
    super.scheduleUpdate();
  }

  /** @override */
  firstUpdated() {
    performance.mark("parley:ready");
  }

  /**
   * @override
   * @param {import("lit").PropertyValues<this>} changed
   */
  updated(changed) {
    if (this._morePending) this.requestUpdate();
    this._renderedQuestion = this.client?.currentQuestion?.id ?? null;
    if (changed.has("_feed") && this._stickToBottom) {
      const feed = this.renderRoot.querySelector(".feed");
      if (feed) feed.scrollTop = feed.scrollHeight;
    }
    // Keep the newest answer in view, as a chat does.
    const transcript = this.client?.transcript ?? [];
    const key = `${transcript.length}:${transcript.filter((e) => e.answer !== null).length}`;
    if (key !== this._transcriptKey) {
      this._transcriptKey = key;
      const list = this.renderRoot.querySelector(".transcript");
      if (list) list.scrollTop = list.scrollHeight;
    }
  }

  #ensureClient() {
    this._conversation.configure({
      server: this.server || defaultServer(),
      clientId: this.clientId || rememberedClientId(),
      autoConnect: this.autoConnect,
    });
  }

  /** @param {ConversationClient} client */
  #listen(client) {
    this._feed = [];
    this._agentErrors = new Map();
    this._answerError = this._generalError = this._connectionError = null;
    /** @type {[string, string][]} */
    const relay = [
      ["status", "parley-status"],
      ["progress", "parley-progress"],
      ["question", "parley-question"],
      ["result", "parley-result"],
      ["complete", "parley-complete"],
      ["reset", "parley-reset"],
      ["connection", "parley-connection"],
      ["session", "parley-session"],
      ["answered", "parley-answered"],
      ["cancelled", "parley-cancelled"],
    ];
    for (const [from, to] of relay) {
      client.addEventListener(from, (e) => this.#fire(to, /** @type {CustomEvent} */ (e).detail));
    }
    client.addEventListener("frame", (e) => {
      const frame = /** @type {CustomEvent<AnyFrame>} */ (e).detail;
      this.#addToFeed(frame);
      this.#fire("parley-frame", frame);
    });
    client.addEventListener("question", () => {
      this._answerSent = false;
      this._answerError = null;
      this._answeredElsewhere = false;
    });
    client.addEventListener("answered", (e) => {
      const { questionId, byThisClient } = /** @type {CustomEvent} */ (e).detail;
      // Only a question this tab was showing: a replay after a reload shows none of them.
      if (!byThisClient && questionId === this._renderedQuestion) {
        this._answeredElsewhere = true;
      }
    });
    client.addEventListener("reset", () => {
      this._agentErrors = new Map();
      this._generalError = null;
      this._answerError = null;
      this._answeredElsewhere = false;
      this._shownResults = new Map();
      this._drafts = new Map();
      this.#note("Reset", "A new conversation started", false);
    });
    client.addEventListener("connection", (e) => {
      const { state, delayMs } = /** @type {CustomEvent} */ (e).detail;
      if (state === "live") this._connectionError = null;
      if (state === "reconnecting" && delayMs !== null) {
        this.#note("Connection", `Reconnecting in ${formatDelay(delayMs)}`, false);
      } else if (state === "live") this.#note("Connection", "Connected", false);
    });
    client.addEventListener("error", (e) => {
      const err = /** @type {CustomEvent<ConversationError>} */ (e).detail;
      this.#fire("parley-error", err);
      if (err.source === "connection") this._connectionError = err.message;
      else if (err.code && ANSWER_ERRORS.has(err.code)) {
        // Every tab on a session sees every error: only the tab that answered shows it
        // under its answer box (the others have it in the feed).
        if (err.source !== "server" || this._answerSent) this._answerError = err.message;
      } else if (err.agent) this._agentErrors = new Map(this._agentErrors).set(err.agent, err);
      else this._generalError = err;
      if (err.source !== "server") this.#note("Error", err.message, true);
    });
  }

  /**
   * @param {string} type
   * @param {unknown} detail
   */
  #fire(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** @param {AnyFrame} frame */
  #addToFeed(frame) {
    const data = /** @type {Record<string, unknown>} */ (
      typeof frame.data === "object" && frame.data !== null ? frame.data : {}
    );
    const str = (/** @type {unknown} */ v) => (typeof v === "string" ? v : "");
    let kind = "";
    let text = "";
    switch (frame.type) {
      case "status":
        kind = "Status";
        text = str(data.message);
        break;
      case "progress":
        kind = data.agent ? agentLabel(str(data.agent)) : "Progress";
        text = str(data.message);
        break;
      case "question":
        kind = "Question";
        text = str(data.question);
        break;
      case "result": {
        const agent = str(data.agent);
        const inner = /** @type {Record<string, unknown>} */ (data.data ?? {});
        kind = agentLabel(agent);
        text = agent === "clarifier"
          ? `Round ${inner.round ?? "?"} understood${inner.done ? ": interview complete" : ""}`
          : `${agentLabel(agent)} analysis ready`;
        break;
      }
      case "complete":
        kind = "Brief";
        text = "The product brief is ready";
        break;
      case "error":
        kind = "Error";
        text = str(data.message);
        break;
      case "session":
        kind = "Session";
        text = data.resumed
          ? `Resumed${typeof data.lastSeq === "number" ? ` after frame ${data.lastSeq}` : ""}`
          : "A new conversation started";
        break;
      case "answered":
        kind = "Answer";
        text = str(data.answer);
        break;
      case "cancelled":
        kind = "Stopped";
        text = str(data.message);
        break;
      case "delta":
        return; // drawn in the agent's draft, which carries its seq
      default:
        // Unknown frame types show only if they carry a message.
        if (!str(data.message)) return;
        kind = frame.type;
        text = str(data.message);
    }
    this.#push({
      key: `f${this._feedKey++}`,
      seq: typeof frame.seq === "number" ? frame.seq : null,
      kind,
      text,
      time: formatTime(typeof frame.ts === "number" ? frame.ts : Date.now()),
      error: frame.type === "error",
    });
  }

  /**
   * @param {string} kind
   * @param {string} text
   * @param {boolean} error
   */
  #note(kind, text, error) {
    this.#push({
      key: `n${this._feedKey++}`,
      seq: null,
      kind,
      text,
      time: formatTime(Date.now()),
      error,
    });
  }

  /** @param {FeedEntry} entry */
  #push(entry) {
    // Append-only with a cap: `repeat` keeps the existing rows' DOM.
    const limit = Math.max(1, this.feedLimit || 200);
    const feed = this._feed.length >= limit ? this._feed.slice(-(limit - 1)) : this._feed.slice();
    feed.push(entry);
    this._feed = feed;
  }

  // -------------------------------------------------------------------------------------
  // Rendering

  /** @override */
  render() {
    const client = this.client;
    const state = client?.state ?? "idle";
    return html`<div class="shell" part="base">
      ${this.#renderHeader(state)}
      ${this.#renderSession(client, state)}
      ${this.#renderPipeline(client)}
      ${
      this._generalError
        ? html`<p class="error" part="error" role="alert">${this._generalError.message}</p>`
        : nothing
    }
      ${
      client?.cancelled
        ? html`<p class="notice stopped" part="notice" role="status">
          <strong>Stopped.</strong> ${client.cancelMessage} · Start over to begin a new
          conversation.
        </p>`
        : nothing
    }
      <div class="main">
        ${this.#renderInterview(client, state)}
        <section class="panel activity" aria-labelledby="activity-h">
          <h3 id="activity-h">Activity</h3>
          <ol class="feed" part="feed" role="log" aria-live="polite" aria-relevant="additions"
            tabindex="0" aria-labelledby="activity-h" @scroll=${this.#onFeedScroll}>
            ${
      repeat(this._feed, (e) =>
        e.key, (e) =>
        html`<li class=${e.error ? "error" : ""} data-seq=${e.seq ?? nothing}>
                <time>${e.time}</time><span class="kind">${e.kind}</span><span>${e.text}</span>
              </li>`)
    }
          </ol>
          ${this._feed.length === 0 ? html`<p class="empty">Nothing yet.</p>` : nothing}
        </section>
      </div>
      ${this.#renderResults()}
      ${this.#renderSummary()}
    </div>`;
  }

  /** @param {ConnectionState} state */
  #renderHeader(state) {
    const live = state === "live" || state === "connecting" || state === "reconnecting";
    return html`<header part="header">
      <div class="brand">
        <span class="logo" aria-hidden="true">P</span>
        <div>
          <h2 class="title">Parley</h2>
          <p class="subtitle">From an idea to a product brief</p>
        </div>
      </div>
      <div class="conn" data-state=${state}>
        <span class="pill" part="connection" role="status">
          <span class="dot" aria-hidden="true"></span>${CONNECTION_LABELS[state]}
        </span>
        <button part="connect-button" type="button"
          @click=${() => (live ? this.disconnect() : this.connect())}>
          ${live ? "Disconnect" : "Connect"}
        </button>
      </div>
      ${
      this._connectionError && state !== "live"
        ? html`<p class="error conn-error" part="error">${this._connectionError}</p>`
        : nothing
    }
    </header>`;
  }

  /**
   * The session's links and the Stop and Start over buttons.
   * @param {ConversationClient | null} client
   * @param {ConnectionState} state
   */
  #renderSession(client, state) {
    if (!client) return nothing;
    const finished = client.finalSummary !== null;
    const running = state === "live" && !client.cancelled && !finished &&
      client.messages.length > 0;
    const busy = state === "connecting" || state === "reconnecting";
    const jsonUrl = client.sessionUrl;
    const briefUrl = client.briefUrl;
    return html`<nav class="session" part="session" aria-label="This conversation">
      ${
      jsonUrl
        ? html`
          <a part="session-link" href=${jsonUrl} target="_blank" rel="noopener noreferrer"
          >Open as JSON</a>
        `
        : nothing
    }
      ${
      briefUrl && finished
        ? html`
          <a part="session-link" href=${briefUrl} target="_blank" rel="noopener noreferrer"
          >Brief as Markdown</a>
        `
        : nothing
    }
      <span class="spacer"></span>
      <button part="stop-button" type="button" class="stop" ?disabled=${!running}
        aria-label="Stop the conversation" @click=${this.#stop}>Stop</button>
      <button part="restart-button" type="button" ?disabled=${busy}
        aria-label="Start over with a new conversation" @click=${this.#restart}
      >Start over</button>
    </nav>`;
  }

  /** @param {ConversationClient | null} client */
  #renderPipeline(client) {
    const stages = client?.stages ?? {};
    const round = client?.round ?? null;
    const done = PIPELINE_STAGES.filter((s) => stages[s] === "done" || stages[s] === "failed");
    const activeStage = PIPELINE_STAGES.find((s) => stages[s] === "active");
    const value = done.length + (activeStage ? 0.5 : 0);
    const pct = Math.round((value / PIPELINE_STAGES.length) * 100);
    const current = activeStage
      ? `${agentLabel(activeStage)}${
        activeStage === "clarifier" && round ? `, round ${round}` : ""
      }`
      : client?.finalSummary != null
      ? "Complete"
      : client?.cancelled
      ? "Stopped"
      : "Not started";
    return html`
      <section class="pipeline" part="pipeline" aria-label="Pipeline">
        <div class="bar" role="progressbar" aria-label="Pipeline progress" aria-valuemin="0"
          aria-valuemax=${PIPELINE_STAGES.length} aria-valuenow=${done.length}
          aria-valuetext=${`${done.length} of ${PIPELINE_STAGES.length} stages done: ${current}`}>
          <span style="width:${pct}%"></span>
        </div>
        <ol class="stages">
              ${PIPELINE_STAGES.map((s, i) => {
                const st = stages[s] ?? "pending";
                return html`
                  <li class="stage ${st}" part="stage stage-${st}"
                    aria-current=${st === "active" ? "step" : nothing}>
                              <span class="marker" aria-hidden="true">${st === "done"
                                ? "✓"
                                : st === "failed"
                                ? "!"
                                : i + 1}</span>
                              <span class="name">${agentLabel(
                                s,
                              )}<span class="visually-hidden">: ${st}</span></span>
                              ${s === "clarifier" && round && st === "active"
                                ? html`<span class="round">R${round}</span>`
                                : nothing}
                            </li>
                `;
              })}
            </ol>
        <p class="now"><strong>${current}</strong>${client?.currentStatus && !client.finalSummary
          ? html`
            · ${client.currentStatus}
          `
          : nothing}</p>
      </section>
    `;
  }

  /**
   * @param {ConversationClient | null} client
   * @param {ConnectionState} state
   */
  #renderInterview(client, state) {
    const transcript = client?.transcript ?? [];
    const question = client?.currentQuestion ?? null;
    const answered = transcript.filter((e) => e.answer !== null);
    const finished = client?.finalSummary != null || client?.cancelled === true;
    const clarifierDone = client?.stages.clarifier === "done";
    const showForm = !finished && (question !== null || !clarifierDone);
    const index = transcript.findIndex((e) => e.id === question?.id) + 1;
    const meta = question
      ? [
        `Question ${index || transcript.length}`,
        question.round ? `Round ${question.round}` : "",
        question.topic ?? "",
      ].filter(Boolean).join(" · ")
      : "";
    const placeholder = question
      ? "Type your answer…"
      : state === "live"
      ? "Waiting for the next question…"
      : "Connect to start the interview";
    return html`<section class="panel interview" part="interview" aria-labelledby="interview-h">
      <h3 id="interview-h">Interview</h3>
      ${
      answered.length === 0 && !question
        ? html`<p class="empty">${
          state === "live" ? "The first question is on its way." : "Not started yet."
        }</p>`
        : nothing
    }
      ${
      this._answeredElsewhere && !question
        ? html`<p class="notice" part="notice" role="status">
          Answered in another tab. The next question will show here too.
        </p>`
        : nothing
    }
      <ol class="transcript" part="transcript">
        ${
      repeat(answered, (e) => e.id, (e) =>
        html`
          <li class="qa">
            <div class="bubble q"><span class="visually-hidden">Question: </span>${e.question}</div>
            <div class="bubble a"><span class="visually-hidden">Your answer: </span>${e
              .answer}</div>
          </li>
        `)
    }
      </ol>
      ${
      showForm
        ? html`
          <form part="question" @submit=${this.#onSubmit} novalidate>
            <label class="question" for="answer">
                    ${meta ? html`<span class="qmeta">${meta}</span>` : nothing}
                    <span class="qtext">${question ? question.question : "Your answer"}</span>
                  </label>
            <textarea id="answer" part="input" name="answer" rows="3"
              maxlength=${MAX_ANSWER_CHARS} placeholder=${placeholder}
              ?readonly=${question === null}
              aria-describedby="answer-hint answer-error"
              aria-invalid=${this._answerError ? "true" : "false"}
              .value=${live(this._draft)}
              @input=${this.#onInput} @keydown=${this.#onKeyDown}></textarea>
            <div class="form-row">
              <span class="hint"
                id="answer-hint"><kbd>Enter</kbd> sends · <kbd>Shift</kbd>+<kbd>Enter</kbd> adds a line</span>
              <button class="primary" part="send" type="submit"
                ?disabled=${question === null || this._draft.trim() === ""}>Send</button>
            </div>
            <p id="answer-error" class="error" part="error" role="alert"
              ?hidden=${!this._answerError}>${this._answerError ?? ""}</p>
          </form>
        `
        : nothing
    }
    </section>`;
  }

  #renderResults() {
    const results = Object.fromEntries(this._shownResults);
    const drafts = this._drafts;
    const order = [...PIPELINE_STAGES, ...Object.keys(results), ...drafts.keys()];
    const agents = [...new Set(order)].filter((a) =>
      Object.hasOwn(results, a) || this._agentErrors.has(a) || (drafts.has(a) && a !== "summary")
    );
    if (agents.length === 0) return nothing;
    const wide = new Set(["product", "engineer", "risk"]);
    return html`<section class="results" part="results" aria-labelledby="results-h">
      <h3 id="results-h">What the agents found</h3>
      ${
      repeat(agents, (a) => a, (agent) => {
        const err = this._agentErrors.get(agent);
        const data = results[agent];
        const draft = drafts.get(agent);
        const title = agent === "clarifier" ? "Requirements" : `${agentLabel(agent)} analysis`;
        if (draft) return this.#renderDraftCard(agent, title, draft, wide.has(agent));
        return html`
          <details open class="card ${wide.has(agent) ? "wide" : ""} ${err
            ? "failed"
            : ""}" part="card card-${agent}">
            <summary>${title}<span class="badge">${agentLabel(agent)}</span></summary>
            <div class="card-body">
                      ${err
                        ? html`<p class="error" part="error" role="alert">${err.message}</p>`
                        : nothing}
                      ${data === undefined
                        ? nothing
                        : guard([data, schemasLoaded()], () => resultBody(agent, data))}
                    </div>
          </details>
        `;
      })
    }
    </section>`;
  }

  /**
   * A card still being written: the partial result through the card's own view, and any
   * streamed text, marked as a draft. Only the parts whose input changed are rebuilt.
   * @param {string} agent
   * @param {string} title
   * @param {AgentStream} draft
   * @param {boolean} wide
   */
  #renderDraftCard(agent, title, draft, wide) {
    return html`
      <details open class="card draft ${wide ? "wide" : ""}" part="card card-${agent} draft"
        aria-busy="true" data-seq=${draft.seq}>
        <summary>${title}<span class="badge draft-badge">Draft · writing…</span></summary>
        <div class="card-body">
          ${draft.partial === undefined
            ? nothing
            : guard([draft.partial], () => partialBody(agent, draft.partial))}
          ${draft.text ? html`<p class="stream-text">${draft.text}</p>` : nothing}
        </div>
      </details>
    `;
  }

  #renderSummary() {
    const summary = this._shownSummary;
    const draft = this._drafts.get("summary");
    if (summary === null && draft) {
      return html`
        <section class="summary draft" part="summary draft" aria-labelledby="summary-h"
          aria-busy="true" data-seq=${draft.seq}>
          <div class="summary-head">
            <h3 id="summary-h">Product brief <span class="badge draft-badge">Draft · writing…</span></h3>
          </div>
          <article class="markdown" part="brief">${guard(
            [draft.text],
            () => markdown(draft.text),
          )}</article>
        </section>
      `;
    }
    if (summary === null) return nothing;
    return html`
      <section class="summary" part="summary" aria-labelledby="summary-h">
        <div class="summary-head">
          <h3 id="summary-h">Product brief</h3>
          <div class="actions" part="actions">
            <button type="button" class="primary" @click=${this
              .#downloadMarkdown}>Download Markdown</button>
            <button type="button" @click=${this.#downloadJson}>Download JSON</button>
            <button type="button" @click=${this.#copy}>Copy</button>
          </div>
        </div>
        <p class="action-status" role="status">${this._actionMessage}</p>
        <article class="markdown" part="brief">${guard(
          [summary],
          () => markdown(summary),
        )}</article>
      </section>
    `;
  }

  // -------------------------------------------------------------------------------------
  // Interaction

  /** @param {Event} e */
  #onInput(e) {
    this._draft = /** @type {HTMLTextAreaElement} */ (e.target).value;
  }

  /** @param {KeyboardEvent} e */
  #onKeyDown(e) {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing && !e.altKey && !e.ctrlKey) {
      e.preventDefault();
      this.#send();
    }
  }

  /** @param {SubmitEvent} e */
  #onSubmit(e) {
    e.preventDefault();
    this.#send();
  }

  #stop() {
    this.client?.cancel();
  }

  #restart() {
    this._draft = "";
    this.client?.restart();
  }

  #onFeedScroll() {
    const feed = /** @type {HTMLElement | null} */ (this.renderRoot.querySelector(".feed"));
    if (feed) this._stickToBottom = feed.scrollTop + feed.clientHeight >= feed.scrollHeight - 24;
  }

  #send() {
    const client = this.client;
    const question = client?.currentQuestion;
    const answer = this._draft.trim();
    if (!client || !question) {
      this._answerError = "No question is waiting for an answer yet.";
      return;
    }
    if (!answer) {
      this._answerError = "Type an answer first.";
      return;
    }
    try {
      if (client.sendAnswer(answer, question.id)) {
        this._answerSent = true;
        this._draft = "";
        this._answerError = null;
        this.#fire("parley-answer", { questionId: question.id, answer });
      }
    } catch (err) {
      this._answerError = err instanceof Error ? err.message : String(err);
    }
  }

  #briefMarkdown() {
    return this.client?.finalSummary ?? "";
  }

  #briefJson() {
    const client = this.client;
    const brief = client?.brief ?? { summary: client?.finalSummary, results: client?.agentResults };
    return JSON.stringify(brief, null, 2);
  }

  #fileName() {
    const brief = /** @type {{ title?: unknown } | null} */ (this.client?.brief ?? null);
    const title = typeof brief?.title === "string" ? brief.title : "brief";
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
    return `parley-${slug || "brief"}`;
  }

  #downloadMarkdown() {
    this.#download(`${this.#fileName()}.md`, this.#briefMarkdown(), "text/markdown");
  }

  #downloadJson() {
    this.#download(`${this.#fileName()}.json`, this.#briefJson(), "application/json");
  }

  /**
   * @param {string} name
   * @param {string} text
   * @param {string} type
   */
  #download(name, text, type) {
    try {
      const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      a.rel = "noopener";
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this._actionMessage = `Downloaded ${name}`;
    } catch (err) {
      this._actionMessage = `Could not download: ${err instanceof Error ? err.message : err}`;
    }
  }

  async #copy() {
    try {
      await navigator.clipboard.writeText(this.#briefMarkdown());
      this._actionMessage = "Copied the brief as Markdown";
    } catch (err) {
      this._actionMessage = `Could not copy: ${
        err instanceof Error ? err.message : err
      }. Use Download Markdown instead.`;
    }
  }
}

/** The ws(s) origin this module came from: where an embedded element connects by default. */
function defaultServer() {
  const url = new URL(import.meta.url);
  return `${url.protocol === "https:" ? "wss:" : "ws:"}//${url.host}`;
}

/** In-memory fallback when `localStorage` is unavailable (sandboxed frames, privacy modes). */
let memoryClientId = "";

/** The client id remembered in `localStorage`, generated on first use. */
function rememberedClientId() {
  try {
    const saved = localStorage.getItem(CLIENT_ID_KEY);
    if (saved && /^[A-Za-z0-9_.:-]{1,128}$/.test(saved)) return saved;
    const id = newClientId();
    localStorage.setItem(CLIENT_ID_KEY, id);
    return id;
  } catch {
    return memoryClientId ||= newClientId();
  }
}

/** A random id; `getRandomValues` works on plain-http pages, unlike `randomUUID`. */
function newClientId() {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** @param {number} ts */
function formatTime(ts) {
  const d = new Date(ts);
  return [d.getHours(), d.getMinutes(), d.getSeconds()]
    .map((n) => String(n).padStart(2, "0"))
    .join(":");
}

/** @param {number} ms */
function formatDelay(ms) {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

if (!customElements.get("parley-conversation")) {
  customElements.define("parley-conversation", ParleyConversation);
}
