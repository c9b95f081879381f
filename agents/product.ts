/** The Product agent: goals, user stories, MVP scope and prioritised requirements. */
import { ProductAnalysis } from "../protocol/brief.js";
import { defineAnalyst } from "./analyst.ts";

/** The Product agent. */
export const product = defineAnalyst({
  name: "product",
  title: "Product",
  schema: ProductAnalysis,
  working: "defining goals, user stories and the MVP scope",
});
