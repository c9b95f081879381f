/**
 * Domain knowledge of the offline engine: lexicons that recognise platforms, roles,
 * features and domains in free text, and what each implies for the analyses (stories,
 * components, integrations, compliance, risks). One row per concept so that adding a
 * feature or a domain is one edit in one place.
 *
 * Every regex here is compiled once at module load and matched against lower-cased text.
 *
 * @module
 */
import { cap } from "./text.ts";

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

// ---------------------------------------------------------------------------------------
// Platforms

/** A platform the person can name, with the canonical label stored in requirements. */
export interface PlatformInfo {
  label: string;
  pattern: RegExp;
  /** Person-weeks to stand up this client (shell, navigation, release pipeline). */
  weeks: number;
}

/** Platforms in display order. `mobile` is handled by the extractor (iOS + Android). */
export const PLATFORMS: readonly PlatformInfo[] = [
  {
    label: "Web",
    pattern: /\bweb(?:site|app| app| application| dashboard| portal)?\b|\bpwa\b|\bin the browser\b/,
    weeks: 2,
  },
  { label: "iOS", pattern: /\bios\b|\biphones?\b|\bipads?\b|\bapp store\b/, weeks: 2.5 },
  { label: "Android", pattern: /\bandroid\b|\bgoogle play\b|\bplay store\b/, weeks: 2.5 },
  { label: "Desktop", pattern: /\bdesktop\b/, weeks: 2 },
  { label: "Windows", pattern: /\bwindows\b/, weeks: 2 },
  { label: "macOS", pattern: /\bmac ?os\b|\bos x\b|\bmacbooks?\b|\bmac app\b/, weeks: 2 },
  { label: "Linux", pattern: /\blinux\b/, weeks: 2 },
  { label: "Slack app", pattern: /\bslack\b/, weeks: 1.5 },
  {
    label: "Microsoft Teams app",
    pattern: /\b(?:microsoft|ms) teams\b|\bteams (?:bot|app|integration)\b/,
    weeks: 1.5,
  },
  {
    label: "Browser extension",
    pattern: /\b(?:browser|chrome|firefox|edge|safari) (?:extension|add-?on|plugin)s?\b/,
    weeks: 1.5,
  },
  {
    label: "Smartwatch",
    pattern: /\bsmart ?watch(?:es)?\b|\bapple watch\b|\bwear ?os\b|\bwatchos\b/,
    weeks: 2.5,
  },
  {
    label: "TV",
    pattern: /\bsmart tvs?\b|\b(?:apple|android|fire) tv\b|\btv app\b|\btvos\b|\broku\b/,
    weeks: 2.5,
  },
  {
    label: "Voice assistant",
    pattern: /\balexa\b|\bgoogle assistant\b|\bvoice (?:assistant|app|skill)s?\b|\bsiri\b/,
    weeks: 2,
  },
  {
    label: "Public API",
    pattern: /\b(?:public|rest|graphql|open|developer) api\b|\bapi[- ]first\b|\bsdks?\b/,
    weeks: 1.5,
  },
];

/** `mobile`, `phone app`, `smartphone`: both stores unless one is named. */
export const MOBILE = /\bmobile\b|\bphone apps?\b|\bsmartphones?\b|\bapp stores\b/;

/** Labels that count as mobile clients. */
export const MOBILE_LABELS: ReadonlySet<string> = new Set(["iOS", "Android"]);

// ---------------------------------------------------------------------------------------
// Roles (users)

/** A kind of person the product serves. */
export interface RoleInfo {
  /** Canonical plural label, e.g. `parents`. */
  label: string;
  pattern: RegExp;
  actor: Actor;
  /** What frustrates this role today; used for personas and pains. */
  frustration?: string;
  /** Where to reach this role. */
  channel?: string;
}

/** Role nouns, most specific first. The last word of each label is its head noun. */
export const ROLES: readonly RoleInfo[] = [
  {
    label: "parents",
    pattern: /\bparents?\b|\bmums?\b|\bmoms?\b|\bdads?\b|\bfamil(?:y|ies)\b/,
    actor: "consumer",
    frustration: "Little time, and no easy way to see what their child is actually doing",
    channel: "Parenting communities, school newsletters and parent bloggers",
  },
  {
    label: "children",
    pattern: /\bkids?\b|\bchild(?:ren)?\b|\btoddlers?\b|\bteens?\b|\bteenagers?\b/,
    actor: "consumer",
    frustration: "Boring or too-hard content makes them give up quickly",
  },
  {
    label: "students",
    pattern: /\bstudents?\b|\bpupils?\b|\blearners?\b/,
    actor: "consumer",
    frustration: "Material scattered across tools and little feedback on progress",
    channel: "Campus ambassadors, student societies and teacher recommendations",
  },
  {
    label: "teachers",
    pattern: /\bteachers?\b|\beducators?\b/,
    actor: "provider",
    frustration: "Admin work eats into teaching time",
    channel: "Teacher communities, education fairs and school district pilots",
  },
  {
    label: "tutors",
    pattern: /\btutors?\b/,
    actor: "provider",
    frustration: "Finding students and scheduling sessions takes unpaid time",
  },
  {
    label: "doctors",
    pattern: /\bdoctors?\b|\bphysicians?\b|\bclinicians?\b/,
    actor: "provider",
    frustration: "Documentation and scheduling take time away from patients",
    channel: "Clinic partnerships, medical associations and conferences",
  },
  {
    label: "nurses",
    pattern: /\bnurses?\b/,
    actor: "provider",
    frustration: "Shift work and paperwork leave no time for new tools",
  },
  {
    label: "therapists",
    pattern: /\btherapists?\b|\bpsychologists?\b|\bcounsell?ors?\b/,
    actor: "provider",
  },
  {
    label: "patients",
    pattern: /\bpatients?\b/,
    actor: "consumer",
    frustration: "Hard to get appointments and to keep track of their own care",
    channel: "Clinics and patient groups",
  },
  {
    label: "caregivers",
    pattern: /\bcare ?givers?\b|\bcarers?\b/,
    actor: "consumer",
    frustration: "Coordinating care for someone else with no shared overview",
  },
  {
    label: "seniors",
    pattern: /\bseniors?\b|\belderly\b|\bolder (?:adults|people)\b|\bretirees?\b/,
    actor: "consumer",
    frustration: "Apps with small text and complicated flows",
  },
  {
    label: "small businesses",
    pattern:
      /\bsmall (?:business(?:es)?|shops?|companies)\b|\bsmbs?\b|\blocal (?:shops?|businesses)\b/,
    actor: "consumer",
    frustration: "No time or staff for tools that need setup",
    channel: "Local business associations, accountants and Google Business listings",
  },
  {
    label: "freelancers",
    pattern: /\bfreelancers?\b|\bself-employed\b|\bconsultants?\b|\bcontractors?\b/,
    actor: "provider",
    frustration: "Chasing clients and invoices instead of doing paid work",
    channel: "Freelancer communities, co-working spaces and LinkedIn",
  },
  {
    label: "developers",
    pattern: /\bdevelopers?\b|\bdevs\b|\bprogrammers?\b|\bsoftware engineers?\b/,
    actor: "consumer",
    frustration: "Tools that need lengthy setup or lock their data in",
    channel: "GitHub, Hacker News, developer newsletters and conference talks",
  },
  {
    label: "drivers",
    pattern: /\bdrivers?\b|\bcouriers?\b/,
    actor: "provider",
    frustration: "Idle time between jobs and opaque earnings",
    channel: "Driver forums and referral bonuses",
  },
  {
    label: "landlords",
    pattern: /\blandlords?\b|\bproperty managers?\b/,
    actor: "provider",
    frustration: "Chasing rent and repair requests by phone and e-mail",
  },
  {
    label: "tenants",
    pattern: /\btenants?\b|\brenters?\b/,
    actor: "consumer",
    frustration: "Repairs and deposits handled slowly and without a paper trail",
  },
  {
    label: "restaurants",
    pattern: /\brestaurants?\b|\bcaf(?:e|é)s?\b/,
    actor: "provider",
    frustration: "Thin margins and high platform commissions",
    channel: "Direct field sales to venues and hospitality associations",
  },
  {
    label: "shoppers",
    pattern: /\bshoppers?\b|\bbuyers?\b|\bconsumers?\b/,
    actor: "consumer",
    frustration: "Comparing options across many shops takes too long",
  },
  {
    label: "sellers",
    pattern: /\bsellers?\b|\bmerchants?\b|\bvendors?\b|\bretailers?\b/,
    actor: "provider",
    frustration: "Reaching buyers without giving away margin to big platforms",
  },
  {
    label: "gamers",
    pattern: /\bgamers?\b|\bplayers?\b/,
    actor: "consumer",
    channel: "Discord servers, Twitch streamers and Reddit communities",
  },
  {
    label: "HR teams",
    pattern: /\bhr\b|\bhuman resources\b|\bpeople teams?\b/,
    actor: "operator",
    frustration: "Manual processes across spreadsheets and e-mail",
  },
  {
    label: "recruiters",
    pattern: /\brecruiters?\b|\bhiring managers?\b/,
    actor: "operator",
  },
  {
    label: "sales teams",
    pattern: /\bsales ?(?:teams?|reps?|people|staff)\b/,
    actor: "consumer",
    frustration: "CRM data entry that steals selling time",
  },
  {
    label: "managers",
    pattern: /\bmanagers?\b|\bsupervisors?\b|\bteam leads?\b/,
    actor: "operator",
    frustration: "No single, current view of what their team is doing",
  },
  {
    label: "employees",
    pattern: /\bemployees?\b|\bstaff\b|\bworkers?\b|\bteam members?\b|\bworkforce\b/,
    actor: "consumer",
    frustration: "Yet another tool to learn on top of their real work",
  },
  {
    label: "technicians",
    pattern:
      /\btechnicians?\b|\bfield (?:workers|engineers|staff|teams?)\b|\bmaintenance (?:teams?|crews?|staff)\b/,
    actor: "operator",
    frustration: "Finding out about failures only when someone complains",
  },
  {
    label: "operators",
    pattern: /\boperators?\b|\boperations teams?\b|\bops teams?\b/,
    actor: "operator",
    frustration: "Reacting to incidents instead of preventing them",
  },
  {
    label: "IT admins",
    pattern: /\bit (?:admins?|administrators?|teams?|departments?)\b|\bsysadmins?\b/,
    actor: "operator",
    frustration: "Every new tool needs SSO, provisioning and a security review",
  },
  {
    label: "admins",
    pattern: /\badmins?\b|\badministrators?\b/,
    actor: "operator",
  },
  {
    label: "farmers",
    pattern: /\bfarmers?\b|\bgrowers?\b/,
    actor: "consumer",
    frustration: "Weather, prices and paperwork tracked on paper",
    channel: "Farmers' co-operatives, agricultural fairs and suppliers",
  },
  {
    label: "athletes",
    pattern: /\bathletes?\b|\brunners?\b|\bcyclists?\b/,
    actor: "consumer",
    channel: "Running and cycling clubs, Strava groups",
  },
  {
    label: "coaches",
    pattern: /\bcoach(?:es)?\b|\bpersonal trainers?\b|\binstructors?\b/,
    actor: "provider",
  },
  {
    label: "travellers",
    pattern: /\btravell?ers?\b|\btourists?\b/,
    actor: "consumer",
  },
  {
    label: "creators",
    pattern: /\bcreators?\b|\binfluencers?\b|\bartists?\b|\bmusicians?\b|\bwriters?\b/,
    actor: "provider",
    frustration: "Unpredictable income and dependence on platform algorithms",
  },
  {
    label: "job seekers",
    pattern: /\bjob ?seekers?\b|\bcandidates?\b|\bapplicants?\b/,
    actor: "consumer",
  },
  { label: "volunteers", pattern: /\bvolunteers?\b/, actor: "provider" },
  {
    label: "nonprofits",
    pattern: /\bnon-?profits?\b|\bcharit(?:y|ies)\b|\bngos?\b/,
    actor: "consumer",
  },
  { label: "homeowners", pattern: /\bhome ?owners?\b/, actor: "consumer" },
  { label: "researchers", pattern: /\bresearchers?\b|\bscientists?\b/, actor: "consumer" },
  { label: "accountants", pattern: /\baccountants?\b|\bbookkeepers?\b/, actor: "consumer" },
  { label: "lawyers", pattern: /\blawyers?\b|\battorneys?\b|\blaw firms?\b/, actor: "consumer" },
  {
    label: "walkers",
    pattern: /\bwalkers?\b/,
    actor: "provider",
    frustration: "Unpaid gaps between jobs and last-minute cancellations",
  },
  {
    label: "sitters",
    pattern: /\bsitters?\b|\bbabysitters?\b|\bnann(?:y|ies)\b/,
    actor: "provider",
  },
  { label: "groomers", pattern: /\bgroomers?\b/, actor: "provider" },
  { label: "cleaners", pattern: /\bcleaners?\b/, actor: "provider" },
  {
    label: "tradespeople",
    pattern: /\bplumbers?\b|\belectricians?\b|\bhandym[ae]n\b|\btradespeople\b/,
    actor: "provider",
  },
  { label: "hosts", pattern: /\bhosts?\b/, actor: "provider" },
  { label: "guests", pattern: /\bguests?\b/, actor: "consumer" },
];

/** Generic people words: only used when a users answer names nothing more specific. */
export const GENERIC_ROLES: readonly RoleInfo[] = [
  { label: "customers", pattern: /\bcustomers?\b|\bclients?\b/, actor: "consumer" },
  { label: "members", pattern: /\bmembers?\b/, actor: "consumer" },
];

/**
 * Service-provider nouns that take the modifier of a nearby `X owners` phrase:
 * "dog owners book walkers" means dog walkers.
 */
export const PROVIDER_NOUNS: ReadonlySet<string> = new Set([
  "walkers",
  "sitters",
  "groomers",
  "trainers",
  "cleaners",
  "drivers",
  "tutors",
]);

// ---------------------------------------------------------------------------------------
// Features

/** A capability the person can ask for, and how each analyst treats it. */
export interface FeatureInfo {
  /** Stored label, e.g. `booking and scheduling`. */
  label: string;
  pattern: RegExp;
  actor: Actor;
  want: (w: Wording) => string;
  soThat: (w: Wording) => string;
  /** Optional story for the serving side of a two-sided product. */
  providerStory?: { want: (w: Wording) => string; soThat: string };
  /** Belongs in a first version unless the timeline forces cuts. */
  mvp: boolean;
  /** Person-weeks for one client, backend included. */
  weeks: number;
  component?: Component;
  entity?: Entity;
  integration?: (w: Wording) => Integration;
  metric: (w: Wording) => string;
  /** Domains this feature implies. */
  domains?: readonly string[];
}

/** Features in priority order: earlier rows are more central to a first version. */
export const FEATURES: readonly FeatureInfo[] = [
  {
    label: "accounts and profiles",
    pattern:
      /\bprofiles?\b|\baccounts?\b|\bsign[- ]?(?:up|in)\b|\blog ?in\b|\bregist(?:er|ration)\b/,
    actor: "consumer",
    want: () => "create an account and a profile in under a minute",
    soThat: (w) => `my details and history follow me on ${w.subject}`,
    mvp: true,
    weeks: 1.5,
    entity: {
      entity: "Profile",
      notes: "Public and private fields kept apart; editable by the owner",
    },
    metric: () => "Sign-up completion rate (started vs finished)",
  },
  {
    label: "booking and scheduling",
    pattern:
      /\bbookings?\b|\bbook(?:ed)? (?:a |an |the |their |local )?(?:walks?|walkers?|sessions?|slots?|appointments?|tables?|rooms?|class(?:es)?|rides?|lessons?|services?|time|trips?|stays?|tutors?|cleaners?|drivers?|sitters?|visits?|courts?|them|it)\b|\breserv(?:e|es|ation|ations)\b|\bschedul\w*|\bappointments?\b/,
    actor: "consumer",
    want: (w) => `book an available ${w.provider} for a time that suits me`,
    soThat: () => "I get a confirmed slot without back-and-forth messages",
    providerStory: {
      want: () => "set my availability and accept or decline requests",
      soThat: "my calendar fills up without double bookings",
    },
    mvp: true,
    weeks: 3,
    component: {
      name: "Booking service",
      responsibility: "Availability, requests, confirmations, cancellations and no-show rules",
    },
    entity: {
      entity: "Booking",
      notes:
        "Who, with whom, when, status (requested/confirmed/cancelled/done); unique slot constraint",
    },
    metric: () => "Share of booking requests confirmed within 24 hours",
    domains: ["booking"],
  },
  {
    label: "payments",
    pattern:
      /\bpay(?:s|ing|ment|ments|outs?)?\b|\bcheckout\b|\bbilling\b|\bstripe\b|\bpaypal\b|\bcommissions?\b|\bin-?app purchases?\b|\biap\b|\bpurchases?\b|\btransactions?\b|\btips?\b|\bcharge (?:a |the )?(?:fee|customers?|users?)\b|\bfees?\b/,
    actor: "consumer",
    want: () => "pay in the app with a card or wallet",
    soThat: () => "I don't have to handle cash, transfers or invoices",
    providerStory: {
      want: () => "get paid out automatically after each completed job",
      soThat: "I don't have to chase payments",
    },
    mvp: true,
    weeks: 2.5,
    component: {
      name: "Payments module",
      responsibility:
        "Checkout, refunds and payouts through the payment provider; no card data on our servers",
    },
    entity: {
      entity: "Payment",
      notes: "Provider payment id, amount, currency, status, refund; never raw card numbers",
    },
    metric: () => "Payment success rate (target ≥ 98%) and refund/chargeback rate",
    domains: ["payments"],
  },
  {
    label: "subscriptions",
    pattern:
      /\bsubscri\w+|\bmonthly (?:plan|fee)\b|\bpremium (?:tier|plan)\b|\bfreemium\b|\bmembership\b/,
    actor: "consumer",
    want: () => "subscribe to a plan and cancel it myself at any time",
    soThat: () => "I only pay while it is useful to me",
    mvp: false,
    weeks: 2,
    entity: { entity: "Subscription", notes: "Plan, status, renewal date, store or provider id" },
    metric: () => "Trial-to-paid conversion and monthly churn",
    domains: ["payments"],
  },
  {
    label: "search and filters",
    pattern:
      /\bsearch\w*|\bfilters?\b|\bfiltering\b|\bbrowse\b|\bfind (?:a |the |local |nearby )?\w+/,
    actor: "consumer",
    want: (w) =>
      `search and filter ${w.providers === "providers" ? "what is on offer" : w.providers}`,
    soThat: () => "I find a good match in seconds",
    mvp: true,
    weeks: 1.5,
    metric: () => "Share of searches that lead to a next step",
  },
  {
    label: "matching",
    pattern: /\bmatch(?:es|ing|ed|making)?\b/,
    actor: "consumer",
    want: (w) => `be matched with suitable ${w.providers}`,
    soThat: () => "I don't have to compare every option myself",
    mvp: true,
    weeks: 2,
    component: {
      name: "Matching engine",
      responsibility: "Ranks candidates by fit, distance and availability",
    },
    metric: () => "Share of matches accepted by both sides",
  },
  {
    label: "maps and location",
    pattern:
      /\bmaps?\b|\bgps\b|\bnavigation\b|\broutes?\b|\bnearby\b|\bnear me\b|\btracking (?:of )?(?:the )?(?:location|walks?|route|delivery|drivers?|vehicles?)\b|\blocation\w*/,
    actor: "consumer",
    want: (w) => `see ${w.providers} near me on a map`,
    soThat: () => "I pick what is practical to reach",
    mvp: true,
    weeks: 2,
    entity: {
      entity: "Location",
      notes: "Coarse area by default; precise points only with consent and a retention limit",
    },
    integration: () => ({
      name: "Mapbox or Google Maps Platform",
      purpose: "Maps, geocoding and distance search",
    }),
    metric: () => "Median distance between matched parties",
    domains: ["location"],
  },
  {
    label: "notifications",
    pattern: /\bnotif\w+|\bpush\b|\balerts?\b|\balerting\b|\bsms\b|\btext messages?\b/,
    actor: "consumer",
    want: () => "get a notification when something needs my attention",
    soThat: () => "I react in time without checking the app all day",
    mvp: true,
    weeks: 1,
    component: {
      name: "Notification service",
      responsibility: "Push, e-mail and SMS fan-out with per-user preferences",
    },
    metric: () => "Notification opt-out rate (keep below 10%)",
  },
  {
    label: "in-app chat",
    pattern: /\bchat\w*|\bmessag(?:e|es|ing)\b|\bdms?\b|\bdirect messages?\b|\binbox\b/,
    actor: "consumer",
    want: (w) =>
      `message ${w.provider === "provider" ? "the other side" : `my ${w.provider}`} in the app`,
    soThat: () => "I can sort out details without sharing my phone number",
    mvp: false,
    weeks: 3,
    component: {
      name: "Messaging service",
      responsibility: "Conversations, delivery receipts, abuse reports",
    },
    entity: {
      entity: "Message",
      notes: "Conversation id, sender, body, sent/read times; retained for dispute handling",
    },
    metric: () => "Median time to first reply",
  },
  {
    label: "content library",
    pattern:
      /\blibrary\b|\bcatalog(?:ue)?\b|\bbooks\b|\bstories\b|\barticles\b|\bcourses?\b|\blessons\b|\brecipes\b|\bepisodes\b|\bexercises\b/,
    actor: "consumer",
    want: () => "browse a library of content that fits my level",
    soThat: () => "there is always something new and suitable to pick",
    mvp: true,
    weeks: 2,
    component: {
      name: "Content service",
      responsibility: "Catalogue, levels, tags, publishing workflow",
    },
    entity: { entity: "Content item", notes: "Title, level, tags, rights/licence, publish state" },
    metric: () => "Items finished per active user per week",
  },
  {
    label: "progress tracking",
    pattern:
      /\bprogress\b|\bstreaks?\b|\btrack(?:s|ing)? (?:their |my |your )?(?:progress|habits?|workouts?|reading|goals?)\b/,
    actor: "consumer",
    want: () => "see my progress over time",
    soThat: () => "I stay motivated and know what to do next",
    mvp: true,
    weeks: 1.5,
    entity: {
      entity: "Progress event",
      notes: "Who, what, when; aggregated into weekly summaries",
    },
    metric: () => "Week-4 retention of new users",
  },
  {
    label: "dashboard and analytics",
    pattern:
      /\bdashboards?\b|\banalytics\b|\breports\b|\breporting\b|\bcharts?\b|\binsights?\b|\bkpis?\b|\bmetrics\b/,
    actor: "operator",
    want: () => "see the key numbers on one dashboard",
    soThat: () => "I can decide what to do next without exporting spreadsheets",
    mvp: true,
    weeks: 2.5,
    component: {
      name: "Reporting",
      responsibility: "Aggregations and dashboard queries, kept off the write path",
    },
    metric: () => "Weekly dashboard views per account",
  },
  {
    label: "real-time monitoring",
    pattern: /\breal[- ]?time\b|\bmonitor\w*|\blive (?:data|status|view)\b|\btelemetry\b/,
    actor: "operator",
    want: () => "watch live status and get alerted when a threshold is crossed",
    soThat: () => "I act before a failure becomes an outage",
    mvp: true,
    weeks: 3,
    component: {
      name: "Live status stream",
      responsibility: "Pushes current state to dashboards over WebSockets",
    },
    metric: () => "Time from an anomaly to an alert (target under 1 minute)",
  },
  {
    label: "device fleet management",
    pattern:
      /\bfleets?\b|\bdevice (?:management|fleet|registry)\b|\bprovision(?:ing)?\b|\bfirmware\b|\bsensors?\b|\b(?:iot|connected) devices\b/,
    actor: "operator",
    want: () => "register, group and check the health of every device",
    soThat: () => "I know which devices are online, outdated or failing",
    mvp: true,
    weeks: 3,
    component: {
      name: "Device registry",
      responsibility: "Device identity, credentials, groups, last-seen and firmware version",
    },
    entity: {
      entity: "Device",
      notes: "Serial, owner organisation, credentials (rotatable), firmware version, last seen",
    },
    metric: () => "Share of devices reporting in the last hour",
    domains: ["iot"],
  },
  {
    label: "single sign-on",
    pattern:
      /\bsso\b|\bsingle sign[- ]on\b|\bsaml\b|\bokta\b|\bactive directory\b|\bazure ad\b|\bentra id\b/,
    actor: "operator",
    want: () => "let my colleagues sign in with our company identity provider",
    soThat: () => "access is granted and revoked centrally",
    mvp: true,
    weeks: 2,
    integration: () => ({
      name: "Okta / Microsoft Entra ID via SAML or OIDC (e.g. through WorkOS)",
      purpose: "Enterprise single sign-on and SCIM user provisioning",
    }),
    metric: () => "Share of enterprise seats signing in via SSO",
    domains: ["enterprise"],
  },
  {
    label: "roles and permissions",
    pattern: /\broles?\b|\bpermissions?\b|\baccess control\b|\brbac\b/,
    actor: "operator",
    want: () => "give each person only the access their role needs",
    soThat: () => "sensitive data is not visible to everyone",
    mvp: true,
    weeks: 1.5,
    metric: () => "Permission-related support tickets per month",
  },
  {
    label: "audit log",
    pattern: /\baudit\w*/,
    actor: "operator",
    want: () => "see who changed what and when",
    soThat: () => "I can answer auditors and investigate incidents",
    mvp: true,
    weeks: 1,
    entity: {
      entity: "Audit event",
      notes: "Actor, action, target, time, IP; append-only, exportable",
    },
    metric: () => "Audit export requests answered within a day",
    domains: ["enterprise"],
  },
  {
    label: "admin back office",
    pattern:
      /\badmin (?:panel|tools?|dashboard|area|console)\b|\bback[- ]?office\b|\bmoderation tools?\b/,
    actor: "operator",
    want: () => "manage accounts, content and disputes from an admin panel",
    soThat: () => "support does not need an engineer for routine fixes",
    mvp: true,
    weeks: 2,
    metric: () => "Median time to resolve a support case",
  },
  {
    label: "reviews and ratings",
    pattern:
      /\breviews?\b(?<!(?:always|also|then|who|that|which|manually|someone|human|doctor|admin|moderator|editor) reviews?)|\bratings?\b|\brate (?:the|each|their|a)\b|\bstar rating\b/,
    actor: "consumer",
    want: (w) => `rate and review a ${w.provider} after each job`,
    soThat: (w) => `good ${w.providers} stand out and bad ones are filtered out`,
    mvp: false,
    weeks: 1.5,
    entity: {
      entity: "Review",
      notes: "Author, subject, booking it refers to, stars, text, moderation state",
    },
    metric: () => "Share of completed jobs that get a review",
    domains: ["ugc"],
  },
  {
    label: "photo and file upload",
    pattern: /\bphotos?\b|\bpictures?\b|\bimages?\b|\bupload\w*|\battachments?\b/,
    actor: "consumer",
    want: () => "upload photos from my phone or computer",
    soThat: () => "others see exactly what I mean",
    mvp: false,
    weeks: 1.5,
    integration: () => ({
      name: "Object storage (S3-compatible) with a CDN",
      purpose: "Uploads, thumbnails and delivery",
    }),
    metric: () => "Upload success rate on mobile networks",
    domains: ["ugc"],
  },
  {
    label: "video",
    pattern: /\bvideos?\b|\bvideo calls?\b|\blive ?stream\w*|\bstreaming\b/,
    actor: "consumer",
    want: () => "watch or join video in the app",
    soThat: () => "I don't need a separate video tool",
    mvp: false,
    weeks: 4,
    integration: () => ({ name: "Mux or Daily", purpose: "Video hosting, streaming or calls" }),
    metric: () => "Video start failures per 1,000 plays",
  },
  {
    label: "community feed",
    pattern:
      /\bfeed\b|\bcommunity\b|\bforums?\b|\bcomments?\b|\bfollowers?\b|\bposts?\b|\bposting\b/,
    actor: "consumer",
    want: () => "post updates and comment on what others share",
    soThat: () => "I feel part of a community, not alone with a tool",
    mvp: false,
    weeks: 3,
    entity: {
      entity: "Post",
      notes: "Author, body, media, visibility, report count, moderation state",
    },
    metric: () => "Share of weekly users who post or comment",
    domains: ["ugc", "social"],
  },
  {
    label: "ordering and delivery tracking",
    pattern:
      /\b(?:place|track|manage) (?:an |the )?orders?\b|\bordering\b|\borders\b|\bdeliver(?:y|ies)\b/,
    actor: "consumer",
    want: () => "place an order and follow its delivery status",
    soThat: () => "I know exactly when it will arrive",
    mvp: true,
    weeks: 3,
    entity: { entity: "Order", notes: "Items, totals, status history, delivery address" },
    metric: () => "Order completion rate and on-time delivery share",
    domains: ["ecommerce"],
  },
  {
    label: "inventory management",
    pattern: /\binventory\b|\bstock (?:levels?|management)\b|\bwarehouses?\b/,
    actor: "operator",
    want: () => "see and adjust stock levels",
    soThat: () => "I never sell what I don't have",
    mvp: true,
    weeks: 2,
    entity: { entity: "Stock item", notes: "SKU, quantity per location, reserved quantity" },
    metric: () => "Stock-out incidents per month",
  },
  {
    label: "invoicing",
    pattern: /\binvoic\w+/,
    actor: "provider",
    want: () => "create and send invoices in a few clicks",
    soThat: () => "I get paid faster with less admin",
    mvp: true,
    weeks: 2,
    entity: { entity: "Invoice", notes: "Number sequence, line items, tax, due date, status" },
    metric: () => "Median days from invoice to payment",
  },
  {
    label: "time tracking",
    pattern: /\btime[- ]tracking\b|\btrack (?:time|hours)\b|\btimesheets?\b/,
    actor: "consumer",
    want: () => "track time with one tap",
    soThat: () => "my records are complete without end-of-week guesswork",
    mvp: true,
    weeks: 1.5,
    metric: () => "Share of days with tracked time",
  },
  {
    label: "parental controls",
    pattern:
      /\bparental (?:controls?|dashboard|settings|approval)\b|\bparents? (?:can )?(?:see|monitor|control|approve|set limits)\b/,
    actor: "consumer",
    want: () => "set limits and see what my child reads and buys",
    soThat: () => "I stay in control of their screen time and spending",
    mvp: true,
    weeks: 2,
    metric: () => "Share of parent accounts that open the parent view weekly",
    domains: ["children"],
  },
  {
    label: "reminders",
    pattern: /\bremind\w*/,
    actor: "consumer",
    want: () => "get reminders at the right time",
    soThat: () => "I don't forget what I planned",
    mvp: true,
    weeks: 1,
    metric: () => "Share of reminders acted on",
  },
  {
    label: "calendar sync",
    pattern: /\bcalendars?\b/,
    actor: "consumer",
    want: () => "sync with the calendar I already use",
    soThat: () => "I see everything in one place",
    mvp: false,
    weeks: 1.5,
    integration: () => ({
      name: "Google Calendar API and Microsoft Graph",
      purpose: "Two-way calendar sync",
    }),
    metric: () => "Share of users who connect a calendar",
  },
  {
    label: "AI assistant",
    pattern:
      /\bai\b|\bartificial intelligence\b|\bchatbot\b|\bassistant\b|\bgpt\b|\bllms?\b|\bmachine learning\b|\bgenerat(?:e|es|ive) (?:text|images?|summar\w+|answers?|content)\b|\bsummari[sz]\w*/,
    actor: "consumer",
    want: () => "ask the built-in assistant for help in plain language",
    soThat: () => "I get an answer without digging through menus",
    mvp: true,
    weeks: 3,
    component: {
      name: "AI gateway",
      responsibility: "Prompt templates, retrieval, output checks, per-user rate and cost limits",
    },
    integration: () => ({
      name: "LLM API (OpenAI, Anthropic or a hosted open model)",
      purpose: "Text generation behind the AI gateway",
    }),
    metric: () => "Share of AI answers rated helpful, and inference cost per active user",
    domains: ["ai"],
  },
  {
    label: "personalised recommendations",
    pattern: /\brecommend\w*|\bsuggest(?:s|ions?)\b|\bpersonali[sz]\w*/,
    actor: "consumer",
    want: () => "get suggestions that fit my history and preferences",
    soThat: () => "I discover good options I would not have searched for",
    mvp: false,
    weeks: 2.5,
    metric: () => "Click-through rate on recommendations",
  },
  {
    label: "offline mode",
    pattern:
      /\boffline\b|\bwithout (?:internet|a connection|signal|connectivity)\b|\bno (?:internet|signal|connectivity)\b|\bpoor (?:connectivity|signal)\b/,
    actor: "consumer",
    want: () => "keep working without a connection",
    soThat: () => "nothing is lost and it syncs when I am back online",
    mvp: false,
    weeks: 3,
    metric: () => "Sync conflicts per 1,000 offline sessions",
  },
  {
    label: "sharing",
    pattern: /\bshar(?:e|es|ing)\b/,
    actor: "consumer",
    want: () => "share what I found with friends or colleagues",
    soThat: () => "they can join or help without friction",
    mvp: false,
    weeks: 1,
    metric: () => "Invites sent per active user",
  },
  {
    label: "data export",
    pattern: /\bexport\w*|\bcsv\b|\bdownload (?:my |the )?data\b/,
    actor: "operator",
    want: () => "export my data as CSV",
    soThat: () => "I can use it in other tools and am not locked in",
    mvp: false,
    weeks: 1,
    metric: () => "Exports per account per month",
  },
  {
    label: "third-party integrations",
    pattern: /\bintegrat(?:e|es|ion|ions)\b|\bwebhooks?\b|\bzapier\b|\bapi access\b/,
    actor: "operator",
    want: () => "connect it to the tools we already use",
    soThat: () => "data flows without copy and paste",
    mvp: false,
    weeks: 2,
    metric: () => "Accounts with at least one active integration",
  },
  {
    label: "badges and rewards",
    pattern: /\bbadges?\b|\bleaderboards?\b|\brewards?\b|\bgamif\w+|\bpoints\b/,
    actor: "consumer",
    want: () => "earn badges and rewards for keeping at it",
    soThat: () => "it feels like a game rather than a chore",
    mvp: false,
    weeks: 1.5,
    metric: () => "Average streak length",
  },
  {
    label: "audio and read-aloud",
    pattern: /\baudio\b|\bpodcasts?\b|\bread[- ]?aloud\b|\bnarrat\w+|\btext[- ]to[- ]speech\b/,
    actor: "consumer",
    want: () => "listen to content read aloud",
    soThat: () => "I can follow along even when reading is hard",
    mvp: false,
    weeks: 1.5,
    metric: () => "Share of sessions using audio",
  },
  {
    label: "multiple languages",
    pattern: /\btranslat\w+|\bmultilingual\b|\bmultiple languages\b|\blocali[sz]\w+/,
    actor: "consumer",
    want: () => "use it in my own language",
    soThat: () => "I understand everything without guessing",
    mvp: false,
    weeks: 1,
    metric: () => "Share of users on a non-default language",
  },
];

/** Feature rows by label, for analysts reading `requirements.features`. */
export const FEATURE_BY_LABEL: ReadonlyMap<string, FeatureInfo> = new Map(
  FEATURES.map((f) => [f.label, f]),
);

// ---------------------------------------------------------------------------------------
// Domains

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
    compliance: () => ["Consent for precise location (GDPR/CCPA)"],
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
