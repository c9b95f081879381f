/** The Product agent: goals, user stories, MVP scope and prioritised requirements. */
import { ProductAnalysis } from "../protocol/brief.js";
import { defineAnalyst } from "./analyst.ts";
import type { Agent } from "./types.ts";
import { EVERY_FIELD } from "./rerun.ts";

/** The Product agent. */
export const product: Agent<ProductAnalysis> = defineAnalyst({
  name: "product",
  title: "Product",
  schema: ProductAnalysis,
  // Goals name the timeline and budget; stories, the users; scope, the features.
  reads: {
    requirements: EVERY_FIELD,
  },
  working: "defining goals, user stories and the MVP scope",
});
