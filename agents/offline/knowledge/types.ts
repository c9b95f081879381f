/**
 * Types of the offline engine's knowledge base and of what `detect()` (agents/offline/detect.ts)
 * makes of it. The reader (agents/offline/read.ts) turns the person's answers into `Clause`s;
 * `detect` matches them against the entries in this folder and returns `Found`s, each with the
 * evidence it rests on.
 *
 * Entries are plain data. Their `triggers`, `context` and `excludes` are regular-expression
 * fragments over lower-cased text (see `Pattern`), compiled once when detect.ts loads.
 *
 * @module
 */
import type { Evidence } from "../../../protocol/brief.js";

export type { Evidence };

/** One clause of the person's words, as the reader (agents/offline/read.ts) produces it. */
export interface Clause {
  /** The clause verbatim, trimmed. */
  text: string;
  /** Lower-cased, NFC, single-spaced: what triggers match against. */
  lower: string;
  /** The question whose answer holds it (`idea` for the first answer). */
  questionId: string;
  /** That question's topic, if known. */
  topic?: string;
  /** "no iPhone", "not a marketplace", "we don't take payments". */
  negated: boolean;
  /** "later", "maybe later", "phase 2", "not now", "eventually". */
  later: boolean;
}

/** Something the knowledge recognised, with the words it came from. */
export interface Found<E> {
  /** The entry's id (a jurisdiction code for places). */
  id: string;
  /** The entry's label. */
  label: string;
  /** The entry itself, with its findings. */
  entry: E;
  /** The clauses it rests on, each naming the rule (`domain:<id>`, `place:<slug>`, …). */
  evidence: Evidence[];
}

/** What `detect()` recognised in one transcript. */
export interface Detection {
  /** Most specific first: `US-TX` before `US`, `DE` before `EU`. */
  jurisdictions: Found<JurisdictionEntry>[];
  /** Domains whose context holds, highest stakes first. */
  domains: Found<DomainEntry>[];
  /** Only those whose jurisdiction and context apply (or that the person named). */
  regulations: Found<RegulationEntry>[];
  /** Off-the-shelf products and obvious competitors. */
  alternatives: Found<AlternativeEntry>[];
  /** Areas the person raised that the knowledge has no rules for (for honest coverage). */
  uncovered: { label: string; evidence: Evidence[] }[];
}

/**
 * A regular-expression fragment matched against `Clause.lower`. detect.ts wraps it in word
 * boundaries (`\b`) at each end that is an ASCII letter, digit, `)`, `]` or a quantifier, so
 * `lend(?:ing|er)s?` does not match inside "blending". Write fragments lower-case, without
 * anchors or flags; `(?:...)` groups only (no capturing groups).
 */
export type Pattern = string;

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

/** A risk an entry brings, before an analyst gives it an id. */
export interface RiskFinding {
  /** What can go wrong, as one sentence. */
  title: string;
  /** Its category in `RiskAnalysis`. */
  category: RiskCategory;
  /** How likely it is for a product in this area. */
  likelihood: Level;
  /** How bad it is if it happens. */
  impact: Level;
  /** What to do about it, concretely. */
  mitigation: string;
}

/** A requirement an entry imposes, with why. */
export interface RequirementFinding {
  /** The requirement, as one sentence. */
  text: string;
  /** Why: the law, standard or failure it answers. */
  rationale: string;
  /** MoSCoW priority; `must` when absent. */
  priority?: "must" | "should" | "could";
}

/** A third-party service and why it is needed. */
export interface IntegrationFinding {
  /** The service, with example vendors. */
  name: string;
  /** What it is needed for. */
  purpose: string;
}

/** A stored entity and what matters about it. */
export interface EntityFinding {
  /** The entity's name. */
  entity: string;
  /** What it holds and what matters about it. */
  notes: string;
}

/** A part of the system and what it does. */
export interface ComponentFinding {
  /** The component's name. */
  name: string;
  /** What it does. */
  responsibility: string;
}

/**
 * What an entry contributes to the brief. Every sentence is specific to the entry's area
 * (never true of any idea) and none has the person's words pasted in: analysts quote the
 * evidence beside it instead. At least one list is non-empty.
 */
export interface Findings {
  /** Risks for the risk register. */
  risks?: readonly RiskFinding[];
  /** Requirements for the product analysis. */
  requirements?: readonly RequirementFinding[];
  /** Third-party services the engineer analysis should name. */
  integrations?: readonly IntegrationFinding[];
  /** Entities the data model needs. */
  data?: readonly EntityFinding[];
  /** System components the area needs. */
  components?: readonly ComponentFinding[];
  /** Advice for the brief that is none of the above (e.g. what to buy instead of build). */
  notes?: readonly string[];
  /** A follow-up question the Clarifier can ask when this entry is found. */
  question?: string;
}

/**
 * When an entry switches on. It fires when a trigger matches a clause that is neither
 * negated nor put off for later, every `context` group has a match in some such clause, and
 * no `excludes` pattern matches any such clause.
 */
export interface Rule {
  /** Any of these, in a clause that counts, switches the entry on. */
  triggers: readonly Pattern[];
  /** Each group needs one match somewhere in the clauses that count (groups are ANDed). */
  context?: readonly (readonly Pattern[])[];
  /** Any of these, in a clause that counts, keeps the entry off. */
  excludes?: readonly Pattern[];
}

/**
 * A place the person can name, as a jurisdiction code: ISO 3166-1 for countries (`IN`, `GB`),
 * ISO 3166-2 for states and provinces (`US-TX`, `IN-MH`, `CA-QC`), `EU` for the Union, and
 * `US-NY-NYC` for New York City (whose own hiring law applies).
 */
export interface JurisdictionEntry extends Rule {
  /** The code, e.g. `US-TX`. */
  id: string;
  /** Its name, e.g. `Texas`. */
  label: string;
  /** The code it sits in (`US` for `US-TX`, `EU` for `DE`); detect adds it too. */
  parent?: string;
  /**
   * Weaker signals (currencies, demonyms, payment rails): used only when no place at all is
   * named. Matched like triggers; symbols such as `₹` need no word boundary.
   */
  signals?: readonly Pattern[];
  /** Ids of the data-protection regulations in force here (entries in regulations.ts). */
  privacy: readonly string[];
  /** Hosting and data-residency notes for this place. */
  findings: Findings;
}

/** An area of business with its own obligations, risks and building blocks. */
export interface DomainEntry extends Rule {
  /** Stable id, e.g. `tenant-screening`; evidence names it as `domain:<id>`. */
  id: string;
  /** Human name, e.g. `Tenant screening`. */
  label: string;
  /** Follow-up priority (higher first); 0 means no follow-up question. */
  stakes: number;
  /** Extra person-weeks this area adds to an MVP. */
  weeks: number;
  /** What the area brings to the brief. */
  findings: Findings;
}

/**
 * A law, rule or standard. It is found when the person names it (`triggers`), or when one of
 * its `domains` was found, one of its `jurisdictions` was found (or it lists `*`), its
 * `context` holds and nothing `excludes` it. With no place named, only `*` entries apply.
 */
export interface RegulationEntry extends Rule {
  /** Stable id, e.g. `us-fcra`; evidence names it as `regulation:<id>`. */
  id: string;
  /** The name that goes into `requirements.compliance`, e.g. `FCRA`. */
  label: string;
  /** Jurisdiction codes where it applies; `*` for everywhere (e.g. PCI DSS). */
  jurisdictions: readonly string[];
  /** Domain ids that bring it in; empty for a general regime that any product meets. */
  domains: readonly string[];
  /** What complying takes. */
  findings: Findings;
}

/** Products to consider instead of building, or that the product competes with. */
export interface AlternativeEntry extends Rule {
  /** Stable id, e.g. `field-service`; evidence names it as `alternative:<id>`. */
  id: string;
  /** What kind of product, e.g. `Field-service management software`. */
  label: string;
  /** `buy`: off-the-shelf instead of building; `competitor`: what the person competes with. */
  kind: "buy" | "competitor";
  /** Product names, best known first. */
  products: readonly string[];
  /** Advice and the market risk they pose. */
  findings: Findings;
}

/** A signal of an area that looks regulated or specialised but has no entry here. */
export interface UncoveredSignal {
  /** Stable id; evidence names it as `uncovered:<id>`. */
  id: string;
  /** What the brief says it could not analyse, e.g. `firearms and weapons`. */
  label: string;
  /** Any of these, in a clause that counts, flags the area. */
  triggers: readonly Pattern[];
}
