import assert from "node:assert/strict";
import type { QA } from "../../protocol/brief.js";
import {
  mineAnswer,
  purposeOf,
  subjectOf,
  topicFromQuestion,
  topicOf,
  understand,
} from "./extract.ts";

function qa(id: string, question: string, answer: string, topic?: string): QA {
  return topic ? { id, question, answer, topic } : { id, question, answer };
}

Deno.test("understand() mines one free-text idea for every slot", () => {
  const u = understand([
    qa(
      "idea",
      "What would you like to build?",
      "A marketplace where dog owners in Berlin book walkers, iOS and Android, we have 3 months and €50k",
    ),
  ]);
  const r = u.requirements;
  assert.equal(
    r.idea,
    "A marketplace where dog owners in Berlin book walkers, iOS and Android, we have 3 months and €50k",
  );
  assert.equal(r.purpose, "A marketplace where dog owners in Berlin book walkers");
  assert.deepEqual(r.users, ["dog owners", "dog walkers"]);
  assert.deepEqual(r.platforms, ["iOS", "Android"]);
  assert.deepEqual(r.features, ["booking and scheduling"]);
  assert.equal(r.timeline, "3 months");
  assert.equal(r.budget, "€50k");
  assert.deepEqual(r.domains, ["location", "booking", "marketplace"]);
  assert.ok(r.compliance.includes("GDPR"), "Berlin is in the EU");
  assert.deepEqual(r.jurisdictions, ["DE", "EU"]);
  // Nobody said anything about paying: no card rules are guessed.
  assert.ok(!r.compliance.some((c) => c.startsWith("PCI DSS")));
  assert.ok(r.notes.includes("Launch market: Berlin"));
  assert.equal(u.subject, "the marketplace");
});

Deno.test("mineAnswer() understands the same facts in other phrasings and orders", () => {
  const a = mineAnswer(
    "We've got about $120,000 and need it live in 6-8 weeks, mostly on the web",
    undefined,
    "",
  );
  assert.equal(a.budget, "$120,000");
  assert.equal(a.timeline, "6-8 weeks");
  assert.deepEqual(a.platforms, ["Web"]);

  const b = mineAnswer(
    "Mobile first. Budget is 30k EUR, launch by March, expecting 10k users per month",
    undefined,
    "",
  );
  assert.deepEqual(b.platforms, ["iOS", "Android"]);
  assert.equal(b.budget, "30k EUR");
  assert.equal(b.timeline, "by March");
  assert.equal(b.scale, "10k users per month");

  const c = mineAnswer(
    "Busy parents can plan meals and get reminders; we must follow GDPR and WCAG",
    undefined,
    "",
  );
  assert.deepEqual(c.users, ["busy parents"]);
  assert.deepEqual(c.features, ["reminders"]);
  assert.deepEqual(c.compliance, ["GDPR", "WCAG 2.2 AA accessibility"]);
});

Deno.test("mineAnswer() tells the verb 'reviews' from reviews as a feature", () => {
  assert.deepEqual(
    mineAnswer("summaries only, a doctor always reviews them", "ai", "").features,
    [],
  );
  assert.deepEqual(mineAnswer("owners leave reviews after each walk", undefined, "").features, [
    "reviews and ratings",
  ]);
});

Deno.test("mineAnswer() does not read ages as timelines or list commas as scale", () => {
  const m = mineAnswer("Kids aged 6-10 years old, parents create the account", "children", "");
  assert.equal(m.timeline, undefined);
  assert.equal(m.scale, undefined);
  assert.deepEqual(m.users, ["parents", "children"]);
  assert.deepEqual(m.notes, [
    "Children as users: Kids aged 6-10 years old, parents create the account",
  ]);
});

Deno.test("mineAnswer() treats negative answers as answered without inventing values", () => {
  assert.equal(mineAnswer("no budget yet", "budget", "").budget, "not fixed yet");
  assert.equal(mineAnswer("none", "budget", "").budget, "no dedicated budget");
  assert.equal(mineAnswer("Not sure", "timeline", "").timeline, "not fixed yet");
  assert.equal(mineAnswer("no deadline really", "timeline", "").timeline, "no fixed deadline");
  assert.equal(mineAnswer("don't know", "scale", "").scale, "unknown yet");
  const users = mineAnswer("n/a", "users", "");
  assert.deepEqual(users.users, []);
  assert.equal(users.negative, true);
  const compliance = mineAnswer("None", "compliance", "");
  assert.deepEqual(compliance.compliance, []);
  assert.deepEqual(compliance.notes, ["Regulations: none named by the person"]);
});

Deno.test("mineAnswer() keeps the person's words when nothing structured matches", () => {
  assert.deepEqual(mineAnswer("people who collect vinyl", "users", "").users, [
    "people who collect vinyl",
  ]);
  assert.equal(
    mineAnswer("steady growth, nothing crazy", "scale", "").scale,
    "steady growth, nothing crazy",
  );
  assert.deepEqual(
    mineAnswer("booking, paying in the app, a walk report card", "features", "").features,
    ["booking and scheduling", "payments", "a walk report card"],
  );
  assert.deepEqual(mineAnswer("data must stay in Germany", "compliance", "").compliance, [
    "Data residency",
  ]);
  assert.deepEqual(mineAnswer("only licensed walkers", "compliance", "").compliance, [
    "Constraint: only licensed walkers",
  ]);
});

Deno.test("mineAnswer() reads 'both' against the options its question offered", () => {
  const m = mineAnswer("both", "users", "Who uses it: parents, teachers, or both?");
  assert.deepEqual(m.users, ["parents", "teachers"]);
});

Deno.test("understand() keeps a users answer's own qualifiers and resolves walkers across answers", () => {
  const u = understand([
    qa("idea", "What would you like to build?", "An app where dog owners find help"),
    qa("r2-users", "Who will use it?", "owners and walkers"),
    qa("r2-x", "Who uses it day to day?", "plant managers and maintenance technicians"),
  ]);
  assert.deepEqual(u.requirements.users, [
    "dog owners",
    "dog walkers",
    "plant managers",
    "maintenance technicians",
  ]);
});

Deno.test("topicOf() reads the topic from the id, else from the question, and the idea first", () => {
  assert.equal(topicOf(qa("anything", "Who?", "x"), 0), "idea");
  assert.equal(topicOf(qa("r2-budget", "?", "x"), 1), "budget");
  assert.equal(topicOf(qa("q7", "When do you need a first version live?", "x"), 1), "timeline");
  assert.equal(topicFromQuestion("You mentioned payments: who pays whom?"), "payments");
  assert.equal(topicFromQuestion("Who will use the reading app?"), "users");
  assert.equal(topicFromQuestion("What is your favourite colour?"), undefined);
});

Deno.test("purposeOf() and subjectOf() clean the idea into a line and a name", () => {
  assert.equal(
    purposeOf("I want to build an app for busy parents to plan meals. It should be fun."),
    "An app for busy parents to plan meals",
  );
  assert.equal(subjectOf("A reading app for kids aged 6-10"), "the reading app");
  assert.equal(subjectOf("Something to help farmers"), "your product");
});

Deno.test("understand() infers compliance from the knowledge base, by domain and place", () => {
  const r = understand([
    qa("idea", "?", "A symptom diary for patients in the US that shares data with their doctors"),
  ]).requirements;
  assert.ok(r.domains.includes("clinical-care"));
  assert.ok(r.compliance.includes("HIPAA"));
  assert.deepEqual(r.jurisdictions, ["US"]);
  // No EU guess for a US product, and the evidence names the rule.
  assert.ok(!r.compliance.some((c) => /GDPR/.test(c)), r.compliance.join(", "));
  assert.equal(r.evidence?.["compliance:HIPAA"]?.[0]?.rule.startsWith("regulation:"), true);
});

Deno.test("understand() reads a price as the business model, not the budget", () => {
  const r = understand([
    qa(
      "idea",
      "?",
      "A subscription for surplus bread from local bakeries; members pay $8 per month",
    ),
    qa("q1", "What budget do you have?", "We have 40 lakh rupees to build it", "budget"),
  ]).requirements;
  assert.equal(r.budget, "40 lakh rupees");
  assert.ok(r.notes.includes("Price named: $8 per month"));
  assert.deepEqual(r.evidence?.budget, [{
    quote: "We have 40 lakh rupees to build it",
    questionId: "q1",
    rule: "reader:money-to-build",
  }]);
  const fee = understand([qa("idea", "?", "Tenant screening where applicants pay a $40 fee")])
    .requirements;
  assert.equal(fee.budget, undefined);
});

Deno.test("understand() never makes the team a user group", () => {
  const r = understand([
    qa("idea", "?", "An app for nurses at our charity to plan volunteer shifts"),
    qa("q1", "What budget?", "Small, it's two developers and my co-founder", "budget"),
  ]).requirements;
  assert.ok(!r.users.some((u) => /developer|founder/.test(u)), r.users.join(", "));
  assert.ok(r.users.includes("nurses"));
});

Deno.test("understand() keeps what was ruled out or put off out of the MVP", () => {
  const r = understand([
    qa("idea", "?", "A booking site for piano teachers. It's not a marketplace."),
    qa("q1", "Where should it run first?", "No iPhone. Web only, mobile later", "platforms"),
  ]).requirements;
  assert.deepEqual(r.platforms, ["Web"]);
  assert.deepEqual(r.excluded, ["iOS", "marketplace"]);
  assert.deepEqual(r.later, ["Android"]);
  assert.ok(!r.domains.includes("marketplace"));
  assert.equal(r.evidence?.["excluded:iOS"]?.[0]?.quote, "No iPhone");
});

Deno.test("understand() lists the group to start with first, with evidence for each", () => {
  const r = understand([
    qa("idea", "?", "Surplus bread for cafes and shoppers"),
    qa("q1", "Who will use it?", "Shoppers, bakeries; we start with bakeries", "users"),
  ]).requirements;
  assert.equal(r.users[0], "bakeries");
  for (const u of r.users) assert.ok(r.evidence?.[`users:${u}`], `evidence for ${u}`);
});

Deno.test("topicOf() reads the recorded topic before the question's wording", () => {
  assert.equal(topicOf(qa("clarifier-r1-q1", "Anything else?", "x", "budget"), 1), "budget");
  // Old stored transcripts without topics still work.
  assert.equal(topicOf(qa("clarifier-r1-q1", "What budget do you have?", "x"), 1), "budget");
});

Deno.test("mineAnswer() recognises polls, texts, WhatsApp and bad reception as features", () => {
  assert.deepEqual(
    mineAnswer("members vote on the next book", "features", "", "q1").features.slice(0, 1),
    ["polls and voting"],
  );
  const m = mineAnswer("reminder texts and WhatsApp updates", "features", "", "q1").features;
  assert.ok(m.includes("text messages") && m.includes("WhatsApp messaging"), m.join());
  assert.deepEqual(
    mineAnswer("workers are often in homes with bad reception", undefined, "", "q2").features,
    ["offline mode"],
  );
});
