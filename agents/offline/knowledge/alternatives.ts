/**
 * Off-the-shelf products to consider instead of building, and the obvious competitors, each
 * with the context that makes them relevant.
 *
 * @module
 */
import type { AlternativeEntry } from "./types.ts";

/** Products to buy instead of build, and competitors. */
export const ALTERNATIVES: readonly AlternativeEntry[] = [
  {
    id: "field-service",
    label: "Field-service management software",
    kind: "buy",
    products: ["Jobber", "Housecall Pro", "ServiceTitan"],
    triggers: [
      "field service",
      "technicians?",
      "plumb(?:er|ers|ing)",
      "hvac",
      "electricians?",
      "cleaning (?:company|business|crews?|services?)",
      "landscap\\w+",
      "lawn care",
      "pest control",
      "handym[ae]n",
      "work orders?",
    ],
    context: [[
      "schedul\\w*",
      "dispatch\\w*",
      "quot(?:e|es|ing)",
      "invoic\\w*",
      "jobs?",
      "crews?",
      "routes?",
      "book\\w*",
      "work orders?",
    ]],
    findings: {
      notes: [
        "Jobber and Housecall Pro already cover scheduling, dispatch, quotes, invoicing and card payments for small crews from a few dozen dollars a month; ServiceTitan for larger trades businesses. Build only what they cannot do.",
      ],
      risks: [{
        title:
          "Field-service suites already serve small trades businesses, so a new tool must win on one job they do badly",
        category: "market",
        likelihood: "high",
        impact: "medium",
        mitigation:
          "Interview crews who left Jobber or Housecall Pro and build the gap they named, with import from those tools",
      }],
    },
  },
];
