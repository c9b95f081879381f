/**
 * Plans a clarifier round: which missing topics matter most and how to ask about them in
 * words that fit the idea ("Who are the two sides of the marketplace?" rather than "Who
 * are your users?"). Domains with high stakes get follow-ups of their own, at most
 * {@link MAX_FOLLOW_UPS} per conversation so the interview stays short.
 *
 * @module
 */
import type { ClarifyInput, PlannedQuestion } from "../types.ts";
import type { Understanding } from "./extract.ts";
import { OLD_DOMAINS as DOMAINS } from "./extract.ts";
import { wordingOf } from "./profile.ts";
import { joinAnd } from "./text.ts";

/** Domain follow-up questions asked in one conversation, at most. */
export const MAX_FOLLOW_UPS = 2;

/** The first question of every conversation. */
export const IDEA_QUESTION: PlannedQuestion = {
  topic: "idea",
  question:
    "What would you like to build? Describe your idea in a sentence or two: what it does and who it is for.",
};

/**
 * The questions for this round, most important first: none when the round is past
 * `maxRounds` or when nothing important is missing.
 */
export function planQuestions(u: Understanding, input: ClarifyInput): PlannedQuestion[] {
  if (input.round > input.maxRounds || input.maxQuestionsPerRound < 1) return [];
  if (input.transcript.length === 0) return [IDEA_QUESTION];

  const req = u.requirements;
  const w = wordingOf(req);
  const s = u.subject;
  const has = (d: string) => req.domains.includes(d);
  const missing = new Set(u.missing.filter((t) => !u.asked.has(t)));

  // Follow-ups of the knowledge base first (detect() orders its domains by stakes), then
  // those of the first domain table, at most MAX_FOLLOW_UPS per conversation.
  const candidates = [
    ...u.detection.domains.flatMap((d) =>
      d.entry.stakes > 0 && d.entry.findings.question
        ? [{ topic: d.id, question: d.entry.findings.question }]
        : []
    ),
    ...DOMAINS
      .filter((d) => d.stakes > 0 && d.followUp && has(d.id))
      .map((d) => ({ topic: d.id, question: d.followUp!(w) })),
  ];
  const followUpsLeft = MAX_FOLLOW_UPS - candidates.filter((c) => u.asked.has(c.topic)).length -
    DOMAINS.filter((d) => u.asked.has(d.id) && !has(d.id)).length;
  const followUps = candidates.filter((c) => !u.asked.has(c.topic))
    .slice(0, Math.max(0, followUpsLeft));

  const planned: PlannedQuestion[] = [];
  const add = (topic: string, question: () => string) => {
    if (missing.has(topic as never)) planned.push({ topic, question: question() });
  };
  add("users", () => usersQuestion(s, has));
  add("platforms", () => platformsQuestion(s, has));
  add("features", () => {
    const who = req.users.length > 0 ? joinAnd(req.users.slice(0, 2)) : "people";
    return req.features.length > 0
      ? `Besides ${
        joinAnd(req.features)
      }, what else must ${who} be able to do in the first version of ${s}?`
      : `What are the 3–5 things ${who} must be able to do in the first version of ${s}?`;
  });
  if (followUps[0]) planned.push(followUps[0]);
  // Where it is used and what money there is decide more of the brief than scale does.
  add(
    "jurisdiction",
    () =>
      `Where will ${s} be used first: which country, and which state or city if the rules differ there?`,
  );
  add(
    "budget",
    () =>
      `What budget do you have for building the first version: a rough figure, or "not fixed yet"?`,
  );
  add(
    "timeline",
    () =>
      `When do you need a first version of ${s} live: in weeks, in months, or by a specific date?`,
  );
  add("compliance", () => {
    const inferred = req.compliance.map((c) => c.split(/\s*[:(]/)[0]!).slice(0, 3);
    return inferred.length > 0
      ? `Besides ${
        joinAnd(inferred)
      }, which follow from what you described, are there other regulations or hard constraints (data location, accessibility, industry rules)? Say "none" if not.`
      : `Are there regulations, standards or hard constraints to respect, such as data-protection law, accessibility or where data is stored? Say "none" if not.`;
  });
  if (followUps[1]) planned.push(followUps[1]);
  add(
    "scale",
    () =>
      has("iot")
        ? `How many devices will report to ${s} at launch and after a year, and how often does each send data?`
        : `How many ${
          req.users.length > 0 ? w.consumers : "people"
        } do you expect to use ${s} in its first year: dozens, thousands or millions?`,
  );
  return planned.slice(0, input.maxQuestionsPerRound);
}

function usersQuestion(s: string, has: (d: string) => boolean): string {
  if (has("marketplace")) {
    return `Who are the two sides of ${s}: who offers the service, and who books and pays for it?`;
  }
  if (has("children")) {
    return `Who will use ${s}: the children themselves, their parents, teachers, or all of them?`;
  }
  if (has("enterprise")) {
    return `Who uses ${s} day to day, and who in the customer's company decides to buy it?`;
  }
  if (has("iot")) {
    return `Who watches ${s} day to day (operators, technicians, managers), and who acts on its alerts?`;
  }
  if (has("health") || has("clinical-care") || has("consumer-health")) {
    return `Who will use ${s}: patients, clinicians, carers, or several of them?`;
  }
  return `Who will use ${s}? Name the main groups of people, and which one you want to win first.`;
}

function platformsQuestion(s: string, has: (d: string) => boolean): string {
  if (has("iot")) {
    return `Besides the devices themselves, where should people use ${s}: a web dashboard, a mobile app, or both?`;
  }
  if (has("enterprise")) {
    return `Where should ${s} run: in the browser, as a desktop app, or inside Slack or Microsoft Teams?`;
  }
  return `Where should ${s} run first: web, iOS, Android, or desktop?`;
}
