/**
 * The Clarifier's scripted model answers for tests that run the model engine against the
 * fake OpenAI server (`tests/_fake_openai.ts`): it asks about users and platforms once, then
 * is done when the prompt shows a second answer (`A2:`).
 *
 * @module
 */

/** The first round's plan: two questions. */
export const planAsk = {
  requirements: { users: [], platforms: [], features: [], compliance: [], domains: [], notes: [] },
  missing: ["users", "platforms"],
  done: false,
  questions: [
    { topic: "users", question: "Who will use it?" },
    { topic: "platforms", question: "Which devices should it run on?" },
  ],
};

/** The plan once a second answer is in: nothing more to ask. */
export const planDone = {
  requirements: {
    users: ["Dog owners"],
    platforms: ["iOS"],
    features: ["Booking"],
    compliance: ["GDPR"],
    domains: ["marketplace"],
    notes: [],
  },
  missing: [],
  done: true,
  questions: [],
};
