// @ts-check
/**
 * Every word `<parley-conversation>` shows, in English. Another language is a file of the
 * same shape (`es.js`); a host replaces any of them through the element's `strings`
 * property. Entries that take values are functions.
 *
 * @module
 */

/** The English strings (the default, and the shape every language follows). */
export const en = {
  lang: "en",
  title: "Parley",
  subtitle: "From an idea to a product brief",
  // Connection, in plain words
  connection: {
    idle: "Not connected",
    connecting: "Connecting…",
    live: "Connected",
    reconnecting: "Reconnecting…",
    offline: "You are offline",
    closed: "Disconnected",
  },
  /** @param {number} seconds */
  retryIn: (seconds) => `Connection lost. Trying again in ${seconds} s.`,
  retrying: "Connection lost. Trying again now…",
  offlineNotice: "You are offline. Your answers wait here and are sent when you are back.",
  closedNotice: "Not connected to Parley.",
  retryNow: "Retry now",
  connect: "Connect",
  disconnect: "Disconnect",
  sessionLost:
    "The server no longer has this conversation. What you said is still shown below; you can start again with the same idea.",
  startAgainSameIdea: "Start again with the same idea",
  /**
   * @param {string} origin
   * @param {string} server
   */
  originRefused: (origin, server) =>
    `This page (${origin}) is not allowed to use the Parley server at ${server}. Ask whoever runs that server to add this address to CORS_ORIGINS.`,
  // Stages
  stages: /** @type {Record<string, string>} */ ({
    clarifier: "Interview",
    product: "Product",
    customer: "Customers",
    engineer: "Engineering",
    risk: "Risks",
    summary: "Brief",
  }),
  stageState: /** @type {Record<string, string>} */ ({
    pending: "not started",
    active: "running",
    done: "done",
    failed: "failed",
  }),
  progressLabel: "Progress",
  /**
   * @param {number} done
   * @param {number} total
   * @param {string} now
   */
  progressValue: (done, total, now) => `${done} of ${total} steps done: ${now}`,
  notStarted: "Not started yet",
  briefReady: "Your brief is ready",
  stopped: "Stopped",
  analysing: "Analysing your answers…",
  /** @param {string} stage */
  working: (stage) => `${stage}: working on it…`,
  /** @param {number} n */
  question: (n) => `Question ${n}`,
  /**
   * @param {number} n
   * @param {number} total
   */
  questionOfAbout: (n, total) => `Question ${n} of about ${total}`,
  /** @param {number} round */
  round: (round) => `Round ${round}`,
  /**
   * @param {number} round
   * @param {number} rounds
   */
  roundOf: (round, rounds) => `Round ${round} of ${rounds}`,
  topics: /** @type {Record<string, string>} */ ({
    idea: "Your idea",
    users: "Who it is for",
    platforms: "Where it runs",
    features: "Features",
    scale: "Scale",
    budget: "Budget",
    timeline: "Timeline",
    compliance: "Rules and compliance",
    jurisdiction: "Countries",
    review: "Check",
  }),
  // Interview
  interview: "Interview",
  yourAnswers: "Your answers",
  questionPrefix: "Question: ",
  answerPrefix: "Your answer: ",
  firstQuestionSoon: "The first question is on its way.",
  notStartedYet: "Not started yet.",
  answeredElsewhere: "Answered in another tab. The next question will show here too.",
  yourAnswer: "Your answer",
  typeAnswer: "Type your answer…",
  waitingNext: "Waiting for the next question…",
  connectToStart: "Connect to start the interview",
  hintKeys: "Enter sends · Shift+Enter adds a line",
  hintTouch: "Enter adds a line · tap Send when you are done",
  newLine: "New line",
  send: "Send",
  sending: "Sending…",
  waitingToSend: "Waiting to send…",
  noQuestion: "No question is waiting for an answer yet.",
  typeFirst: "Type an answer first.",
  // Actions
  stop: "Stop",
  stopLabel: "Stop the conversation",
  stopAsk: "Stop the conversation now?",
  stopBrief: "Brief me on what I have said so far",
  stopNow: "Stop without a brief",
  restart: "Start over",
  restartLabel: "Start over with a new conversation",
  restartAsk: "Start over? Your answers so far will be cleared from this page.",
  keepGoing: "Keep going",
  /** @param {string} message */
  stoppedNotice: (message) =>
    `Stopped. ${
      message ? message.replace(/[.!?]*$/, ".") : ""
    } Start over to begin a new conversation.`,
  // Results and brief
  agentsFound: "What the agents found",
  requirements: "Requirements",
  /** @param {string} agent */
  analysis: (agent) => `${agent}`,
  draft: "Draft · writing…",
  brief: "Your product brief",
  briefDetails: "In detail",
  downloadMarkdown: "Download Markdown",
  downloadJson: "Download JSON",
  copy: "Copy",
  print: "Print",
  share: "Open the shareable page",
  /** @param {string} name */
  downloaded: (name) => `Downloaded ${name}`,
  /** @param {string} error */
  cannotDownload: (error) => `Could not download: ${error}`,
  copied: "Copied the brief as Markdown",
  /** @param {string} error */
  cannotCopy: (error) => `Could not copy: ${error}. Use Download Markdown instead.`,
  why: "Why?",
  whyLabel: "Why this was written",
  /** @param {string} quote */
  youSaid: (quote) => `You said: “${quote}”`,
  later: "Later",
  excluded: "Not included",
  jurisdictions: "Countries",
  /** The words inside the agents' cards, by their English text (`result-cards.js`). */
  cards: /** @type {Record<string, string>} */ ({
    "Idea": "Idea",
    "Purpose": "Purpose",
    "Users": "Users",
    "Platforms": "Platforms",
    "Features": "Features",
    "Scale": "Scale",
    "Budget": "Budget",
    "Timeline": "Timeline",
    "Compliance": "Compliance",
    "Domains": "Domains",
    "Notes": "Notes",
    "Later": "Later",
    "Not included": "Not included",
    "Countries": "Countries",
    "Adoption risks": "Adoption risks",
    "As a": "As a",
    "Assumptions": "Assumptions",
    "Category": "Category",
    "Channels": "Channels",
    "Choice": "Choice",
    "Component": "Component",
    "Data": "Data",
    "Entity": "Entity",
    "Frustrations": "Frustrations",
    "Goals": "Goals",
    "I want": "I want",
    "ID": "ID",
    "Impact": "Impact",
    "Integration": "Integration",
    "Integrations": "Integrations",
    "Jobs to be done": "Jobs to be done",
    "Layer": "Layer",
    "Likelihood": "Likelihood",
    "Likelihood × impact": "Likelihood × impact",
    "MVP scope": "MVP scope",
    "Mitigation": "Mitigation",
    "Pains": "Pains",
    "Personas": "Personas",
    "Priority": "Priority",
    "Requirement": "Requirement",
    "Requirements": "Requirements",
    "Responsibility": "Responsibility",
    "Risk": "Risk",
    "Risk register": "Risk register",
    "Round": "Round",
    "Segments": "Segments",
    "Size": "Size",
    "So that": "So that",
    "Stack": "Stack",
    "Still unknown": "Still unknown",
    "Success metrics": "Success metrics",
    "User stories": "User stories",
    "Why": "Why",
    "Why?": "Why?",
    "about": "about",
    "complete": "complete",
    "person-weeks": "person-weeks",
    "risks": "risks",
    "low": "low",
    "medium": "medium",
    "high": "high",
    "must": "must",
    "should": "should",
    "could": "could",
    "wont": "wont",
    "low impact": "low impact",
    "medium impact": "medium impact",
    "high impact": "high impact",
  }),
  // The review of what was understood, editing answers, versions of the brief
  review: {
    title: "Is this what you meant?",
    intro: "Fix anything the agents misread, then save; or say it looks right.",
    fields: /** @type {Record<string, string>} */ ({
      purpose: "Idea",
      users: "Users (the group to win first goes first)",
      platforms: "Platforms now",
      later: "Later",
      features: "Features of the first version",
      scale: "Scale",
      budget: "Budget",
      timeline: "Timeline",
      jurisdictions: "Countries",
      compliance: "Compliance",
      excluded: "Not included",
    }),
    listHint: "Separate items with commas.",
    looksRight: "Looks right",
    save: "Save changes",
    noChanges: "Nothing changed yet: edit a field, or choose Looks right.",
    orType: "Or answer in your own words below.",
    cannot: "This client cannot send a review.",
  },
  edit: "Edit",
  /** @param {string} question */
  editLabel: (question) => `Edit your answer to: ${question}`,
  newAnswer: "New answer",
  saveEdit: "Save",
  cancelEdit: "Cancel",
  editEmpty: "Type the new answer first.",
  editSent: "Edit sent; the brief will be updated.",
  /** @param {number} version */
  editAccepted: (version) => `Edit accepted: working on version ${version} of the brief.`,
  editCannot: "This client cannot edit answers.",
  /** @param {number} version */
  briefVersion: (version) => `Version ${version}`,
  /** @param {number} version */
  briefUpdated: (version) => `Brief updated to version ${version}`,
  whatChanged: "What changed",
  /** @param {string} field @param {string} before @param {string} after */
  fieldChanged: (field, before, after) => `${field}: ${before || "—"} → ${after || "—"}`,
  /** @param {string} text */
  reqAdded: (text) => `Requirement added: ${text}`,
  /** @param {string} text */
  reqRemoved: (text) => `Requirement removed: ${text}`,
  /** @param {string} text */
  riskAdded: (text) => `Risk added: ${text}`,
  /** @param {string} text */
  riskRemoved: (text) => `Risk removed: ${text}`,
  /** @param {string} agents */
  rerunAgents: (agents) => `Re-run: ${agents}`,
  /** @param {string} agents */
  keptAgents: (agents) => `Kept: ${agents}`,
  /** @param {number} version */
  showVersion: (version) => `Show version ${version}`,
  /** @param {number} version */
  hideVersion: (version) => `Hide version ${version}`,
  /** @param {number} version */
  previousVersion: (version) => `Version ${version} (previous)`,
  loadingVersion: "Loading…",
  /** @param {string} why */
  cannotLoadVersion: (why) => `Cannot load that version: ${why}`,
  // Developer chrome
  activity: "Activity",
  nothingYet: "Nothing yet.",
  openJson: "Open as JSON",
  briefMarkdown: "Brief as Markdown",
  thisConversation: "This conversation",
};

/** The shape every language file has. @typedef {typeof en} Strings */
