/** The Customer agent: segments, personas, jobs, pains and adoption risks. */
import { CustomerAnalysis } from "../protocol/brief.js";
import { defineAnalyst } from "./analyst.ts";

/** The Customer agent. */
export const customer = defineAnalyst({
  name: "customer",
  title: "Customer",
  schema: CustomerAnalysis,
  working: "mapping segments, personas, jobs and pains",
});
