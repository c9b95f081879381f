/** The Risk agent: a register of risks with likelihood, impact and mitigation. */
import { RiskAnalysis } from "../protocol/brief.js";
import { defineAnalyst } from "./analyst.ts";

/** The Risk agent. */
export const risk = defineAnalyst({
  name: "risk",
  title: "Risk",
  schema: RiskAnalysis,
  working: "building the risk register",
});
