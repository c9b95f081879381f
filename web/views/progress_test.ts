import assert from "node:assert/strict";
import { en } from "../strings/en.js";
import { es } from "../strings/es.js";
import { nowLine, questionLine } from "./progress.js";

type Snap = Parameters<typeof nowLine>[0];

const base: Snap = {
  state: "live",
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
};

const asked = (id: string, answer: string | null) => ({
  id,
  question: `Q ${id}?`,
  answer,
  round: 2,
  topic: "users",
});

Deno.test("nowLine: names the right moment from start to finish", () => {
  const q = { id: "q4", question: "Who?", round: 2, topic: "users" } as Snap["currentQuestion"];
  const moments: [string, Snap][] = [
    ["Not started yet", base],
    ["Question 4 of about 7 · Round 2 of 3", {
      ...base,
      stage: "clarifier",
      stages: { clarifier: "active" },
      currentQuestion: q,
      progress: { number: 4, about: 7, round: 2, rounds: 3 },
    }],
    // No progress from the server: the place in the transcript and the question's round.
    ["Question 2 · Round 2", {
      ...base,
      stages: { clarifier: "active" },
      currentQuestion: q,
      transcript: [asked("q1", "a"), asked("q4", null)],
    }],
    ["Analysing your answers…", {
      ...base,
      stages: { clarifier: "active" },
      transcript: [asked("q1", "a")],
    }],
    // Between stages: the clarifier is done and the next has not started.
    ["Analysing your answers…", {
      ...base,
      stages: { clarifier: "done" },
      transcript: [asked("q1", "a")],
    }],
    ["Customers: working on it…", {
      ...base,
      stage: "customer",
      stages: { clarifier: "done", product: "done", customer: "active" },
      transcript: [asked("q1", "a")],
    }],
    ["Stopped", { ...base, cancelled: true }],
    ["Your brief is ready", { ...base, complete: true }],
  ];
  assert.deepEqual(moments.map(([, snap]) => nowLine(snap, en)), moments.map(([line]) => line));
});

Deno.test("questionLine: an estimate smaller than the number is not shown; Spanish words", () => {
  const snap: Snap = {
    ...base,
    currentQuestion: { id: "q9", question: "More?", round: 1 } as Snap["currentQuestion"],
    progress: { number: 9, about: 7 },
  };
  assert.equal(questionLine(snap, en), "Question 9 · Round 1");
  assert.equal(
    questionLine({ ...snap, progress: { number: 3, about: 7 } }, es),
    "Pregunta 3 de unas 7 · Ronda 1",
  );
});
