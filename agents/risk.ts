/** The Risk agent: a register of risks with likelihood, impact and mitigation. */
import { RiskAnalysis } from "../protocol/brief.js";
import { defineAnalyst } from "./analyst.ts";
import type { Agent } from "./types.ts";
import { EVERY_FIELD } from "./rerun.ts";

/** The Risk agent. */
export const risk: Agent<RiskAnalysis> = defineAnalyst({
  name: "risk",
  title: "Risk",
  schema: RiskAnalysis,
  // Risks come from every field: deadlines, budget, scale, compliance.
  reads: {
    requirements: EVERY_FIELD,
  },
  working: "building the risk register",
});
