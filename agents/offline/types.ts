/**
 * Types the offline analysts and their knowledge tables share: sides, levels, risk
 * categories, the wording analysts substitute into table text, and the parts of an analysis.
 *
 * @module
 */

/** Who in the product wants a feature: the paying side, the serving side, or staff. */
export type Actor = "consumer" | "provider" | "operator";

/** Three-step scale for likelihood and impact. */
export type Level = "low" | "medium" | "high";

/** Risk categories allowed by `RiskAnalysis` in protocol/brief.js. */
export type RiskCategory =
  | "security"
  | "privacy"
  | "compliance"
  | "legal"
  | "safety"
  | "technical"
  | "operational"
  | "market"
  | "financial";

/** The words analysts substitute into table text so that it names this product. */
export interface Wording {
  /** The product as the person called it, e.g. `the marketplace`. */
  subject: string;
  /** Plural of the consuming side, e.g. `dog owners`. */
  consumers: string;
  /** Singular of the consuming side, e.g. `dog owner`. */
  consumer: string;
  /** Plural of the serving side, e.g. `dog walkers`; `providers` when unknown. */
  providers: string;
  /** Singular of the serving side. */
  provider: string;
  /** ` in Berlin` when a launch market was named, else an empty string. */
  inMarket: string;
  /** True when a mobile platform is targeted. */
  mobile: boolean;
  /** Sells digital content inside mobile apps, so App Store and Google Play billing rules apply. */
  digital: boolean;
}

/** A named part of a system with what it does. */
export interface Component {
  name: string;
  responsibility: string;
}

/** A third-party service and why it is needed. */
export interface Integration {
  name: string;
  purpose: string;
}

/** A stored entity and what matters about it. */
export interface Entity {
  entity: string;
  notes: string;
}

/** A risk before it gets an id. */
export interface RiskSeed {
  title: string;
  category: RiskCategory;
  likelihood: Level;
  impact: Level;
  mitigation: string;
}

/** A requirement a domain imposes, with why. */
export interface DomainRequirement {
  text: string;
  rationale: string;
}

/** Where the launch market is: decides which regulations apply for certain. */
export interface Region {
  eu: boolean;
  uk: boolean;
  us: boolean;
}
