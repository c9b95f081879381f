/** The Engineer agent: components, platforms, data, integrations, stack and effort. */
import { EngineerAnalysis } from "../protocol/brief.js";
import { defineAnalyst } from "./analyst.ts";
import type { Agent } from "./types.ts";
import { EVERY_FIELD } from "./rerun.ts";

/** The Engineer agent. */
export const engineer: Agent<EngineerAnalysis> = defineAnalyst({
  name: "engineer",
  title: "Engineer",
  schema: EngineerAnalysis,
  // The estimate weighs every field against the timeline and the budget.
  reads: {
    requirements: EVERY_FIELD,
  },
  working: "sketching components, data, integrations and an effort estimate",
});
