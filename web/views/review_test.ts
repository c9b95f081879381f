import assert from "node:assert/strict";
import { fieldText, reviewChanges, reviewOf } from "./review.js";

const requirements = {
  idea: "A tool lending app",
  purpose: "A tool lending app",
  users: ["tenants", "homeowners"],
  platforms: ["Web"],
  timeline: "a few days",
};

Deno.test("reviewChanges: only the fields the person changed, lists split at commas", () => {
  assert.deepEqual(reviewChanges(requirements, {}), {});
  assert.deepEqual(
    reviewChanges(requirements, {
      users: " tenants,  homeowners ",
      timeline: "6 months ",
      platforms: "Web, iOS,",
      budget: "",
    }),
    { timeline: "6 months", platforms: ["Web", "iOS"] },
  );
  assert.deepEqual(reviewChanges(requirements, { later: "Android" }), { later: ["Android"] });
});

Deno.test("reviewOf: the review of a review question only, safely read", () => {
  const q = { id: "review", question: "Is this right?", topic: "review" };
  assert.equal(reviewOf(null), null);
  // deno-lint-ignore no-explicit-any
  const as = (x: unknown) => x as any;
  assert.equal(reviewOf(as({ ...q, topic: "users", review: { requirements } })), null);
  assert.equal(reviewOf(as({ ...q, review: { requirements: "x" } })), null);
  const r = reviewOf(as({ ...q, review: { requirements, evidence: { timeline: [] } } }));
  assert.deepEqual(r, { requirements, evidence: { timeline: [] } });
  assert.equal(fieldText(["a", 3, "b"]), "a, b");
  assert.equal(fieldText(undefined), "");
});
