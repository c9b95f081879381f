// @ts-check
/**
 * `<parley-conversation>`: the whole Parley conversation as one embeddable element. It
 * renders from the client's snapshot through view modules (`views/*.js`, each with its
 * own styles) in the words of `strings/*.js`.
 *
 * @module
 */
import { html, LitElement, nothing } from "lit";
import { ConversationController } from "./conversation-controller.js";
import { schemasReady } from "./result-cards.js";
import { stringsFor } from "./strings/mod.js";
import { styles as baseStyles } from "./views/base.js";
import { actions, connectionNotice, header, styles as headerStyles } from "./views/header.js";
import { progress, questionLine, styles as progressStyles } from "./views/progress.js";
import { interview, styles as interviewStyles } from "./views/interview.js";
import { feed, styles as feedStyles } from "./views/feed.js";
import { results, styles as cardStyles } from "./views/cards.js";
import { brief, styles as briefStyles } from "./views/brief.js";
import { confirmDialog, styles as confirmStyles } from "./views/confirm.js";
import { reviewChanges, reviewOf, styles as reviewStyles } from "./views/review.js";

/** @typedef {import("./client.js").ConversationClient} ConversationClient */
/** @typedef {import("./client.js").AnyFrame} AnyFrame */
/** @typedef {import("./client.js").ConversationError} ConversationError */
/** @typedef {import("./client.js").AgentStream} AgentStream */
/** @typedef {import("./client.js").TranscriptEntry} TranscriptEntry */
/** @typedef {import("./client.js").StageState} StageState */
/** @typedef {import("./strings/en.js").Strings} Strings */
/** @typedef {import("../protocol/mod.js").QuestionData} QuestionData */

/** Connection states as the element names them. */
/** @typedef {"idle" | "connecting" | "live" | "reconnecting" | "offline" | "closed"} Connection */

/**
 * The client's snapshot as the views read it: fields a newer client adds have defaults
 * here, so the element works with either.
 * @typedef {object} Snap
 * @property {Connection} state
 * @property {number | null} retryAt When the next reconnect attempt starts (epoch ms).
 * @property {readonly {questionId: string, answer: string, state: "queued" | "sending"}[]} pending
 * @property {boolean} sessionLost The server no longer has the conversation.
 * @property {string | null} idea The person's first answer, to start again with.
 * @property {{number: number, about?: number, round?: number, rounds?: number} | null} progress
 * @property {boolean} complete
 * @property {string | null} stage
 * @property {Readonly<Record<string, StageState>>} stages
 * @property {QuestionData | null} currentQuestion
 * @property {readonly TranscriptEntry[]} transcript
 * @property {boolean} cancelled
 * @property {string} cancelMessage
 * @property {readonly AnyFrame[]} messages
 * @property {string | null} sessionUrl
 * @property {string | null} briefUrl
 * @property {number | null} [version] The brief's version on screen (`complete.data.version`).
 * @property {unknown} [changes] What changed since the previous version (`complete.data.changes`).
 */

/**
 * Everything a view renders from: the strings, the snapshot, the element's own UI state
 * and its handlers. Views are functions of this and nothing else.
 * @typedef {object} View
 * @property {Strings} s
 * @property {(english: string) => string} cardWords The cards' words (`s.cards`) as a lookup.
 * @property {Snap} snap
 * @property {string} title
 * @property {string | undefined} subtitle
 * @property {boolean} dev
 * @property {boolean} touch Coarse pointer: Enter adds a line, Send sends.
 * @property {number} now
 * @property {number} feedLimit
 * @property {string} draft
 * @property {string | null} answerError
 * @property {boolean} answeredElsewhere
 * @property {string} actionMessage
 * @property {string | null} refusedOrigin The server that refused this page's origin.
 * @property {boolean} userClosed
 * @property {"stop" | "restart" | null} confirm
 * @property {boolean} canFinish
 * @property {ReadonlyMap<string, unknown>} results Results on screen, by agent.
 * @property {ReadonlyMap<string, AgentStream>} drafts Drafts on screen, by agent.
 * @property {ReadonlyMap<string, string>} agentErrors
 * @property {string | null} summary The brief's Markdown on screen.
 * @property {boolean} canEdit The client can edit answers (`client.edit`).
 * @property {string | null} editing The question whose answer is being edited.
 * @property {string} editDraft The new answer being typed.
 * @property {{questionId: string, text: string, error: boolean} | null} editNotice
 * @property {Readonly<Record<string, string>>} reviewDrafts The review form's fields, by field.
 * @property {string | null} reviewError
 * @property {number | null} version
 * @property {unknown} changes
 * @property {{state: "loading" | "error" | "shown", version: number, text: string} | null} previous
 *   The previous version of the brief, while it is shown.
 * @property {Record<string, (e: Event) => void>} on
 */

/**
 * The events `<parley-conversation>` fires (all bubble and are composed).
 * @typedef {object} ParleyConversationEventMap
 * @property {CustomEvent<{state: string, attempt: number, delayMs: number | null}>} parley-connection
 * @property {CustomEvent<AnyFrame>} parley-frame
 * @property {CustomEvent<{message: string, stage?: string}>} parley-status
 * @property {CustomEvent<{message: string, agent?: string}>} parley-progress
 * @property {CustomEvent<QuestionData>} parley-question
 * @property {CustomEvent<{questionId: string, answer: string}>} parley-answer
 * @property {CustomEvent<{agent: string, data: unknown}>} parley-result
 * @property {CustomEvent<{summary: string, brief: unknown}>} parley-complete
 * @property {CustomEvent<ConversationError>} parley-error
 * @property {CustomEvent<{dropped: number}>} parley-reset
 * @property {CustomEvent<{sessionId: string, clientId: string, resumed: boolean, sessionUrl: string | null, briefUrl: string | null}>} parley-session
 * @property {CustomEvent<{questionId: string, answer: string, byThisClient: boolean}>} parley-answered
 * @property {CustomEvent<{message: string}>} parley-cancelled
 * @property {CustomEvent<{server: string, origin: string}>} parley-origin-refused
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

/** Server error codes about an edit: shown under the edited answer. */
const EDIT_ERRORS = new Set([
  "bad_frame",
  "unknown_question",
  "stale_edit",
  "edit_in_progress",
  "not_editable",
  "queue_full",
]);

/**
 * The version and changes of the newest `complete` in the frames.
 * @param {readonly AnyFrame[]} frames
 * @returns {{version: number | null, changes: unknown}}
 */
function lastComplete(frames) {
  for (let i = frames.length - 1; i >= 0; i--) {
    const f = frames[i];
    if (f?.type !== "complete") continue;
    const d = /** @type {Record<string, unknown>} */ (f.data ?? {});
    return { version: typeof d.version === "number" ? d.version : 1, changes: d.changes ?? null };
  }
  return { version: null, changes: null };
}

/**
 * The transcript with each edited answer replaced by its newest `edited` text (a client
 * that already applies edits gives the same transcript back).
 * @param {readonly TranscriptEntry[]} transcript
 * @param {readonly AnyFrame[]} frames
 * @returns {readonly TranscriptEntry[]}
 */
function withEdits(transcript, frames) {
  /** @type {Map<string, string>} */
  const edited = new Map();
  for (const f of frames) {
    const d = /** @type {Record<string, unknown>} */ (f?.data ?? {});
    if (f?.type === "edited" && typeof d.questionId === "string" && typeof d.answer === "string") {
      edited.set(d.questionId, d.answer);
    }
  }
  if (edited.size === 0) return transcript;
  return transcript.map((e) => {
    const answer = edited.get(e.id);
    return answer === undefined || answer === e.answer || e.answer === null ? e : { ...e, answer };
  });
}

/** Client events the element re-fires as `parley-*` events. */
const RELAYED = /** @type {const} */ ([
  "status",
  "progress",
  "question",
  "result",
  "complete",
  "reset",
  "connection",
  "session",
  "answered",
  "cancelled",
]);

/**
 * The Parley conversation: the connection in plain words, the pipeline's progress, the
 * interview (question, answer box, transcript), a card per agent result (drawn live while
 * a model writes it) and, once complete, the brief as the main view with download, copy,
 * print and a shareable page. The conversation survives reloads and dropped connections,
 * can be followed in several tabs, stopped and started over (both ask first).
 *
 * @summary An embeddable Parley conversation.
 *
 * @attr {string} server - Server base URL, `ws://host:8000` (or `wss:`/`http(s):`). Default: the origin this module was loaded from.
 * @attr {string} client-id - Client id for `/ws/{clientId}`. Default: one generated once and remembered in `localStorage` under `parley.clientId`.
 * @attr {boolean} auto-connect - Connect as soon as the element is in the document.
 * @attr {string} lang - Language of the element's words: `en` (default) or `es`.
 * @attr {string} heading - The title in the header (default "Parley").
 * @attr {string} subheading - The line under the title.
 * @attr {boolean} dev - Developer chrome: Connect/Disconnect, raw JSON links, the activity feed.
 * @attr {boolean} show-feed - The activity feed alone.
 * @attr {number} feed-limit - Most lines shown in the activity feed (default 200).
 *
 * @prop {Partial<Strings>} strings - Replaces any of the element's words (see `web/strings/en.js`).
 *
 * @fires {CustomEvent} parley-connection - The connection state changed.
 * @fires {CustomEvent} parley-frame - Any frame arrived (also unknown types).
 * @fires {CustomEvent} parley-status - A `status` frame.
 * @fires {CustomEvent} parley-progress - A `progress` frame.
 * @fires {CustomEvent} parley-question - A question waits for an answer.
 * @fires {CustomEvent} parley-answer - The person sent an answer.
 * @fires {CustomEvent} parley-result - An agent's result.
 * @fires {CustomEvent} parley-complete - The brief is ready.
 * @fires {CustomEvent} parley-error - An error from the server, the connection or the client.
 * @fires {CustomEvent} parley-reset - The element moved to a new conversation.
 * @fires {CustomEvent} parley-session - A session started or was resumed.
 * @fires {CustomEvent} parley-answered - The server accepted an answer, from this tab or another.
 * @fires {CustomEvent} parley-cancelled - The conversation was stopped (here or in another tab).
 * @fires {CustomEvent} parley-origin-refused - The server refuses this page's origin.
 *
 * @csspart base - The element's inner frame.
 * @csspart header - Title and connection.
 * @csspart title - The title.
 * @csspart subtitle - The line under the title.
 * @csspart connection - The connection state pill.
 * @csspart connect-button - The Connect / Disconnect button (with `dev`).
 * @csspart connection-notice - The connection notice: countdown, lost session, refused origin.
 * @csspart announcer - The one polite live region (visually hidden).
 * @csspart session - The row with the Stop and Start over buttons.
 * @csspart session-link - The raw JSON and Markdown links (with `dev`).
 * @csspart stop-button - The Stop button.
 * @csspart restart-button - The Start over button.
 * @csspart dialog - The confirmation dialog of Stop and Start over.
 * @csspart notice - Every notice: stopped, answered in another tab, connection.
 * @csspart pipeline - The progress panel.
 * @csspart stage - Each pipeline stage (also `stage-pending`, `stage-active`, `stage-done`, `stage-failed`).
 * @csspart now - The line saying what happens now.
 * @csspart interview - The interview panel.
 * @csspart transcript - The scrollable list of questions and answers.
 * @csspart sending - "Sending…" under an answer on its way.
 * @csspart question - The form with the current question.
 * @csspart input - The answer textarea.
 * @csspart newline - The New line button (touch screens).
 * @csspart send - The Send button.
 * @csspart activity - The activity panel (with `dev` or `show-feed`).
 * @csspart feed - The activity feed's scrolling box.
 * @csspart results - The result cards' container (before the brief is ready).
 * @csspart card - Each result card (also `card-{agent}`).
 * @csspart draft - A card or brief still being written.
 * @csspart risk-grid - The risk likelihood × impact grid.
 * @csspart why - A "Why?" button with the person's words behind a finding.
 * @csspart summary - The brief panel.
 * @csspart brief - The rendered Markdown brief.
 * @csspart brief-details - The agents' cards inside the brief.
 * @csspart actions - Download, copy and print buttons.
 * @csspart share-link - The link to the shareable page of the brief.
 * @csspart review - The review form: what the Clarifier understood, to fix before the analysis.
 * @csspart review-field - Each field of the review form (label, input and its Why?).
 * @csspart review-ok - The Looks right button of the review form.
 * @csspart review-save - The Save changes button of the review form.
 * @csspart edit-button - The Edit button under each answer in the transcript.
 * @csspart edit - The inline form that edits an answer.
 * @csspart edit-save - The Save button of an answer's edit.
 * @csspart version - The version badge of a brief after the first.
 * @csspart changes - Brief v2 and later: what changed, and the previous version's button.
 * @csspart previous-button - The button that shows or hides the previous version.
 * @csspart previous - The previous version of the brief, when shown.
 * @csspart error - Every inline error message.
 *
 * @cssprop [--parley-bg=#ffffff] - Background.
 * @cssprop [--parley-surface=#f6f7fb] - Background of panels and bubbles.
 * @cssprop [--parley-fg=#1b1e28] - Text colour.
 * @cssprop [--parley-muted=#5d6475] - Secondary text.
 * @cssprop [--parley-border=#e2e5ee] - Borders.
 * @cssprop [--parley-accent=#4f46e5] - Accent: progress, answers, primary buttons.
 * @cssprop [--parley-accent-fg=#ffffff] - Text on the accent.
 * @cssprop [--parley-accent-soft=#eef0ff] - Soft accent background (tags).
 * @cssprop [--parley-danger=#c0262d] - Errors and high risk.
 * @cssprop [--parley-danger-soft=#fdeced] - Error backgrounds.
 * @cssprop [--parley-success=#1c7c4b] - Connected, low risk.
 * @cssprop [--parley-warning=#8a4f00] - Connecting, medium risk.
 * @cssprop [--parley-focus=#2563eb] - Focus ring.
 * @cssprop [--parley-radius=12px] - Corner radius.
 * @cssprop [--parley-gap=1rem] - Spacing between panels.
 * @cssprop [--parley-font=system-ui] - Font family.
 * @cssprop [--parley-mono-font=ui-monospace] - Monospace font family.
 * @cssprop [--parley-feed-height=26rem] - Most height of the activity feed (it scrolls).
 * @cssprop [--parley-transcript-height=26rem] - Most height of the transcript (it scrolls).
 */
export class ParleyConversation extends LitElement {
  /**
   * The reactive properties: the public attributes above, and internal state.
   *
   * @override
   */
  static properties = {
    server: { type: String },
    clientId: { type: String, attribute: "client-id" },
    autoConnect: { type: Boolean, attribute: "auto-connect" },
    feedLimit: { type: Number, attribute: "feed-limit" },
    lang: { type: String, reflect: true },
    heading: { type: String },
    subheading: { type: String },
    dev: { type: Boolean },
    showFeed: { type: Boolean, attribute: "show-feed" },
    strings: { attribute: false },
    _draft: { state: true },
    _answerError: { state: true },
    _generalError: { state: true },
    _actionMessage: { state: true },
    _answeredElsewhere: { state: true },
    _confirm: { state: true },
    _refusedOrigin: { state: true },
    _announce: { state: true },
    _editing: { state: true },
    _editDraft: { state: true },
    _editNotice: { state: true },
    _reviewDrafts: { state: true },
    _reviewError: { state: true },
    _previous: { state: true },
  };

  /**
   * The element's styles: the shared base, then each view's.
   *
   * @override
   */
  static styles = [
    baseStyles,
    headerStyles,
    progressStyles,
    interviewStyles,
    feedStyles,
    cardStyles,
    briefStyles,
    confirmStyles,
    reviewStyles,
  ];

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
    /** @type {string | undefined} */
    this.heading = undefined;
    /** @type {string | undefined} */
    this.subheading = undefined;
    /** @type {boolean} */
    this.dev = false;
    /** @type {boolean} */
    this.showFeed = false;
    /** @type {Partial<Strings> | null} */
    this.strings = null;
    /** @type {string} */
    this._draft = "";
    /** @type {string | null} */
    this._answerError = null;
    /** @type {ConversationError | null} */
    this._generalError = null;
    /** @type {string} */
    this._actionMessage = "";
    /** @type {boolean} */
    this._answeredElsewhere = false;
    /** @type {"stop" | "restart" | null} */
    this._confirm = null;
    /** @type {string | null} */
    this._refusedOrigin = null;
    /** @type {string | null} */
    this._editing = null;
    /** @type {string} */
    this._editDraft = "";
    /** @type {{questionId: string, text: string, error: boolean} | null} */
    this._editNotice = null;
    /** The question the edit in flight was for (to show its acknowledgement or error). */
    this._editSentFor = /** @type {string | null} */ (null);
    /** @type {Record<string, string>} */
    this._reviewDrafts = {};
    /** The review question the drafts belong to. @type {string | null} */
    this._reviewFor = null;
    /** @type {string | null} */
    this._reviewError = null;
    /** @type {{state: "loading" | "error" | "shown", version: number, text: string} | null} */
    this._previous = null;
    /** What the live region says now. @type {string} */
    this._announce = "";
    /** Results on screen; they follow the client's, one new card per frame. @type {Map<string, unknown>} */
    this._shownResults = new Map();
    /** @type {string | null} */
    this._shownSummary = null;
    /** Drafts on screen, by agent. @type {Map<string, AgentStream>} */
    this._drafts = new Map();
    this._morePending = false;
    /** The question on screen after the last update (to tell "answered elsewhere"). @type {string | null} */
    this._renderedQuestion = null;
    this._answerSent = false;
    this._userClosed = false;
    this._everLive = false;
    this._probing = false;
    this._briefFocused = false;
    this._transcriptKey = "";
    this._stickToBottom = true;
    /** When the previous client reported its next retry (clients without `retryAt`). */
    this._retryAtFallback = /** @type {number | null} */ (null);
    /** Announced already: question ids and milestones. @type {string} */
    this._announcedKey = "";
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this._tick = undefined;
    /**
     * The words for one `lang` and `strings`, kept while they stay the same, so the cards
     * (rebuilt when their words change) are not rebuilt on every render.
     * @type {{lang: string, overrides: Partial<Strings> | null, words: Strings, cardWords: (english: string) => string} | null}
     */
    this._wordsMemo = null;
    this._touch = typeof matchMedia === "function" && matchMedia("(pointer: coarse)").matches;
    this._conversation = new ConversationController(this, {
      onClient: (client) => this.#listen(client),
    });
    this._onBeforePrint = () => this.#openBriefSections();
    this._on = this.#handlers();
    schemasReady.then(() => this.requestUpdate(), () => {});
  }

  /**
   * The client behind the element (for programs that want the raw state).
   *
   * @returns {ConversationClient | null}
   */
  get client() {
    return this._conversation.client;
  }

  /**
   * The words the element shows now: its `lang`'s, with `strings` on top.
   *
   * @returns {Strings}
   */
  get words() {
    const lang = this.lang || this.closest("[lang]")?.getAttribute("lang") || "";
    const memo = this._wordsMemo;
    if (memo && memo.lang === lang && memo.overrides === this.strings) return memo.words;
    const words = stringsFor(lang, this.strings);
    const cards = words.cards;
    /** @type {(english: string) => string} */
    const cardWords = (english) => cards[english] ?? english;
    this._wordsMemo = { lang, overrides: this.strings, words, cardWords };
    return words;
  }

  /** Connects now (also without `auto-connect`). */
  connect() {
    this._userClosed = false;
    this.#ensureClient();
    this.client?.connect();
  }

  /** Disconnects and stops reconnecting. */
  disconnect() {
    this._userClosed = true;
    this.client?.disconnect();
  }

  /**
   * Added to a document: listens for printing (the brief's sections open to print).
   *
   * @override
   */
  connectedCallback() {
    super.connectedCallback();
    globalThis.addEventListener?.("beforeprint", this._onBeforePrint);
  }

  /**
   * Removed from a document: stops listening for printing.
   *
   * @override
   */
  disconnectedCallback() {
    super.disconnectedCallback();
    globalThis.removeEventListener?.("beforeprint", this._onBeforePrint);
    clearTimeout(this._tick);
  }

  /**
   * Before a render: a new `server`, `clientId` or `autoConnect` makes a new client; new
   * cards come on screen and news is announced to screen readers.
   *
   * @override
   * @param {import("lit").PropertyValues<this>} changed
   */
  willUpdate(changed) {
    if (changed.has("server") || changed.has("clientId") || changed.has("autoConnect")) {
      this.#ensureClient();
    }
    this.#catchUp();
    this.#announce();
  }

  /**
   * Brings at most one new card (or the brief) on screen per update: a burst of results
   * then costs one card per frame, and everything else is on screen in the next frame.
   */
  #catchUp() {
    const snap = this.client?.getSnapshot();
    const results = snap?.agentResults ?? {};
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
    const summary = snap?.finalSummary ?? null;
    if (summary !== this._shownSummary) {
      if (summary === null || budget > 0) this._shownSummary = summary;
      else pending = true;
    }
    if (summary === null) this._briefFocused = false;
    this._morePending = pending;
    // A closed draft stays until its final card (or the brief) is on screen, so a card
    // never blinks out between draft and result.
    /** @type {Map<string, AgentStream>} */
    const drafts = new Map(Object.entries(snap?.streams ?? {}));
    for (const [agent, draft] of this._drafts) {
      if (drafts.has(agent)) continue;
      const waiting = agent === "summary"
        ? summary !== null && this._shownSummary !== summary
        : Object.hasOwn(results, agent) && next.get(agent) !== results[agent];
      if (waiting) drafts.set(agent, draft);
    }
    this._drafts = drafts;
  }

  /** Puts new questions and milestones in the live region (never the person's answers). */
  #announce() {
    const snap = this.#snap();
    const s = this.words;
    const q = snap.currentQuestion;
    const key = snap.complete
      ? `complete:${snap.version ?? 1}`
      : snap.cancelled
      ? "cancelled"
      : snap.sessionLost
      ? "lost"
      : this._refusedOrigin
      ? "refused"
      : q
      ? `q:${q.id}`
      : "";
    if (key === this._announcedKey || key === "") return;
    this._announcedKey = key;
    this._announce = key.startsWith("complete:")
      ? (snap.version ?? 1) > 1 ? s.briefUpdated(snap.version ?? 1) : s.briefReady
      : key === "cancelled"
      ? s.stopped
      : key === "lost"
      ? s.sessionLost
      : key === "refused"
      ? s.originRefused(location.origin, this._refusedOrigin ?? "")
      : q
      ? `${questionLine(snap, s)}. ${q.question}`
      : "";
  }

  /**
   * Renders at most once per animation frame: a burst of frames costs one render. Pages
   * that get no animation frames (hidden) fall back to a timer, so a second tab stays
   * current.
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

  /**
   * After the first render: marks `parley:ready` for performance measures.
   *
   * @override
   */
  firstUpdated() {
    performance.mark("parley:ready");
  }

  /**
   * After a render: moves focus and scroll where the change calls for them.
   *
   * @override
   * @param {import("lit").PropertyValues<this>} changed
   */
  updated(changed) {
    if (this._morePending) this.requestUpdate();
    const snap = this.#snap();
    const question = snap.currentQuestion?.id ?? null;
    const newQuestion = question !== null && question !== this._renderedQuestion;
    this._renderedQuestion = question;
    if (newQuestion) this.#focusAnswer();
    if (this._shownSummary !== null && !this._briefFocused) {
      this._briefFocused = true;
      const panel = /** @type {HTMLElement | null} */ (this.renderRoot.querySelector(".brief"));
      panel?.focus({ preventScroll: true });
      panel?.scrollIntoView({ block: "start" });
    }
    const dialog = /** @type {HTMLDialogElement | null} */ (
      this.renderRoot.querySelector("dialog")
    );
    if (changed.has("_confirm") && dialog) {
      if (this._confirm && !dialog.open) dialog.showModal();
      else if (!this._confirm && dialog.open) dialog.close();
    }
    if (this._stickToBottom) {
      const box = this.renderRoot.querySelector(".feed-box");
      if (box) box.scrollTop = box.scrollHeight;
    }
    // Keep the newest answer in view, as a chat does.
    const key = `${snap.transcript.length}:${
      snap.transcript.filter((e) => e.answer !== null).length
    }`;
    if (key !== this._transcriptKey) {
      this._transcriptKey = key;
      const box = this.renderRoot.querySelector(".transcript-box");
      if (box) box.scrollTop = box.scrollHeight;
    }
    // The reconnect countdown ticks once a second while it shows.
    clearTimeout(this._tick);
    if (snap.retryAt !== null && snap.state === "reconnecting") {
      this._tick = setTimeout(() => this.requestUpdate(), 1000);
    }
  }

  /** Moves focus to the answer box, unless the person is busy elsewhere on the page. */
  #focusAnswer() {
    const active = document.activeElement;
    if (active && active !== document.body && active !== this) return;
    const inner = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    if (inner && inner.tagName !== "TEXTAREA" && inner.tagName !== "BUTTON") return;
    /** @type {HTMLTextAreaElement | null} */
    const box = this.renderRoot.querySelector("#answer");
    box?.focus({ preventScroll: true });
  }

  #ensureClient() {
    this._conversation.configure({
      server: this.server || defaultServer(),
      clientId: this.clientId || rememberedClientId(),
      autoConnect: this.autoConnect,
    });
  }

  /**
   * The client's snapshot with the fields of newer clients filled in.
   * @returns {Snap}
   */
  #snap() {
    const client = this.client;
    const raw = /** @type {Record<string, any> | null} */ (client?.getSnapshot() ?? null);
    if (!raw || !client) {
      return {
        state: "idle",
        retryAt: null,
        pending: [],
        sessionLost: false,
        idea: null,
        progress: null,
        complete: false,
        stage: null,
        stages: {},
        currentQuestion: null,
        transcript: [],
        cancelled: false,
        cancelMessage: "",
        messages: [],
        sessionUrl: null,
        briefUrl: null,
        version: null,
        changes: null,
      };
    }
    const last = lastComplete(raw.messages ?? []);
    /** @type {readonly TranscriptEntry[]} */
    const transcript = withEdits(raw.transcript ?? [], raw.messages ?? []);
    const question = /** @type {QuestionData | null} */ (raw.currentQuestion ?? null);
    const state = raw.state === "open" ? "live" : /** @type {Connection} */ (raw.state);
    return {
      state,
      retryAt: typeof raw.retryAt === "number" ? raw.retryAt : this._retryAtFallback,
      pending: Array.isArray(raw.pending) ? raw.pending : [],
      sessionLost: raw.sessionLost === true,
      idea: typeof raw.idea === "string"
        ? raw.idea
        : transcript.find((e) => e.answer !== null)?.answer ?? null,
      progress: raw.progress ?? /** @type {any} */ (question)?.progress ?? null,
      complete: typeof raw.complete === "boolean" ? raw.complete : raw.finalSummary != null,
      stage: raw.stage ?? null,
      stages: raw.stages ?? {},
      currentQuestion: question,
      transcript,
      cancelled: raw.cancelled === true,
      cancelMessage: client.cancelMessage ?? "",
      messages: raw.messages ?? [],
      sessionUrl: raw.sessionUrl ?? null,
      briefUrl: raw.briefUrl ?? null,
      version: typeof raw.version === "number" ? raw.version : last.version,
      changes: Array.isArray(raw.versions) && raw.versions.length
        ? raw.versions.at(-1)?.changes ?? null
        : last.changes,
    };
  }

  /** @param {ConversationClient} client */
  #listen(client) {
    this._answerError = this._generalError = this._refusedOrigin = null;
    this._everLive = false;
    for (const from of RELAYED) {
      client.addEventListener(from, (e) => {
        this.#fire(`parley-${from}`, /** @type {CustomEvent} */ (e).detail);
      });
    }
    client.addEventListener("frame", (e) => {
      this.#fire("parley-frame", /** @type {CustomEvent<AnyFrame>} */ (e).detail);
    });
    client.addEventListener("frame", (e) => {
      const f = /** @type {CustomEvent<AnyFrame>} */ (e).detail;
      const d = /** @type {Record<string, unknown>} */ (f?.data ?? {});
      if (f?.type === "edited" && typeof d.questionId === "string") {
        const version = typeof d.version === "number" ? d.version : 2;
        this._editNotice = {
          questionId: d.questionId,
          text: this.words.editAccepted(version),
          error: false,
        };
        this._editSentFor = null;
        this._previous = null;
      } else if (f?.type === "complete") this._previous = null;
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
      this._generalError = null;
      this._answerError = null;
      this._answeredElsewhere = false;
      this._shownResults = new Map();
      this._drafts = new Map();
    });
    client.addEventListener("connection", (e) => {
      const { state, delayMs } = /** @type {CustomEvent} */ (e).detail;
      if (state === "open" || state === "live") {
        this._everLive = true;
        this._refusedOrigin = null;
      }
      this._retryAtFallback = state === "reconnecting" && typeof delayMs === "number"
        ? Date.now() + delayMs
        : null;
      if ((state === "reconnecting" || state === "closed") && !this._everLive) {
        this.#probeOrigin(client);
      }
    });
    client.addEventListener("error", (e) => {
      const err = /** @type {CustomEvent<ConversationError>} */ (e).detail;
      this.#fire("parley-error", err);
      if (err.source === "connection") return; // the connection notice says it in words
      if (this._editSentFor && err.code && EDIT_ERRORS.has(err.code)) {
        this._editNotice = { questionId: this._editSentFor, text: err.message, error: true };
        this._editSentFor = null;
        return;
      }
      if (
        this._reviewFor && this.#snap().currentQuestion?.id === this._reviewFor &&
        err.code && ANSWER_ERRORS.has(err.code) && this._answerSent
      ) {
        this._reviewError = err.message;
      }
      if (err.code && ANSWER_ERRORS.has(err.code)) {
        // Every tab on a session sees every error: only the tab that answered shows it.
        if (err.source !== "server" || this._answerSent) this._answerError = err.message;
      } else if (!err.agent && err.code !== "bad_token") this._generalError = err;
    });
  }

  /**
   * A socket that never opened may be a server that refuses this page's origin (HTTP 403,
   * which a page cannot see). A CORS request that fails where an opaque one succeeds
   * says so: the server is up but does not allow this origin.
   * @param {ConversationClient} client
   */
  async #probeOrigin(client) {
    if (this._probing || this._refusedOrigin) return;
    this._probing = true;
    try {
      const url = new URL(client.url);
      url.protocol = url.protocol === "wss:" ? "https:" : "http:";
      const health = `${url.origin}/healthz`;
      if (url.origin === location.origin) return;
      try {
        await fetch(health, { mode: "cors", cache: "no-store", credentials: "omit" });
        return; // allowed: the server is simply down or busy
      } catch { /* refused, or down */ }
      try {
        await fetch(health, { mode: "no-cors", cache: "no-store", credentials: "omit" });
      } catch {
        return; // down
      }
      if (this.client !== client) return;
      this._refusedOrigin = url.origin;
      client.disconnect(1000, "Origin refused");
      this._userClosed = true;
      this.#fire("parley-origin-refused", { server: url.origin, origin: location.origin });
    } finally {
      this._probing = false;
    }
  }

  /**
   * @param {string} type
   * @param {unknown} detail
   */
  #fire(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  // -------------------------------------------------------------------------------------
  // Rendering

  /**
   * The whole element, from a snapshot of the client's state.
   *
   * @override
   * @returns {import("lit").TemplateResult}
   */
  render() {
    const snap = this.#snap();
    const s = this.words;
    /** @type {Map<string, string>} */
    const agentErrors = new Map();
    for (const f of snap.messages) {
      const d = /** @type {Record<string, unknown>} */ (f.data ?? {});
      if (f.type === "error" && typeof d.agent === "string") {
        agentErrors.set(d.agent, String(d.message ?? ""));
      }
    }
    /** @type {View} */
    const v = {
      s,
      cardWords: this._wordsMemo?.cardWords ?? ((english) => english),
      snap,
      title: this.heading ?? "",
      subtitle: this.subheading,
      dev: this.dev,
      touch: this._touch,
      now: Date.now(),
      feedLimit: Math.max(1, this.feedLimit || 200),
      draft: this._draft,
      answerError: this._answerError,
      answeredElsewhere: this._answeredElsewhere,
      actionMessage: this._actionMessage,
      refusedOrigin: this._refusedOrigin,
      userClosed: this._userClosed,
      confirm: this._confirm,
      canFinish: typeof /** @type {any} */ (this.client)?.finish === "function",
      results: this._shownResults,
      drafts: this._drafts,
      agentErrors,
      summary: this._shownSummary,
      canEdit: typeof /** @type {any} */ (this.client)?.edit === "function",
      editing: this._editing,
      editDraft: this._editDraft,
      editNotice: this._editNotice,
      reviewDrafts: this._reviewDrafts,
      reviewError: this._reviewError,
      version: snap.version ?? null,
      changes: snap.changes ?? null,
      previous: this._previous,
      on: this._on,
    };
    const done = this._shownSummary !== null;
    const error = this._generalError
      ? html`<p class="error" part="error">${this._generalError.message}</p>`
      : nothing;
    const stopped = snap.cancelled
      ? html`<p class="notice stopped warn" part="notice">${
        s.stoppedNotice(
          snap.cancelMessage,
        )
      }</p>`
      : nothing;
    const main = html`<div class="main">
      ${interview(v)} ${this.dev || this.showFeed ? feed(v) : nothing}
    </div>`;
    return html`<div class="shell" part="base">
      ${header(v)} ${connectionNotice(v)}
      <p class="visually-hidden" part="announcer" aria-live="polite">${this._announce}</p>
      ${
      done
        ? html`${brief(v)} ${actions(v)} ${error} ${main} ${progress(v)}`
        : html`${actions(v)} ${progress(v)} ${error} ${stopped} ${main} ${results(v)} ${
          brief(
            v,
          )
        }`
    }
      ${confirmDialog(v)}
    </div>`;
  }

  // -------------------------------------------------------------------------------------
  // Interaction

  /** The handlers views call, bound once. */
  #handlers() {
    return {
      connect: () => this.connect(),
      disconnect: () => this.disconnect(),
      /** @param {Event} e */
      input: (e) => {
        this._draft = /** @type {HTMLTextAreaElement} */ (e.target).value;
      },
      /** @param {Event} e */
      keydown: (e) => {
        const k = /** @type {KeyboardEvent} */ (e);
        // On touch screens Enter adds a line (the keyboard has no Shift+Enter); Send sends.
        if (this._touch) return;
        if (k.key === "Enter" && !k.shiftKey && !k.isComposing && !k.altKey && !k.ctrlKey) {
          k.preventDefault();
          this.#send();
        }
      },
      newLine: () => {
        /** @type {HTMLTextAreaElement | null} */
        const box = this.renderRoot.querySelector("#answer");
        if (!box) return;
        box.setRangeText("\n", box.selectionStart, box.selectionEnd, "end");
        this._draft = box.value;
        box.focus();
      },
      /** @param {Event} e */
      submit: (e) => {
        e.preventDefault();
        this.#send();
      },
      askStop: () => {
        this._confirm = "stop";
      },
      askRestart: () => {
        const answered = this.#snap().transcript.some((e) => e.answer !== null);
        if (answered) this._confirm = "restart";
        else this.#restart("");
      },
      cancelConfirm: () => {
        this._confirm = null;
      },
      confirmClosed: () => {
        this._confirm = null;
      },
      stop: () => {
        this._confirm = null;
        this.client?.cancel();
      },
      finish: () => {
        this._confirm = null;
        /** @type {any} */ (this.client)?.finish?.();
      },
      restart: () => {
        this._confirm = null;
        this.#restart("");
      },
      startAgainSameIdea: () => this.#restart(this.#snap().idea ?? ""),
      retryNow: () => {
        const client = /** @type {any} */ (this.client);
        this._userClosed = false;
        if (typeof client?.retryNow === "function") client.retryNow();
        else {
          client?.disconnect();
          client?.connect();
        }
      },
      feedScroll: () => {
        const box = /** @type {HTMLElement | null} */ (this.renderRoot.querySelector(".feed-box"));
        if (box) this._stickToBottom = box.scrollTop + box.clientHeight >= box.scrollHeight - 24;
      },
      downloadMarkdown: () =>
        this.#download(`${this.#fileName()}.md`, this.#briefMarkdown(), "text/markdown"),
      downloadJson: () =>
        this.#download(`${this.#fileName()}.json`, this.#briefJson(), "application/json"),
      copy: () => this.#copy(),
      /** @param {Event} e */
      reviewInput: (e) => {
        const input = /** @type {HTMLInputElement} */ (e.target);
        this._reviewDrafts = { ...this._reviewDrafts, [input.name]: input.value };
      },
      reviewOk: () => this.#sendReview({}),
      /** @param {Event} e */
      reviewSave: (e) => {
        e.preventDefault();
        const review = reviewOf(this.#snap().currentQuestion);
        if (!review) return;
        const changes = reviewChanges(review.requirements, this._reviewDrafts);
        if (Object.keys(changes).length === 0) {
          this._reviewError = this.words.review.noChanges;
          return;
        }
        this.#sendReview(changes);
      },
      /** @param {Event} e */
      editStart: (e) => {
        const id = /** @type {HTMLElement} */ (e.currentTarget).dataset.edit ?? null;
        const entry = this.#snap().transcript.find((x) => x.id === id);
        this._editing = id;
        this._editDraft = entry?.answer ?? "";
        this._editNotice = null;
        this.updateComplete.then(() => {
          /** @type {HTMLTextAreaElement | null} */
          const box = this.renderRoot.querySelector(".edit-input");
          box?.focus();
          box?.select();
        });
      },
      /** @param {Event} e */
      editInput: (e) => {
        this._editDraft = /** @type {HTMLTextAreaElement} */ (e.target).value;
      },
      editCancel: () => this.#endEdit(),
      /** @param {Event} e */
      editKeydown: (e) => {
        if (/** @type {KeyboardEvent} */ (e).key === "Escape") {
          e.preventDefault();
          this.#endEdit();
        }
      },
      /** @param {Event} e */
      editSave: (e) => {
        e.preventDefault();
        this.#sendEdit();
      },
      togglePrevious: () => this.#togglePrevious(),
      print: () => {
        this.#openBriefSections();
        globalThis.print?.();
      },
    };
  }

  /**
   * Sends the review: `{}` accepts what was understood.
   * @param {Record<string, string | string[]>} changes
   */
  #sendReview(changes) {
    const client = /** @type {any} */ (this.client);
    const question = this.#snap().currentQuestion;
    if (!client || !question) return;
    if (typeof client.review !== "function") {
      this._reviewError = this.words.review.cannot;
      return;
    }
    try {
      if (client.review(changes) !== false) {
        this._answerSent = true;
        this._reviewError = null;
        this._reviewFor = question.id;
      }
    } catch (err) {
      this._reviewError = err instanceof Error ? err.message : String(err);
    }
  }

  /** Sends the edit being typed. */
  #sendEdit() {
    const client = /** @type {any} */ (this.client);
    const id = this._editing;
    if (!client || !id) return;
    const s = this.words;
    const answer = this._editDraft.trim();
    if (!answer) {
      this._editNotice = { questionId: id, text: s.editEmpty, error: true };
      return;
    }
    if (typeof client.edit !== "function") {
      this._editNotice = { questionId: id, text: s.editCannot, error: true };
      return;
    }
    try {
      if (client.edit(id, answer) !== false) {
        this._editSentFor = id;
        this._editNotice = { questionId: id, text: s.editSent, error: false };
        this.#endEdit();
      }
    } catch (err) {
      this._editNotice = {
        questionId: id,
        text: err instanceof Error ? err.message : String(err),
        error: true,
      };
    }
  }

  /** Closes the inline edit and puts focus back on its Edit button. */
  #endEdit() {
    const id = this._editing;
    this._editing = null;
    this._editDraft = "";
    if (!id) return;
    this.updateComplete.then(() => {
      for (const b of this.renderRoot.querySelectorAll(".edit-button")) {
        if (/** @type {HTMLElement} */ (b).dataset.edit === id) {
          /** @type {HTMLElement} */ (b).focus();
        }
      }
    });
  }

  /**
   * Shows (fetching it from the versions endpoint, the token in an `Authorization`
   * header, as the share page does) or hides the previous version of the brief.
   */
  async #togglePrevious() {
    if (this._previous) {
      this._previous = null;
      return;
    }
    const snap = this.#snap();
    const version = (snap.version ?? 1) - 1;
    if (version < 1) return;
    const kept = /** @type {{version?: unknown, summary?: unknown}[] | undefined} */ (
      /** @type {any} */ (this.client?.getSnapshot())?.versions
    );
    const fromClient = kept?.find((x) => x.version === version)?.summary;
    const fromFrames = typeof fromClient === "string"
      ? fromClient
      : previousSummary(snap.messages, version);
    if (fromFrames !== null) {
      this._previous = { state: "shown", version, text: fromFrames };
      return;
    }
    this._previous = { state: "loading", version, text: "" };
    try {
      const url = new URL(snap.briefUrl ?? "");
      const token = url.searchParams.get("token") ?? "";
      url.search = "";
      url.pathname = url.pathname.replace(/\/brief\.md$/, `/versions/${version}`);
      const res = await fetch(url, {
        headers: { Authorization: `Bearer ${token}` },
        cache: "no-store",
        credentials: "omit",
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body = /** @type {{summary?: unknown}} */ (await res.json());
      if (typeof body.summary !== "string") throw new Error("no summary in the answer");
      if (this._previous?.version === version) {
        this._previous = { state: "shown", version, text: body.summary };
      }
    } catch (err) {
      if (this._previous?.version === version) {
        this._previous = {
          state: "error",
          version,
          text: err instanceof Error ? err.message : String(err),
        };
      }
    }
  }

  /** @param {string} idea Put in the answer box of the new conversation's first question. */
  #restart(idea) {
    this._draft = idea;
    this._announcedKey = "";
    this.client?.restart();
  }

  /** Opens the brief's collapsed sections, so a printout holds all of them. */
  #openBriefSections() {
    for (const d of this.renderRoot.querySelectorAll(".brief details")) {
      /** @type {HTMLDetailsElement} */ (d).open = true;
    }
  }

  #send() {
    const client = this.client;
    const question = client?.currentQuestion;
    const answer = this._draft.trim();
    const s = this.words;
    if (!client || !question) {
      this._answerError = s.noQuestion;
      return;
    }
    if (!answer) {
      this._answerError = s.typeFirst;
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

  /**
   * @param {string} name
   * @param {string} text
   * @param {string} type
   */
  #download(name, text, type) {
    const s = this.words;
    try {
      const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      a.rel = "noopener";
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this._actionMessage = s.downloaded(name);
    } catch (err) {
      this._actionMessage = s.cannotDownload(err instanceof Error ? err.message : String(err));
    }
  }

  async #copy() {
    const s = this.words;
    try {
      await navigator.clipboard.writeText(this.#briefMarkdown());
      this._actionMessage = s.copied;
    } catch (err) {
      this._actionMessage = s.cannotCopy(err instanceof Error ? err.message : String(err));
    }
  }
}

/**
 * The Markdown of one version of the brief, if the client still holds its `complete`.
 * @param {readonly AnyFrame[]} frames
 * @param {number} version
 * @returns {string | null}
 */
function previousSummary(frames, version) {
  let n = 0;
  for (const f of frames) {
    if (f?.type !== "complete") continue;
    const d = /** @type {Record<string, unknown>} */ (f.data ?? {});
    n = typeof d.version === "number" ? d.version : n + 1;
    if (n === version && typeof d.summary === "string") return d.summary;
  }
  return null;
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

if (!customElements.get("parley-conversation")) {
  customElements.define("parley-conversation", ParleyConversation);
}
