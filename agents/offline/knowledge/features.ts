/**
 * Features the offline engine recognises, as data: label, trigger, who wants it, its
 * story, weeks, component, stored entity, integration and metric.
 *
 * @module
 */
import type { Actor, Component, Entity, Integration, Wording } from "../types.ts";

/** What a product adds to a feature's wording: who uses it, beside what, and where. */
export interface FeatureContext {
  /** The product's wording (its user groups). */
  wording: Wording;
  /** Labels of the other features of the first release, core first. */
  others: readonly string[];
  /** Country codes of the places named (`IN`, `CA`), most specific first. */
  countries: readonly string[];
}

/** The payment provider that fits a country, by ISO code; others get the generic wording. */
export const PAYMENT_PROVIDERS: Readonly<Record<string, string>> = {
  IN: "Razorpay (UPI and cards)",
  NG: "Paystack",
  KE: "M-Pesa through Daraja",
  BR: "a Pix-enabled provider",
  MX: "a provider taking OXXO and SPEI",
  SG: "a provider with PayNow",
  NL: "a provider with iDEAL",
};

/** The provider named for the first place that has one, else `the payment provider`. */
export function providerFor(countries: readonly string[]): string {
  for (const c of countries) {
    const p = PAYMENT_PROVIDERS[c];
    if (p) return p;
  }
  return "the payment provider";
}

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
  /** The system part it needs; `specific` words its responsibility for this product. */
  component?: Component & { specific?: (c: FeatureContext) => string };
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
    // "provider" is the fallback when no serving side was named: then book "a slot", not
    // "an available provider" (a bakery bag is reserved, not a person).
    want: (w) =>
      w.provider === "provider"
        ? "reserve a slot that suits me"
        : `book an available ${w.provider} for a time that suits me`,
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
    soThat: () => "I pay without cash or bank transfers",
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
      specific: (c) => {
        const what = c.others[0] ? ` for ${c.others[0]}` : "";
        const payouts = c.wording.providers !== "providers"
          ? ` with payouts to ${c.wording.providers}`
          : "";
        return `Takes payment${what} through ${providerFor(c.countries)}${payouts}`;
      },
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
      /\bmaps?\b|\bgps\b|\bnavigation\b|\broutes?\b|\bnear me\b|\btracking (?:of )?(?:the )?(?:location|walks?|route|delivery|drivers?|vehicles?)\b|\blocation\w*/,
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
    pattern: /\bnotif\w+|\bpush\b|\balerts?\b|\balerting\b/,
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
      /\blibrary\b|\bcatalog(?:ue)?\b|\bbooks\b|\bstories\b|\barticles\b|\bonline courses?\b|\bvideo lessons\b|\brecipes\b|\bepisodes\b|\bexercises\b/,
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
      specific: (c) =>
        c.others.length > 0
          ? `Counts and trends of ${
            c.others.slice(0, 2).join(" and ")
          } read from a replica so dashboards never slow the app`
          : "Aggregations and dashboard queries, kept off the write path",
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
      /\bfeed\b|\bcommunity (?:feed|board|forum|posts|page|wall)\b|\bforums?\b|\bcomments?\b|\bfollowers?\b|\bsocial posts?\b/,
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
    integration: () => ({
      name: "Accounting software (QuickBooks Online, Xero or FreshBooks)",
      purpose: "Invoices and payments sync to the books instead of being typed in twice",
    }),
    metric: () => "Median days from invoice to payment",
  },
  {
    label: "text messages",
    pattern: /\bsms\b|\btext messages?\b|\btexts\b|\btexting\b|\breminder texts?\b/,
    actor: "consumer",
    want: () => "get a text when something needs my attention, and answer by reply",
    soThat: () => "I do not need the app to confirm or cancel",
    mvp: true,
    weeks: 1.5,
    integration: () => ({
      name: "SMS provider (Twilio, Vonage or Sinch)",
      purpose: "Sends texts and receives replies; needs sender registration per country",
    }),
    metric: () => "Share of texts answered by reply",
  },
  {
    label: "WhatsApp messaging",
    pattern: /\bwhats ?app\b/,
    actor: "consumer",
    want: () => "get updates and reply on WhatsApp",
    soThat: () => "I use the app I already have open all day",
    mvp: true,
    weeks: 2,
    integration: () => ({
      name: "WhatsApp Business Platform (Cloud API)",
      purpose:
        "Approved template messages for reminders and updates, opt-in per person, replies within 24 hours free-form",
    }),
    metric: () => "Share of WhatsApp messages read within an hour",
  },
  {
    label: "polls and voting",
    pattern: /\bvot(?:e|es|ing)\b|\bpolls?\b|\bballots?\b/,
    actor: "consumer",
    want: () => "vote on the options and see the result",
    soThat: () => "the group decides without a long message thread",
    mvp: true,
    weeks: 1,
    entity: { entity: "Poll", notes: "Options, one vote per member, closing time, result" },
    metric: () => "Share of members who vote in each poll",
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
      /\boffline\b|\bwithout (?:internet|a connection|signal|connectivity)\b|\bno (?:internet|signal|connectivity|reception|coverage)\b|\b(?:poor|bad|patchy|spotty|weak) (?:connectivity|signal|reception|network|coverage)\b|\bdead zones?\b/,
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
