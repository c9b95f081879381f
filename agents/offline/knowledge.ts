/**
 * The offline engine's first domain table (payments, health, children, marketplaces,
 * enterprise, IoT, AI, …), kept while the analysts move to the knowledge base in
 * `knowledge/` (`detect.ts`): what each domain implies for stories, components and risks.
 *
 * @module
 */
import { cap } from "./text.ts";
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

/** Payment risks when digital content is sold through App Store and Google Play billing. */
function storeBillingRisks(w: Wording): RiskSeed[] {
  return [
    {
      title: "Store commission (15–30%) and billing rules squeeze in-app purchase margins",
      category: "financial",
      likelihood: "high",
      impact: "medium",
      mitigation:
        "Price with the store fee included, join the small-business programmes (15%), validate receipts server-side",
    },
    {
      title: `Accidental or disputed purchases in ${w.subject} lead to refunds and bad reviews`,
      category: "financial",
      likelihood: "medium",
      impact: "medium",
      mitigation:
        "Confirmation step before every purchase, purchase history in the account, fast refund path through the stores",
    },
  ];
}

/** Domains in order of stakes; the risk register and follow-ups follow this order. */
export const DOMAINS: readonly DomainInfo[] = [
  {
    id: "health",
    mention: "health data",
    pattern:
      /\bhealth\w*|\bmedic(?:al|ine|ation)s?\b|\bpatients?\b|\bclinics?\b|\bclinical\b|\bhospitals?\b|\bdiagnos\w+|\bsymptoms?\b|\bprescri\w+|\btherap(?:y|ist|ists)\b|\bmental health\b|\behr\b|\bemr\b|\bdoctors?\b|\bnurses?\b/,
    stakes: 10,
    followUp: (w) =>
      `You mentioned health data: will ${w.subject} store medical information about identifiable people, and will you work with clinics or insurers (in the US that makes HIPAA apply)?`,
    compliance: (r) => [
      r.us ? "HIPAA" : "HIPAA (if US patient data)",
      r.eu ? "GDPR (health data is a special category)" : "GDPR (if EU users)",
    ],
    weeks: 4,
    risks: (w) => [
      {
        title: "Health data handled without a HIPAA/GDPR-grade basis",
        category: "compliance",
        likelihood: "medium",
        impact: "high",
        mitigation:
          "Map which data is health data; use HIPAA-eligible hosting with a signed BAA, explicit consent under GDPR Art. 9, a DPIA before launch",
      },
      {
        title: `Breach of ${w.consumers}' medical records`,
        category: "security",
        likelihood: "medium",
        impact: "high",
        mitigation:
          "Encrypt at rest and in transit, field-level encryption for clinical notes, least-privilege access with audit trail, yearly penetration test",
      },
      {
        title: "Content is read as medical advice",
        category: "safety",
        likelihood: "medium",
        impact: "high",
        mitigation:
          "Clinician review of medical content, clear disclaimers, escalation path to a professional",
      },
    ],
    components: [{
      name: "Protected health data store",
      responsibility: "Encrypted records with access logging, consent checks and retention rules",
    }],
    integrations: () => [{
      name: "FHIR API of partner clinics' EHR (later)",
      purpose: "Import and export clinical records in a standard format",
    }],
    data: [{
      entity: "Health record",
      notes:
        "Special-category data: encrypted, access-logged, consent-linked, deletable on request",
    }],
    musts: () => [
      {
        text: "Explicit consent before any health data is stored",
        rationale: "GDPR Art. 9 special-category data; HIPAA privacy rule for US patient data",
      },
      {
        text: "Access to health records is logged and limited to the care relationship",
        rationale: "HIPAA security rule and breach investigation",
      },
    ],
    wont: [{
      text: "Automated diagnosis or treatment advice",
      rationale: "Would make the product a regulated medical device",
    }],
    goal: (w) =>
      `Earn the trust of ${w.consumers} and clinicians with privacy-first handling of health data`,
    metric: () => "Zero reportable health-data incidents; DPIA completed before launch",
    pain: (w) =>
      `${
        cap(w.consumers)
      } repeat their history to every new provider and lose track of their own care`,
    adoption: () =>
      "Clinicians will not change routines without integration into existing records systems",
    channel: () => "Partnerships with clinics and patient associations",
  },
  {
    id: "children",
    mention: "children",
    pattern:
      /\bkids?\b|\bchild(?:ren)?\b|\btoddlers?\b|\bteens?\b|\bteenagers?\b|\bminors?\b|\bunder[- ]13\b|\bpupils?\b|\belementary\b|\bprimary school\b|\baged? \d/,
    stakes: 9,
    followUp: () =>
      "You mentioned children: how old are they, and will they sign up themselves or through a parent or school account?",
    compliance: (r) => [
      r.us ? "COPPA (verifiable parental consent under 13)" : "COPPA (if US children under 13)",
      r.eu
        ? "GDPR Art. 8 parental consent (under 16)"
        : "GDPR Art. 8 parental consent (if EU children)",
      ...(r.uk ? ["UK Age Appropriate Design Code"] : []),
    ],
    weeks: 2.5,
    risks: (w) => [
      {
        title:
          "Collecting children's data without verifiable parental consent (COPPA, GDPR Art. 8)",
        category: "compliance",
        likelihood: "high",
        impact: "high",
        mitigation:
          "Parent-owned accounts with verifiable parental consent before a child profile is active; collect no child e-mail, name or location; data minimisation review",
      },
      {
        title: "Children buy or are advertised to without parental control",
        category: "legal",
        likelihood: "medium",
        impact: "high",
        mitigation:
          "Parental gate before every purchase and external link, no third-party ads or tracking SDKs, purchase history visible to parents",
      },
      {
        title: `App-store rejection under the Kids Category rules for ${w.subject}`,
        category: "operational",
        likelihood: "medium",
        impact: "medium",
        mitigation:
          "Follow Apple Kids Category and Google Families policies from day one; parental gates; certified ad-free SDKs only",
      },
    ],
    components: [{
      name: "Parental consent and age gate",
      responsibility: "Age screen, verifiable parental consent, parent-owned child profiles",
    }],
    integrations: () => [{
      name: "Verifiable parental consent service (e.g. Kids Web Services)",
      purpose: "COPPA-grade consent and age checks",
    }],
    data: [{
      entity: "Parental consent",
      notes:
        "Parent id, child profile, method, timestamp; required before a child profile is active",
    }],
    musts: () => [
      {
        text: "Verifiable parental consent before a child profile is created",
        rationale: "COPPA (US under 13) and GDPR Art. 8 (EU under 16)",
      },
      {
        text: "Parental gate before purchases, settings and external links",
        rationale: "Store kids-category rules and parents' trust",
      },
    ],
    wont: [{
      text: "Third-party advertising or behavioural tracking of children",
      rationale: "COPPA and store policy forbid it; it would cost parents' trust",
    }],
    goal: (w) =>
      `Earn parents' trust: ${w.subject} is safe, ad-free and transparent about what children do`,
    metric: () => "100% of child profiles with recorded parental consent",
    pain: () => "Parents worry about screen time, ads and what data is collected about their child",
    adoption: () =>
      "Parents are the gatekeepers: the child wants it, but a parent must download, consent and pay",
    segment: () => ({
      name: "Parents as payers",
      description: "Decide, consent and pay on behalf of their children",
    }),
    channel: () => "Schools, libraries and parenting media (no direct marketing to children)",
  },
  {
    id: "finance",
    mention: "money handling",
    pattern:
      /\bbank(?:s|ing)?\b|\bfintech\b|\bloans?\b|\blending\b|\binvest(?:ing|ment|ments|ors?)\b|\bcrypto\w*|\bstocks?\b|\btrading\b|\bwallets?\b|\bmoney transfers?\b|\bremittances?\b|\bcredit (?:score|cards?|lines?)\b|\binsurance\b/,
    stakes: 8,
    followUp: () =>
      "You mentioned money handling: will you hold or move people's money yourselves (which needs a licence and KYC/AML) or partner with a bank or regulated provider?",
    compliance: (r) => ["KYC/AML", ...(r.eu ? ["PSD2"] : [])],
    weeks: 5,
    risks: () => [
      {
        title: "Operating a regulated financial activity without a licence",
        category: "legal",
        likelihood: "medium",
        impact: "high",
        mitigation:
          "Partner with a licensed bank or e-money provider (banking-as-a-service); get a legal opinion before launch",
      },
      {
        title: "Money laundering and identity fraud through the platform",
        category: "compliance",
        likelihood: "medium",
        impact: "high",
        mitigation:
          "KYC at onboarding through a provider, transaction monitoring, limits for unverified accounts",
      },
    ],
    components: [{
      name: "Ledger",
      responsibility: "Double-entry record of every balance change; immutable",
    }],
    integrations: () => [{
      name: "KYC provider (e.g. Onfido or Persona)",
      purpose: "Identity verification at onboarding",
    }],
    data: [{
      entity: "Ledger entry",
      notes: "Double-entry, immutable, reconciled daily against the provider",
    }],
    musts: () => [{
      text: "Identity verification (KYC) before money moves",
      rationale: "Anti-money-laundering rules",
    }],
    wont: [{
      text: "Holding customer funds on our own balance sheet",
      rationale: "Requires a banking or e-money licence",
    }],
    pain: () => "Money matters feel risky: people need to see exactly where their money is",
    adoption: () => "Trust barrier: people hesitate to connect bank accounts to a new brand",
  },
  {
    id: "payments",
    mention: "payments",
    pattern:
      /\bpay(?:s|ing|ment|ments|outs?)?\b|\bcheckout\b|\bbilling\b|\bstripe\b|\bpaypal\b|\bcommissions?\b|\bin-?app purchases?\b|\bpurchases?\b|\btransactions?\b/,
    stakes: 7,
    followUp: (w) =>
      w.provider === "provider" && w.mobile
        ? `You mentioned payments: what will people buy in ${w.subject}? Digital content bought inside iOS and Android apps must use App Store or Google Play billing; physical goods and services can use a provider like Stripe.`
        : w.provider === "provider"
        ? `You mentioned payments: who pays whom in ${w.subject}, and will you use a provider like Stripe rather than handle card data yourselves?`
        : `You mentioned payments: will ${w.subject} take a commission and pay ${w.providers} out (e.g. Stripe Connect), or only charge a fee?`,
    compliance: (r) => [
      "PCI DSS (card data stays with a certified payment provider)",
      ...(r.eu ? ["PSD2 strong customer authentication"] : []),
    ],
    weeks: 2,
    risks: (w) =>
      w.digital ? storeBillingRisks(w) : [
        {
          title: "PCI DSS scope grows if card data touches our servers",
          category: "compliance",
          likelihood: "medium",
          impact: "high",
          mitigation:
            "Hosted checkout or Stripe Elements so card numbers never reach our backend (SAQ A); no card data in logs",
        },
        {
          title: "Payment fraud and chargebacks",
          category: "financial",
          likelihood: w.provider === "provider" ? "medium" : "high",
          impact: "medium",
          mitigation:
            "Provider fraud screening (e.g. Stripe Radar), 3-D Secure, delayed payouts for new accounts, velocity limits",
        },
      ],
    components: [],
    integrations: (w) => [
      w.digital
        ? {
          name: "App Store and Google Play billing (e.g. through RevenueCat)",
          purpose:
            "In-app purchases of digital content, receipts and refunds, as store rules require",
        }
        : w.provider === "provider"
        ? { name: "Stripe", purpose: "Card and wallet payments, refunds, 3-D Secure" }
        : {
          name: "Stripe Connect",
          purpose: `Split payments, commission and payouts to ${w.providers}`,
        },
    ],
    data: [{ entity: "Payout", notes: "Recipient, amount, fee, schedule, provider transfer id" }],
    musts: (w) => [
      w.digital
        ? {
          text:
            "Digital purchases through App Store and Google Play billing; no card data handled by us",
          rationale:
            "Store rules for digital goods bought in apps; keeps card data out of our systems",
        }
        : {
          text: "Card payments through a PCI-certified provider; no card numbers stored or logged",
          rationale: "Keeps PCI DSS scope to the smallest self-assessment (SAQ A)",
        },
    ],
    wont: [{
      text: "Our own card processing or stored card numbers",
      rationale: "PCI DSS scope and cost far beyond an MVP",
    }],
    goal: (w) =>
      w.digital
        ? "Sell digital content through store billing, with receipts checked on our server"
        : "Take payments without storing card data, so PCI scope stays minimal",
    metric: () => "Chargeback rate below 0.5% of transactions",
    adoption: () =>
      "People hesitate to enter card details in an unknown app; trusted wallets (Apple Pay, Google Pay) lower the barrier",
  },
  {
    id: "iot",
    mention: "connected devices",
    pattern:
      /\biot\b|\binternet of things\b|\bsensors?\b|\bfleets?\b|\bembedded\b|\bfirmware\b|\bmqtt\b|\btelemetry\b|\bsmart (?:home|meters?|locks?|devices?)\b|\bwearables?\b|\bhardware\b|\bconnected (?:devices|machines|vehicles|cars)\b|\bgateways?\b/,
    stakes: 7,
    followUp: () =>
      "You mentioned connected devices: how do they connect (Wi-Fi, cellular, LoRaWAN), how often do they send data, and what should happen while they are offline?",
    compliance: (
      r,
    ) => [
      r.eu ? "EU Cyber Resilience Act / ETSI EN 303 645" : "ETSI EN 303 645 IoT security baseline",
    ],
    weeks: 5,
    risks: () => [
      {
        title: "Devices lose connectivity and readings are lost",
        category: "technical",
        likelihood: "high",
        impact: "high",
        mitigation:
          "Offline buffering on the device or gateway with timestamps, MQTT QoS 1 with persistent sessions, idempotent ingestion, backfill on reconnect",
      },
      {
        title: "Failed or insecure firmware updates brick or expose devices",
        category: "security",
        likelihood: "medium",
        impact: "high",
        mitigation:
          "Signed firmware, A/B partitions with rollback, staged rollouts by device group",
      },
      {
        title: "Compromised device credentials let attackers inject data",
        category: "security",
        likelihood: "medium",
        impact: "high",
        mitigation: "Per-device X.509 certificates, rotation, topic-level ACLs on the broker",
      },
    ],
    components: [
      {
        name: "Device ingestion",
        responsibility: "MQTT broker and workers that validate, deduplicate and store readings",
      },
      {
        name: "Telemetry store",
        responsibility: "Time-series storage with downsampling and retention",
      },
      {
        name: "Firmware update service",
        responsibility: "Signed OTA releases with staged rollout and rollback",
      },
    ],
    integrations: () => [{
      name: "MQTT broker (EMQX, HiveMQ or AWS IoT Core)",
      purpose: "Device connections, QoS and per-device auth",
    }],
    data: [{
      entity: "Reading",
      notes: "Device id, metric, value, device timestamp and receive time; time-series partitioned",
    }],
    musts: () => [
      {
        text: "Readings buffered while offline and backfilled on reconnect",
        rationale: "Field connectivity is unreliable; gaps break dashboards and alerts",
      },
      {
        text: "Per-device credentials that can be revoked",
        rationale: "One leaked key must not expose the fleet",
      },
    ],
    wont: [{
      text: "Custom device hardware in the first version",
      rationale: "Off-the-shelf devices or gateways validate the software first",
    }],
    goal: () => "Ingest device data reliably, including after connectivity gaps",
    metric: () => "Share of readings delivered within 1 minute; no data loss after outages",
    pain: () => "Devices go silent in the field and nobody notices until something breaks",
    adoption: () => "Installing or retrofitting devices is a barrier before any value is visible",
  },
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
    id: "ai",
    mention: "AI features",
    pattern:
      /\bai\b|\bartificial intelligence\b|\bmachine learning\b|\bml\b|\bllms?\b|\bgpt\w*|\bchatbots?\b|\bgenerative\b|\bopenai\b|\bai-powered\b|\bsummari[sz]\w*/,
    stakes: 6,
    followUp: (w) =>
      `You mentioned AI features: what exactly should the AI do in ${w.subject}, and what happens when it gives a wrong answer?`,
    compliance: (
      r,
    ) => [
      r.eu
        ? "EU AI Act transparency duties"
        : "AI transparency: tell people when content is AI-generated",
    ],
    weeks: 3,
    risks: (w) => [
      {
        title: "AI gives wrong or made-up answers (hallucination)",
        category: "safety",
        likelihood: "high",
        impact: "medium",
        mitigation:
          `Ground answers in ${w.subject}'s own data (retrieval), show sources, let people flag answers, keep a human in the loop for consequential actions`,
      },
      {
        title: "Inference cost grows faster than revenue",
        category: "financial",
        likelihood: "medium",
        impact: "medium",
        mitigation:
          "Per-user rate limits, caching, smaller models for routine calls, cost per active user tracked weekly",
      },
      {
        title: "Personal data sent to a third-party model provider",
        category: "privacy",
        likelihood: "medium",
        impact: "medium",
        mitigation:
          "Zero-retention API terms, strip identifiers before prompts, disclose the processor",
      },
    ],
    components: [],
    integrations: () => [],
    data: [{
      entity: "AI interaction",
      notes: "Prompt version, sources used, output, rating; retained briefly for quality review",
    }],
    musts: () => [{
      text: "AI output is labelled and can be flagged as wrong",
      rationale: "Wrong answers are certain; people must be able to tell and report them",
    }],
    wont: [{
      text: "Fully automated decisions without human review",
      rationale: "Wrong answers would act on people directly",
    }],
    goal: () => "Keep AI answers grounded and the cost per user predictable",
    adoption: () => "Trust drops after the first visibly wrong AI answer",
  },
  {
    id: "marketplace",
    mention: "a marketplace",
    pattern:
      /\bmarketplaces?\b|\btwo[- ]sided\b|\bbuyers and sellers\b|\bconnect(?:s|ing)? \w+(?: \w+)? (?:with|to) (?:local |nearby )?\w+\b|\bgig (?:economy|workers?)\b|\bpeer[- ]to[- ]peer\b|\bhire (?:local )?\w+ers\b/,
    stakes: 5,
    followUp: (w) =>
      `You mentioned a marketplace: how will you get the first ${w.providers} and ${w.consumers}${w.inMarket} onto ${w.subject} at the same time?`,
    compliance: (r) => (r.eu ? ["EU Digital Services Act (online marketplace duties)"] : []),
    weeks: 2,
    risks: (w) => [
      {
        title: `Unsafe or fraudulent ${w.providers} harm ${w.consumers} (trust and safety)`,
        category: "safety",
        likelihood: "medium",
        impact: "high",
        mitigation:
          `ID verification and reference checks for ${w.providers}, reviews after each job, report button, insurance cover, documented dispute process`,
      },
      {
        title:
          `Cold start: ${w.consumers} won't come without ${w.providers}${w.inMarket}, and vice versa`,
        category: "market",
        likelihood: "high",
        impact: "high",
        mitigation:
          `Recruit ${w.providers} first in one neighbourhood, guarantee early earnings, then open to ${w.consumers} there`,
      },
      {
        title: `${cap(w.providers)} classified as employees rather than independent contractors`,
        category: "legal",
        likelihood: "low",
        impact: "medium",
        mitigation:
          `Let ${w.providers} set their own prices and hours; get local employment-law advice`,
      },
    ],
    components: [{
      name: "Trust and safety",
      responsibility: "Verification, reports, blocking and dispute handling",
    }],
    integrations: (
      w,
    ) => [{
      name: "Identity verification (e.g. Stripe Identity)",
      purpose: `Verify ${w.providers} before their first job`,
    }],
    data: [{
      entity: "Dispute",
      notes: "Booking, parties, claim, evidence, outcome; feeds trust scores",
    }],
    musts: (
      w,
    ) => [{
      text: `Verification of ${w.providers} before they can accept work`,
      rationale: "Trust and safety is the product in a marketplace",
    }],
    wont: [],
    goal: (w) =>
      `Reach liquidity${w.inMarket}: most ${w.consumer} requests get accepted by a ${w.provider} within a day`,
    metric: () => "Fill rate: share of requests accepted within 24 hours",
    pain: (w) =>
      `${
        cap(w.consumers)
      } can't easily judge whether a stranger offering the service can be trusted`,
    adoption: (w) =>
      `Two-sided cold start: ${w.consumers} won't come without ${w.providers}${w.inMarket}, and ${w.providers} won't stay without ${w.consumers}`,
    segment: (w) => ({
      name: `Supply side: ${w.providers}`,
      description: `Earn money through ${w.subject}; must be recruited first`,
    }),
    channel: (w) =>
      `Supply-side recruiting${w.inMarket}: local groups, flyers and referral bonuses`,
  },
  {
    id: "ugc",
    mention: "user content",
    pattern:
      /\buser[- ]generated\b|\bposts?\b|\bposting\b|\bupload(?:s|ed|ing)?\b|\bshare (?:their|your|my) (?:photos|videos|stories|posts|content|work)\b|\bcomments?\b|\bforums?\b|\breviews?\b(?<!(?:always|also|then|who|that|which|manually|someone|human|doctor|admin|moderator|editor) reviews?)/,
    stakes: 4,
    followUp: () =>
      "You mentioned user content: who reviews reported posts or uploads, and what must never appear?",
    compliance: () => ["Notice-and-takedown process (DMCA / EU DSA)"],
    weeks: 2,
    risks: () => [
      {
        title: "Harmful or illegal user content stays up (moderation)",
        category: "legal",
        likelihood: "medium",
        impact: "high",
        mitigation:
          "Report button on every item, moderation queue with response targets, automated screening of images and text, clear community rules",
      },
      {
        title: "Copyright infringement in uploads",
        category: "legal",
        likelihood: "medium",
        impact: "medium",
        mitigation:
          "Terms granting a licence, DMCA/DSA notice-and-takedown process with a designated contact, repeat-infringer policy",
      },
    ],
    components: [{
      name: "Moderation queue",
      responsibility: "Reports, automated screening, decisions and appeals",
    }],
    integrations: () => [{
      name: "Content moderation API (e.g. Hive or AWS Rekognition)",
      purpose: "Screen uploads for abuse and illegal content",
    }],
    data: [{ entity: "Report", notes: "Reporter, target, reason, decision, decided by, time" }],
    musts: () => [{
      text: "Report and takedown for any user content",
      rationale: "Platform liability (DSA/DMCA) and community safety",
    }],
    wont: [],
    pain: () => "Abuse and spam in shared spaces drive people away",
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
      rationale: "Location privacy (GDPR/CCPA) and personal safety",
    }],
    wont: [],
  },
  {
    id: "education",
    mention: "education",
    pattern:
      /\bstudents?\b|\bteachers?\b|\bschools?\b|\bclassrooms?\b|\blearn(?:ing|ers?)?\b|\bcourses?\b|\blessons?\b|\btutor\w*|\beducation\w*|\bhomework\b|\breading\b|\bliteracy\b/,
    stakes: 0,
    compliance: (r) => [r.us ? "FERPA (student records)" : "FERPA (if US school records)"],
    weeks: 0.5,
    risks: () => [{
      title: "Learning content does not match learners' level, so they drop off",
      category: "market",
      likelihood: "medium",
      impact: "medium",
      mitigation: "Levelled content, a short placement step, weekly review of drop-off by level",
    }],
    components: [],
    integrations: () => [],
    data: [],
    musts: () => [],
    wont: [],
    metric: () => "Share of learners who finish their first week",
    channel: () => "Teachers and school pilots as trusted recommenders",
  },
  {
    id: "ecommerce",
    mention: "online selling",
    pattern:
      /\bonline (?:shop|store)\b|\be-?commerce\b|\bshopping carts?\b|\bsell (?:products|goods|merch\w*|clothes|online)\b|\bshopify\b|\bshoppers?\b/,
    stakes: 0,
    compliance: () => ["Consumer protection: returns, pricing and distance-selling rules"],
    weeks: 1,
    risks: () => [{
      title: "Returns and delivery problems erode margin",
      category: "operational",
      likelihood: "medium",
      impact: "medium",
      mitigation: "Clear return policy, carrier tracking, track return rate per product",
    }],
    components: [],
    integrations: () => [],
    data: [],
    musts: () => [],
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
