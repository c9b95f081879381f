/** The Risk agent: a register of risks with likelihood, impact and mitigation. */
import { RiskAnalysis } from "../protocol/brief.js";
import { defineAnalyst } from "./analyst.ts";

/** The Risk agent. */
export const risk = defineAnalyst({
  name: "risk",
  title: "Risk",
  schema: RiskAnalysis,
  // Risks come from every field: deadlines, budget, scale, compliance.
  reads: {
    requirements: [
      "idea",
      "purpose",
      "users",
      "platforms",
      "features",
      "scale",
      "budget",
      "timeline",
      "compliance",
      "domains",
      "notes",
      "later",
      "excluded",
      "jurisdictions",
    ],
  },
  working: "building the risk register",
});
