/**
 * The offline engine's first domain table (payments, health, children, marketplaces,
 * enterprise, IoT, AI, …), kept while the analysts move to the knowledge base in
 * `knowledge/` (`detect.ts`): what each domain implies for stories, components and risks.
 *
 * @module
 */
import type {
  Component,
  DomainRequirement,
  Entity,
  Integration,
  Region,
  RiskSeed,
  Wording,
} from "./types.ts";

/** A domain with the obligations and risks that come with it. */
export interface DomainInfo {
  id: string;
  /** Phrase used in follow-up questions: "You mentioned <mention>: …". */
  mention: string;
  pattern: RegExp;
  /** Follow-up priority; 0 means no follow-up question. */
  stakes: number;
  followUp?: (w: Wording) => string;
  compliance: (r: Region) => readonly string[];
  /** Extra person-weeks this domain adds. */
  weeks: number;
  risks: (w: Wording) => readonly RiskSeed[];
  components: readonly Component[];
  integrations: (w: Wording) => readonly Integration[];
  data: readonly Entity[];
  musts: (w: Wording) => readonly DomainRequirement[];
  /** What the first version deliberately will not do. */
  wont: readonly DomainRequirement[];
  goal?: (w: Wording) => string;
  metric?: (w: Wording) => string;
  pain?: (w: Wording) => string;
  adoption?: (w: Wording) => string;
  segment?: (w: Wording) => { name: string; description: string };
  channel?: (w: Wording) => string;
}

const none = (): readonly never[] => [];

/** Domains in order of stakes; the risk register and follow-ups follow this order. */
export const DOMAINS: readonly DomainInfo[] = [
  {
    id: "enterprise",
    mention: "enterprise customers",
    pattern:
      /\benterprises?\b|\bb2b\b|\bcorporat\w+|\borgani[sz]ations\b|\bsso\b|\bsaml\b|\bsoc ?2\b|\bprocurement\b|\bfortune 500\b|\bit departments?\b|\bcompanies\b|\bfactor(?:y|ies)\b/,
    stakes: 6,
    followUp: (w) =>
      `You mentioned enterprise customers: before buying ${w.subject}, will they require single sign-on (Okta, Entra ID), audit logs or a SOC 2 report?`,
    compliance: (r) => [
      "SOC 2 Type II (expected by enterprise buyers)",
      ...(r.eu ? ["GDPR data processing agreements"] : []),
    ],
    weeks: 4,
    risks: () => [
      {
        title: "Deals stall in security review without SSO, audit logs and SOC 2",
        category: "market",
        likelihood: "high",
        impact: "high",
        mitigation:
          "Ship SAML/OIDC SSO and an exportable audit log in the MVP; start SOC 2 readiness (e.g. Vanta/Drata) early; prepare a security questionnaire pack",
      },
      {
        title: "Data of one customer organisation visible to another",
        category: "security",
        likelihood: "low",
        impact: "high",
        mitigation: "Tenant id on every row with row-level security, tenant-isolation tests in CI",
      },
    ],
    components: [{
      name: "Tenant administration",
      responsibility: "Organisations, SSO configuration, SCIM provisioning, audit log",
    }],
    integrations: () => [{
      name: "Identity provider via SAML/OIDC (Okta, Microsoft Entra ID)",
      purpose: "Enterprise single sign-on and user provisioning",
    }],
    data: [
      {
        entity: "Organisation",
        notes: "Tenant boundary: every record carries its organisation id",
      },
      { entity: "Audit event", notes: "Actor, action, target, time; append-only, exportable" },
    ],
    musts: () => [
      {
        text: "SSO via SAML/OIDC",
        rationale: "Enterprise IT will not approve password-only tools",
      },
      {
        text: "Audit log of administrative and data-access actions",
        rationale: "Security reviews and SOC 2 controls",
      },
    ],
    wont: [{
      text: "On-premise installation",
      rationale: "Multiplies support; revisit only for a paying anchor customer",
    }],
    goal: () => "Pass a first enterprise security review (SSO, audit log, SOC 2 path)",
    metric: () => "Pilots converted to paid contracts; security reviews passed",
    pain: () => "Rolling out any new tool needs IT approval, SSO and a security review",
    adoption: () => "Long sales cycles: security questionnaires and procurement before any pilot",
    segment: () => ({
      name: "IT and security buyers",
      description: "Approve tools against SSO, audit and compliance requirements",
    }),
    channel: () => "Direct sales to operations leaders, LinkedIn and industry trade shows",
  },
  {
    id: "location",
    mention: "location",
    pattern:
      /\blocation\w*|\bgps\b|\bmaps?\b|\bnearby\b|\bnear me\b|\bgeo\w*|\bneighbou?rhoods?\b|\blocal\b/,
    stakes: 3,
    followUp: () =>
      "You mentioned location: do you need live tracking while something happens, or only an address or area per request?",
    // Where precise location is sensitive data depends on the place: the regimes found by
    // detect() say so for the US states, India and others; the GDPR line only for Europe.
    compliance: (r) => (r.eu || r.uk ? ["Consent for precise location (GDPR)"] : []),
    weeks: 1,
    risks: (w) => [{
      title: `Location data reveals where ${w.consumers} live and when they are away`,
      category: "privacy",
      likelihood: "medium",
      impact: "high",
      mitigation:
        "Collect location only while needed, show approximate areas until a booking is confirmed, delete precise traces after 30 days",
    }],
    components: [],
    integrations: () => [],
    data: [],
    musts: () => [{
      text: "Precise location only with consent and only while needed",
      rationale:
        "Precise location is sensitive personal data in most privacy laws, and a safety risk",
    }],
    wont: [],
  },
  {
    id: "social",
    mention: "social features",
    pattern: /\bsocial (?:network|app|media|platform)\b|\bfriends?\b|\bfollowers?\b|\bdating\b/,
    stakes: 0,
    compliance: none,
    weeks: 1,
    risks: () => [{
      title: "Harassment and unwanted contact between users",
      category: "safety",
      likelihood: "medium",
      impact: "high",
      mitigation:
        "Block and mute, private-by-default profiles, rate-limited messaging to strangers",
    }],
    components: [],
    integrations: () => [],
    data: [],
    musts: () => [{
      text: "Block, mute and report between users",
      rationale: "Basic safety in any social product",
    }],
    wont: [],
  },
  {
    id: "booking",
    mention: "bookings",
    pattern: /\bbookings?\b|\breservations?\b|\bappointments?\b/,
    stakes: 0,
    compliance: none,
    weeks: 0.5,
    risks: (w) => [{
      title: "No-shows and late cancellations",
      category: "operational",
      likelihood: "high",
      impact: "medium",
      mitigation:
        `Reminders 24 h and 1 h before, cancellation policy with a fee, reliability score for ${w.consumers} and ${w.providers}`,
    }],
    components: [],
    integrations: () => [],
    data: [],
    musts: () => [],
    wont: [],
  },
];

/** Domain rows by id. */
export const DOMAIN_BY_ID: ReadonlyMap<string, DomainInfo> = new Map(DOMAINS.map((d) => [d.id, d]));

// ---------------------------------------------------------------------------------------
// Regions

/** Place names that pin down a region, and which region. */
export const REGIONS: readonly { pattern: RegExp; region: keyof Region }[] = [
  {
    pattern:
      /\b(?:eu|europe|european union|germany|berlin|munich|hamburg|france|paris|lyon|spain|madrid|barcelona|italy|rome|milan|netherlands|amsterdam|rotterdam|belgium|brussels|austria|vienna|ireland|dublin|portugal|lisbon|sweden|stockholm|denmark|copenhagen|finland|helsinki|poland|warsaw|czechia|prague)\b/,
    region: "eu",
  },
  {
    pattern: /\b(?:uk|united kingdom|britain|england|scotland|wales|london|manchester|edinburgh)\b/,
    region: "uk",
  },
  {
    pattern:
      /\b(?:usa|the us|united states|america|new york|nyc|california|san francisco|los angeles|texas|chicago|boston|seattle|austin)\b/,
    region: "us",
  },
];
