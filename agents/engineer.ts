/** The Engineer agent: components, platforms, data, integrations, stack and effort. */
import { EngineerAnalysis } from "../protocol/brief.js";
import { defineAnalyst } from "./analyst.ts";

/** The Engineer agent. */
export const engineer = defineAnalyst({
  name: "engineer",
  title: "Engineer",
  schema: EngineerAnalysis,
  working: "sketching components, data, integrations and an effort estimate",
});
