/** The Customer agent: segments, personas, jobs, pains and adoption risks. */
import { CustomerAnalysis } from "../protocol/brief.js";
import { defineAnalyst } from "./analyst.ts";
import type { Agent } from "./types.ts";

/** The Customer agent. */
export const customer: Agent<CustomerAnalysis> = defineAnalyst({
  name: "customer",
  title: "Customer",
  schema: CustomerAnalysis,
  // Segments and personas come from the users, the features and the domains, not from budget, timeline, scale or compliance.
  reads: {
    requirements: [
      "idea",
      "purpose",
      "users",
      "platforms",
      "features",
      "domains",
      "notes",
      "later",
      "excluded",
      "jurisdictions",
    ],
  },
  working: "mapping segments, personas, jobs and pains",
});
