/**
 * Off-the-shelf products to consider instead of building (`buy`), and the obvious competitors
 * (`competitor`), each with the context that makes them relevant. Product names are examples
 * a founder would check, not endorsements.
 *
 * @module
 */
import type { AlternativeEntry, RiskFinding } from "./types.ts";
import { COMPETITORS } from "./competitors.ts";

/** A market risk worded for an entry whose products already serve the need. */
function crowded(what: string, mitigation: string): readonly RiskFinding[] {
  return [{
    title: what,
    category: "market",
    likelihood: "high",
    impact: "medium",
    mitigation,
  }];
}

/** Products to buy instead of build, and competitors (with those in competitors.ts). */
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
        "Jobber and Housecall Pro already cover scheduling, dispatch, quotes, invoicing, card payments and sync to QuickBooks or Xero for small crews for a monthly fee; ServiceTitan serves larger trades businesses. Build only what they cannot do.",
      ],
      risks: crowded(
        "Field-service suites already serve small trades businesses, so a new tool must win on one job they do badly",
        "Interview crews who left Jobber or Housecall Pro and build the gap they named, with import from those tools",
      ),
    },
  },
  {
    id: "newsroom-cms",
    label: "Newsroom publishing platforms",
    kind: "buy",
    products: ["WordPress VIP", "Newspack", "Arc XP", "Ghost"],
    triggers: [
      "newsrooms?",
      "news (?:site|sites|outlets?|publications?|organi[sz]ations?)",
      "local news",
      "publish(?:es|ing)? (?:news|articles|stories)",
      "journalis(?:m|ts?)",
    ],
    findings: {
      notes: [
        "Newspack (WordPress for small newsrooms), Ghost (memberships and newsletters), WordPress VIP and Arc XP (large publishers) already handle editorial workflow, paywalls and newsletters; a custom CMS rarely pays off for a small newsroom.",
      ],
      risks: crowded(
        "A custom publishing system competes with mature newsroom platforms on features readers take for granted",
        "Start on Newspack or Ghost and build only the newsroom-specific tool that is missing",
      ),
    },
  },
  {
    id: "donations",
    label: "Donation and fundraising platforms",
    kind: "buy",
    products: ["Givebutter", "Donorbox", "Zeffy", "Bloomerang"],
    triggers: ["donations?", "donors?", "fundrais\\w+", "donat(?:e|ing)"],
    context: [["non-?profits?", "charit\\w+", "ngos?", "causes?", "campaigns?", "501", "gift aid"]],
    findings: {
      notes: [
        "Givebutter, Donorbox and Zeffy (no platform fee) already take one-off and recurring donations with receipts; Bloomerang or Little Green Light keep donor records.",
      ],
      risks: crowded(
        "Free or low-fee donation platforms make a custom donation flow hard to justify",
        "Integrate one of them for giving and build what is specific to the cause",
      ),
    },
  },
  {
    id: "volunteer-scheduling",
    label: "Volunteer management software",
    kind: "buy",
    products: ["SignUpGenius", "VolunteerHub", "Better Impact", "Rosterfy"],
    triggers: ["volunteers?", "volunteering"],
    context: [[
      "shifts?",
      "schedul\\w*",
      "rotas?",
      "sign[- ]?ups?",
      "roster\\w*",
      "availability",
      "hours",
    ]],
    findings: {
      notes: [
        "SignUpGenius, VolunteerHub and Better Impact already handle shift sign-up, reminders, hour tracking and background-check records for volunteers.",
      ],
      risks: crowded(
        "Volunteer coordinators already use free sign-up tools, so switching needs a clear gain",
        "Find what the coordinator still does by hand in spreadsheets and start there",
      ),
    },
  },
  {
    id: "online-store",
    label: "Online store builders",
    kind: "buy",
    products: ["Shopify", "WooCommerce", "Squarespace Commerce", "BigCommerce"],
    triggers: [
      "online (?:store|shop|boutique)",
      "e-?commerce (?:site|store|website)",
      "sell(?:s|ing)? (?:\\w+ ){0,3}online",
      "web ?shop",
    ],
    findings: {
      notes: [
        "Shopify or WooCommerce give a store with checkout, taxes, shipping labels and discount codes in days; build custom only for what their apps cannot do.",
      ],
      risks: crowded(
        "A custom storefront spends the budget on what Shopify already does",
        "Launch on a hosted store first and prove demand before custom building",
      ),
    },
  },
  {
    id: "appointment-booking",
    label: "Appointment booking tools",
    kind: "buy",
    products: ["Calendly", "Acuity Scheduling", "Square Appointments", "Fresha", "SimplyBook.me"],
    triggers: [
      "book(?:s|ing)? (?:an? )?appointments?",
      "appointment (?:booking|scheduling|reminders?)",
      "booking (?:system|page|calendar|tool)",
      "schedul(?:e|es|ing) (?:appointments|sessions|lessons|consultations)",
      "online booking",
      "booking (?:app|platform|website|site)",
      "(?:hair|nail|beauty) salons?",
      "hair ?dressers?",
      "barber(?:s|shops?)?",
      "spas?",
    ],
    findings: {
      notes: [
        "Calendly and Acuity Scheduling (consultations), Fresha and Square Appointments (salons and studios), SimplyBook.me (many small services) already do booking, reminders, deposits and calendar sync.",
      ],
      risks: crowded(
        "Booking is a solved problem for single businesses; a new product needs a network or vertical angle",
        "Embed an existing booking tool for the MVP and differentiate on what happens around the appointment",
      ),
    },
  },
  {
    id: "restaurant-reservations",
    label: "Restaurant reservations and ordering",
    kind: "competitor",
    products: ["OpenTable", "Resy", "Toast", "Square for Restaurants", "DoorDash", "Uber Eats"],
    triggers: [
      "restaurants?",
      "table (?:reservations?|bookings?)",
      "food (?:ordering|delivery)",
      "order(?:s|ing)? food",
    ],
    context: [[
      "reserv\\w+",
      "book\\w*",
      "order\\w*",
      "deliver\\w*",
      "menus?",
      "takeaway",
      "take-?out",
    ]],
    findings: {
      notes: [
        "OpenTable and Resy own reservations; Toast and Square run ordering at the counter and online; DoorDash and Uber Eats own delivery demand. Restaurants will compare fees with all of them.",
      ],
      risks: crowded(
        "Restaurants already pay for reservation, POS and delivery apps and resist one more tablet",
        "Integrate with the POS they have (Toast, Square) and charge less than marketplace commissions",
      ),
    },
  },
  {
    id: "food-surplus",
    label: "Surplus-food apps",
    kind: "competitor",
    products: ["Too Good To Go", "Olio", "Flashfood", "Karma"],
    triggers: [
      "surplus (?:food|bread|meals|groceries|produce|stock)",
      "(?:unsold|leftover|end-of-day) (?:food|bread|meals|pastries|baked goods)",
      "food waste",
      "food rescue",
      "(?:bread|food|meals|pastries|produce|groceries|baked goods) (?:left ?over|that is left|that's left|unsold|going to waste)",
      "(?:hates?|reduce|reducing|cut|cutting|fight|fighting) (?:food )?waste",
    ],
    findings: {
      notes: [
        "Too Good To Go sells surprise bags of surplus food in many countries, Olio gives it away between neighbours, Flashfood discounts near-date groceries; bakeries can list there today.",
      ],
      risks: crowded(
        "Too Good To Go already reaches the same bakeries and buyers in most large cities",
        "Pick a segment they serve badly (wholesale, charities, one neighbourhood) and show why",
      ),
    },
  },
  {
    id: "lms",
    label: "Learning management systems and course platforms",
    kind: "buy",
    products: ["Moodle", "Canvas", "Google Classroom", "Teachable", "Thinkific"],
    triggers: [
      "lms",
      "learning management",
      "online courses?",
      "course (?:platform|creators?|builder)",
      "e-?learning",
      "virtual classrooms?",
    ],
    findings: {
      notes: [
        "Moodle (free, self-hosted), Canvas and Google Classroom serve schools; Teachable and Thinkific sell courses for creators. They cover enrolment, quizzes, grading and certificates.",
      ],
      risks: crowded(
        "Generic course features are a commodity, so value must come from content or a specific learner group",
        "Build on an existing LMS or plug into it (LTI) instead of rebuilding enrolment and grading",
      ),
    },
  },
  {
    id: "school-management",
    label: "School management systems",
    kind: "competitor",
    products: ["PowerSchool", "Infinite Campus", "Teachmint (India)", "Arbor (UK)"],
    triggers: [
      "school management",
      "student information systems?",
      "report cards?",
      "gradebooks?",
      "school fees?",
    ],
    findings: {
      notes: [
        "PowerSchool and Infinite Campus dominate US districts, Arbor and Bromcom UK schools, Teachmint and Fedena Indian schools; most schools already own one.",
      ],
      risks: crowded(
        "Schools already run a management system and will only add a tool that integrates with it",
        "Integrate through OneRoster or the SIS API and sell to one type of school first",
      ),
    },
  },
  {
    id: "crm",
    label: "CRM software",
    kind: "buy",
    products: ["HubSpot", "Pipedrive", "Zoho CRM", "Salesforce"],
    triggers: [
      "crm",
      "customer relationship",
      "sales pipeline",
      "leads? (?:tracking|management)",
      "track(?:s|ing)? (?:leads|deals|prospects)",
      "follow[- ]ups? with (?:leads|clients|customers)",
    ],
    findings: {
      notes: [
        "HubSpot (free tier), Pipedrive and Zoho CRM already track contacts, deals and follow-ups; Salesforce for large sales teams. Customise one before building a CRM.",
      ],
      risks: crowded(
        "A new CRM competes with free tiers of established tools",
        "Build a vertical workflow on top of an existing CRM's API first",
      ),
    },
  },
  {
    id: "helpdesk",
    label: "Help desk software",
    kind: "buy",
    products: ["Zendesk", "Freshdesk", "Help Scout", "Intercom"],
    triggers: [
      "help ?desk",
      "support tickets?",
      "ticketing system",
      "customer support (?:inbox|tool|system)",
    ],
    findings: {
      notes: [
        "Zendesk, Freshdesk (free tier) and Help Scout already handle shared inboxes, tickets, macros and help-centre articles.",
      ],
      risks: crowded(
        "Ticketing is mature; a new help desk needs a vertical reason to exist",
        "Use an existing help desk and integrate it with your product's data",
      ),
    },
  },
  {
    id: "applicant-tracking",
    label: "Applicant tracking systems",
    kind: "competitor",
    products: ["Greenhouse", "Lever", "Workable", "Ashby", "BambooHR"],
    triggers: [
      "applicant tracking",
      "ats",
      "recruit(?:ing|ment) (?:tool|platform|software|pipeline)",
      "hiring (?:platform|tool|pipeline)",
      "job applications?",
      "job applicants?",
      "resumes?",
    ],
    findings: {
      notes: [
        "Greenhouse, Lever, Workable and Ashby already manage job posts, pipelines, scorecards and offers; most employers above a few dozen staff use one.",
      ],
      risks: crowded(
        "Employers already pay for an ATS and will not run two",
        "Sell as an add-on through the ATS marketplaces (Greenhouse, Lever integrations)",
      ),
    },
  },
  {
    id: "property-management",
    label: "Property management and tenant-screening services",
    kind: "competitor",
    products: [
      "TransUnion SmartMove",
      "RentSpree",
      "Zillow Rental Manager",
      "Buildium",
      "AppFolio",
    ],
    triggers: [
      "tenant screening",
      "rental applications?",
      "property management",
      "landlords?",
      "rent collection",
    ],
    context: [[
      "tenants?",
      "renters?",
      "rent",
      "rental\\w*",
      "lease\\w*",
      "landlords?",
      "propert(?:y|ies)",
    ]],
    findings: {
      notes: [
        "SmartMove, RentSpree and Zillow Rental Manager already sell screening reports paid by the applicant; Buildium and AppFolio bundle screening with leases and rent collection.",
      ],
      risks: crowded(
        "Landlords can already screen for free (applicant pays) through established services",
        "Differentiate on fairness, speed or a segment (small landlords, a city) and resell an existing bureau's reports",
      ),
    },
  },
  {
    id: "load-boards",
    label: "Load boards and digital freight brokers",
    kind: "competitor",
    products: ["DAT", "Truckstop", "Uber Freight", "Loadsmart"],
    triggers: [
      "load ?boards?",
      "freight (?:matching|marketplace|brokerage)",
      "digital freight",
      "loads (?:for|to) (?:truckers|carriers)",
    ],
    findings: {
      notes: [
        "DAT and Truckstop dominate load boards in North America; Uber Freight and Loadsmart broker loads digitally. Carriers check them daily, so liquidity is the hurdle.",
      ],
      risks: crowded(
        "Carriers and brokers already live on DAT and Truckstop, so a new board starts with no loads",
        "Start in one lane or niche (e.g. one region's flatbed or drayage) and seed loads from your own shippers",
      ),
    },
  },
  {
    id: "remittance",
    label: "Remittance services",
    kind: "competitor",
    products: ["Wise", "Remitly", "WorldRemit", "Western Union", "M-Pesa GlobalPay"],
    triggers: [
      "remittances?",
      "send(?:s|ing)? money (?:home|abroad|to family)",
      "money transfers? (?:abroad|home|overseas)",
      "cross-border transfers?",
    ],
    findings: {
      notes: [
        "Wise, Remitly and WorldRemit compete on fee and speed in most corridors, Western Union on cash pick-up, M-Pesa on mobile-wallet delivery in East Africa.",
      ],
      risks: crowded(
        "Remittance margins are thin and incumbents already price near cost in big corridors",
        "Pick an under-served corridor or payout method and compare total cost with Wise and Remitly",
      ),
    },
  },
  {
    id: "crypto-exchanges",
    label: "Crypto exchanges and wallets",
    kind: "competitor",
    products: ["Coinbase", "Kraken", "Binance", "MetaMask"],
    triggers: [
      "crypto (?:exchange|wallet|trading)",
      "buy (?:and sell )?(?:bitcoin|crypto)",
      "trade crypto",
    ],
    findings: {
      notes: [
        "Coinbase and Kraken (licensed exchanges), Binance (global volume) and MetaMask (self-custody wallet) set users' expectations on fees and listing breadth.",
      ],
      risks: crowded(
        "Users already hold accounts at large exchanges with deep liquidity",
        "Serve a niche they ignore, or build on their APIs instead of running an exchange",
      ),
    },
  },
  {
    id: "fitness-apps",
    label: "Fitness and health-tracking apps",
    kind: "competitor",
    products: ["Strava", "MyFitnessPal", "Apple Health", "Google Fit", "Flo"],
    triggers: [
      "fitness (?:app|tracking|tracker)",
      "workout (?:tracking|tracker|logs?)",
      "calorie (?:counting|tracking|tracker)",
      "period track\\w*",
      "step count\\w*",
    ],
    findings: {
      notes: [
        "Strava (activities), MyFitnessPal (nutrition), Flo and Clue (cycles), and the phone's own Apple Health or Health Connect already log this data for free.",
      ],
      risks: crowded(
        "Free trackers built into phones make a new tracker a hard sell",
        "Read from Apple HealthKit and Health Connect rather than asking users to log again, and focus on one outcome",
      ),
    },
  },
  {
    id: "telehealth-platforms",
    label: "Telehealth and practice-management platforms",
    kind: "buy",
    products: ["SimplePractice", "Doxy.me", "Jane", "Practice Better"],
    triggers: [
      "telehealth",
      "telemedicine",
      "video (?:consultations?|visits?|sessions) with (?:a )?(?:doctor|therapist|clinician)",
      "therapy practices?",
      "private practices?",
    ],
    findings: {
      notes: [
        "SimplePractice, Jane and Practice Better already bundle booking, notes, video visits and billing for small practices, with the privacy agreements health providers need; Doxy.me offers free telehealth video.",
      ],
      risks: crowded(
        "Practice-management suites already cover the daily work of small clinics",
        "Build the clinical workflow they lack and integrate with their calendars and notes",
      ),
    },
  },
  {
    id: "event-ticketing",
    label: "Event ticketing",
    kind: "buy",
    products: ["Eventbrite", "Ticket Tailor", "Luma"],
    triggers: [
      "event tickets?",
      "ticketing for events",
      "sell(?:s|ing)? tickets",
      "event registrations?",
    ],
    findings: {
      notes: [
        "Eventbrite, Ticket Tailor and Luma already sell tickets, check guests in and send reminders for a per-ticket fee.",
      ],
      risks: crowded(
        "Organisers can start selling tickets on Eventbrite in minutes",
        "Embed an existing ticketing tool and focus on what happens before and after the event",
      ),
    },
  },
  {
    id: "government-permitting",
    label: "Government permitting and licensing software",
    kind: "competitor",
    products: ["Accela", "OpenGov", "Tyler Technologies", "Granicus"],
    triggers: [
      "(?:building|parking|business|event|construction|zoning|street|vendor) permits?",
      "permits? (?:applications?|office|system|requests?)",
      "permitting",
      "licen[cs]ing (?:office|department|system)",
    ],
    findings: {
      notes: [
        "Accela, OpenGov and Tyler Technologies sell permitting and licensing suites to US local governments, often through cooperative contracts; Granicus runs many council websites.",
      ],
      risks: crowded(
        "Cities often already have a permitting suite under a multi-year contract",
        "Target a permit type or small municipality the suites serve poorly, and integrate with their systems",
      ),
    },
  },
  {
    id: "sms-marketing",
    label: "SMS marketing platforms",
    kind: "buy",
    products: ["Twilio", "Klaviyo SMS", "SimpleTexting", "Textmagic"],
    triggers: ["sms marketing", "text (?:blasts?|marketing|campaigns?)", "bulk sms"],
    findings: {
      notes: [
        "SimpleTexting, Textmagic and Klaviyo SMS already handle consent capture, STOP handling, 10DLC registration and scheduling; Twilio for custom flows.",
      ],
      risks: crowded(
        "Bulk SMS tools are cheap and already compliant",
        "Use one as the sending layer and build the workflow that is specific to your users",
      ),
    },
  },
  {
    id: "accounting",
    label: "Accounting and invoicing software",
    kind: "buy",
    products: ["QuickBooks", "Xero", "FreshBooks", "Zoho Books", "Tally (India)"],
    triggers: [
      "bookkeeping",
      "accounting software",
      "invoic(?:e|es|ing) (?:clients|customers)",
      "expense tracking",
      "gst invoices?",
    ],
    findings: {
      notes: [
        "QuickBooks, Xero and FreshBooks already do invoicing, expenses and bank reconciliation; Zoho Books and Tally cover Indian GST invoicing.",
      ],
      risks: crowded(
        "Accountants steer small businesses to the tools they already support",
        "Integrate with QuickBooks and Xero rather than replacing them",
      ),
    },
  },
  {
    id: "payroll-hr",
    label: "Payroll and HR software",
    kind: "buy",
    products: ["Gusto", "Rippling", "Deel", "BambooHR"],
    triggers: [
      "payroll",
      "hr software",
      "employee onboarding",
      "time ?sheets?",
      "leave management",
    ],
    findings: {
      notes: [
        "Gusto and Rippling run US payroll and HR, Deel handles international contractors and employers of record, BambooHR keeps employee records.",
      ],
      risks: crowded(
        "Payroll is regulated and mature, so building it is rarely worth it",
        "Integrate with the payroll provider and build the workflow around it",
      ),
    },
  },
  {
    id: "community-platforms",
    label: "Community and forum platforms",
    kind: "buy",
    products: ["Discourse", "Circle", "Discord", "Mighty Networks"],
    triggers: [
      "forums?",
      "community (?:platform|space|forum|app)",
      "online communit(?:y|ies)",
      "members'? (?:area|community)",
    ],
    findings: {
      notes: [
        "Discourse (open source), Circle and Mighty Networks (paid communities) and Discord already provide threads, moderation tools and member management.",
      ],
      risks: crowded(
        "Communities gather where members already are; a new platform starts empty",
        "Start the community on an existing platform and build only what it lacks",
      ),
    },
  },
  {
    id: "newsletters",
    label: "Newsletter platforms",
    kind: "buy",
    products: ["Substack", "beehiiv", "Ghost", "Buttondown"],
    triggers: ["newsletters?", "paid subscriptions? for (?:writers|readers)", "e-?mail digest"],
    findings: {
      notes: [
        "Substack, beehiiv, Ghost and Buttondown already handle sign-ups, paid subscriptions, deliverability and archives.",
      ],
      risks: crowded(
        "Writers can start a paid newsletter today without new software",
        "Build on a newsletter platform's API and focus on the audience or content that is new",
      ),
    },
  },
  ...COMPETITORS,
];
