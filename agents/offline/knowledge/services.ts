/**
 * Regulated services: tenant screening, freight brokerage, and SMS and calling.
 *
 * @module
 */
import type { DomainEntry, RegulationEntry } from "./types.ts";

/** States where every party must consent to a call being recorded. */
const ALL_PARTY_RECORDING_STATES = [
  "US-CA",
  "US-CT",
  "US-FL",
  "US-IL",
  "US-MD",
  "US-MA",
  "US-MI",
  "US-MT",
  "US-NV",
  "US-NH",
  "US-PA",
  "US-WA",
];

/** Service domains. */
export const SERVICE_DOMAINS: readonly DomainEntry[] = [
  {
    id: "tenant-screening",
    label: "Tenant screening",
    stakes: 9,
    weeks: 3,
    triggers: [
      "tenant screening",
      "screen(?:s|ing)? (?:\\w+ )?(?:tenants|renters|rental applicants)",
      "(?:rental|apartment|tenancy|lease) (?:applicants?|applications?)",
      "apply for (?:an? )?(?:apartment|flat|rental|lease|tenancy)",
      "(?:background|credit|criminal) checks?",
      "rental applications?",
      "(?:background|credit|criminal|eviction) (?:checks?|history|records|reports?) (?:on|for|of) (?:tenants|renters|applicants|prospective tenants)",
      "eviction (?:records|history|checks?)",
      "(?:vet|vetting|check|checking) (?:\\w+ )?(?:tenants|renters)",
      "tenant (?:scores?|reports?|checks?|vetting|background)",
      "renter (?:scores?|reports?)",
      "landlords? (?:check|vet|screen)\\w*",
    ],
    // Housing: a background check for a job is hiring (people.ts), not tenant screening.
    context: [[
      "tenan(?:ts?|cy|cies)",
      "renters?",
      "rental\\w*",
      "apartments?",
      "flats?",
      "lease\\w*",
      "landlords?",
      "evictions?",
      "housing",
      "property managers?",
    ]],
    findings: {
      requirements: [
        {
          text:
            "Tell each applicant which report was used when they are declined, and let them dispute wrong records",
          rationale: "Consumer-reporting rules on adverse action and disputes",
        },
        {
          text:
            "Apply the same written criteria to every applicant, and exclude arrest records and sealed evictions from decisions",
          rationale: "Fair-housing law (disparate impact) and local screening rules",
        },
      ],
      risks: [
        {
          title:
            "Screening criteria discriminate against a protected class (race, disability, families with children, source of income)",
          category: "legal",
          likelihood: "medium",
          impact: "high",
          mitigation:
            "Review criteria with fair-housing counsel, individualised assessment of criminal history, log every decision with its reason",
        },
        {
          title: "Records are matched to the wrong person (name-only matching)",
          category: "legal",
          likelihood: "medium",
          impact: "high",
          mitigation:
            "Match on name plus date of birth and another identifier; reinvestigate disputes within 30 days",
        },
      ],
      integrations: [{
        name: "Consumer reporting agency (e.g. TransUnion SmartMove, Experian, Checkr)",
        purpose: "Credit, eviction and criminal reports with the applicant's consent",
      }],
      data: [{
        entity: "Screening report",
        notes:
          "Applicant consent, report source, criteria applied, decision and notice sent; access restricted",
      }],
      question:
        "Will you compile the reports yourself (which makes you a consumer reporting agency) or resell reports from an established agency?",
    },
  },
  {
    id: "freight-brokerage",
    label: "Freight brokerage",
    stakes: 8,
    weeks: 3,
    triggers: [
      "freight",
      "load ?boards?",
      "loads? (?:for|to) (?:truckers|carriers|drivers|owner-operators)",
      "truck(?:ers|ing|loads?)",
      "ltl",
      "ftl",
      "shippers? (?:and|&) carriers",
      "carriers? (?:and|&) shippers",
      "haul(?:ers|ing|age)",
      "3pls?",
      "drayage",
      "owner[- ]operators?",
      "dispatch(?:ers|ing)? (?:trucks|loads|drivers)",
    ],
    context: [[
      "brok\\w+",
      "match\\w*",
      "load ?boards?",
      "loads",
      "shippers?",
      "carriers?",
      "book\\w*",
      "dispatch\\w*",
      "marketplace",
      "connect\\w*",
      "freight",
    ]],
    findings: {
      requirements: [
        {
          text:
            "Vet every carrier before it is offered a load: operating authority, insurance certificate, safety rating, and identity of the person booking",
          rationale: "Double brokering and carrier identity theft are the main fraud in freight",
        },
        {
          text:
            "Issue a rate confirmation for every load and keep bills of lading and proof of delivery with it",
          rationale: "Brokers must keep transaction records for three years (49 CFR 371.3)",
        },
      ],
      risks: [{
        title: "A fraudulent carrier takes a load and re-brokers or steals it",
        category: "security",
        likelihood: "high",
        impact: "high",
        mitigation:
          "Carrier-vetting service, verified contact details, GPS tracking during transit, pay only after proof of delivery",
      }],
      integrations: [
        {
          name:
            "FMCSA carrier data (QCMobile API, SAFER) and carrier-vetting (e.g. Highway, Carrier Assure)",
          purpose: "Authority, insurance and safety checks before booking",
        },
        {
          name: "ELD and GPS tracking (e.g. Samsara, Motive, project44)",
          purpose: "Load tracking and ETAs for shippers",
        },
      ],
      data: [{
        entity: "Load",
        notes: "Shipper, carrier, lanes, rate confirmation, BOL, POD, payment status",
      }],
      question:
        "Will the product only list loads, or will it book carriers and handle payment between shipper and carrier (which makes it a broker)?",
    },
  },
  {
    id: "sms-calling",
    label: "SMS and phone calls",
    stakes: 6,
    weeks: 1,
    triggers: [
      "sms",
      "text messag(?:e|es|ing)",
      "texting",
      "(?:reminder|marketing|promotional|confirmation|alert|appointment) (?:texts|messages|sms|calls)",
      "automated (?:calls|texts|messages|phone calls|voice calls)",
      "texts? (?:to )?(?:customers|users|clients|patients|people|members|parents|leads)",
      "send(?:s|ing)? texts?",
      "text (?:reminders?|alerts?|notifications?|blasts?|marketing|campaigns?)",
      "robo-?calls?",
      "auto-?dial\\w*",
      "(?:voice|phone|outbound|sales|cold) calls?",
      "call (?:centers?|centres?|recordings?)",
      "recorded (?:phone )?calls",
      "record(?:s|ing)? (?:\\w+ )?(?:calls|phone calls|conversations)",
      "ivr",
      "twilio",
      "voip",
      "whatsapp (?:messages|reminders|notifications|business)",
      "(?:reminders?|messages|notifications|alerts|confirmations) (?:by|via|over|on|through) (?:sms|text|whatsapp)",
    ],
    findings: {
      requirements: [
        {
          text:
            "Record each number's consent (when, how, for what) before texting or calling it, and honour opt-outs such as STOP at once",
          rationale: "Consent rules for automated texts and calls in every major market",
        },
        {
          text: "Send marketing messages only within local daytime hours of the recipient",
          rationale: "Quiet-hours rules in telemarketing law",
          priority: "should",
        },
      ],
      risks: [{
        title: "Messages are blocked by carriers or the sender is fined for unsolicited texts",
        category: "compliance",
        likelihood: "medium",
        impact: "medium",
        mitigation:
          "Register sender ids and message templates where required; double opt-in for marketing",
      }],
      integrations: [{
        name: "Messaging and voice provider (e.g. Twilio, Vonage, MessageBird, Africa's Talking)",
        purpose: "Sending texts and calls with delivery receipts and opt-out handling",
      }],
      data: [{
        entity: "Consent record",
        notes: "Phone number, consent text shown, time, channel, opt-out time",
      }],
    },
  },
];

/** Service regulations. */
export const SERVICE_REGULATIONS: readonly RegulationEntry[] = [
  {
    id: "us-fcra",
    label: "FCRA",
    triggers: ["fcra", "fair credit reporting act"],
    jurisdictions: ["US"],
    domains: ["tenant-screening", "consumer-credit"],
    findings: {
      requirements: [{
        text:
          "Furnish or use consumer reports only with a permissible purpose, follow reasonable procedures for accuracy, and resolve disputes within 30 days",
        rationale:
          "FCRA (15 U.S.C. 1681e and 1681i); tenant-screening firms are consumer reporting agencies",
      }],
    },
  },
  {
    id: "us-fair-housing",
    label: "Fair Housing Act",
    triggers: ["fair housing"],
    jurisdictions: ["US"],
    domains: ["tenant-screening"],
    findings: {
      requirements: [{
        text:
          "Keep screening criteria free of proxies for race, national origin, sex, disability or familial status, and avoid blanket criminal-record bans",
        rationale: "Fair Housing Act 42 U.S.C. 3604 and HUD's discriminatory-effects standard",
      }],
    },
  },
  {
    id: "us-ca-tenant-screening",
    label: "California tenant-screening rules",
    triggers: [],
    jurisdictions: ["US-CA"],
    domains: ["tenant-screening"],
    findings: {
      requirements: [{
        text:
          "Cap the screening fee (Civil Code 1950.6) and give a copy of the report; accept portable screening reports and do not count housing vouchers against income",
        rationale:
          "California Civil Code 1950.6 and 12955 (source of income); Fair Chance ordinances in LA and SF",
      }],
    },
  },
  {
    id: "us-ny-tenant-screening",
    label: "New York tenant-screening rules",
    triggers: [],
    jurisdictions: ["US-NY"],
    domains: ["tenant-screening"],
    findings: {
      requirements: [{
        text:
          "Charge applicants at most $20 (or the actual cost) for background and credit checks, and never reject for past housing-court cases",
        rationale:
          "Housing Stability and Tenant Protection Act of 2019 (Real Property Law 227-f, 238-a)",
      }],
    },
  },
  {
    id: "uk-right-to-rent",
    label: "Right to Rent checks and the Renters' Rights Act 2025",
    triggers: ["right to rent", "renters'? rights act"],
    jurisdictions: ["GB-ENG"],
    domains: ["tenant-screening"],
    findings: {
      requirements: [{
        text:
          "Check every adult occupier's right to rent before the tenancy starts, and do not turn applicants away for receiving benefits or having children",
        rationale: "Immigration Act 2014 Part 3 (England); Renters' Rights Act 2025",
      }],
    },
  },
  {
    id: "us-fmcsa-broker",
    label: "FMCSA broker authority and BMC-84 bond",
    triggers: ["fmcsa", "broker authority", "bmc-?8[45]", "mc number"],
    jurisdictions: ["US"],
    domains: ["freight-brokerage"],
    context: [[
      "brok\\w+",
      "match\\w*",
      "arrang\\w+",
      "load ?boards?",
      "book\\w*",
      "connect\\w*",
      "dispatch\\w*",
    ]],
    findings: {
      requirements: [{
        text:
          "If the product arranges loads for compensation, get FMCSA broker operating authority (MC number), a $75,000 BMC-84 bond or BMC-85 trust, a BOC-3 process agent and UCR registration; a board that only lists loads does not",
        rationale:
          "49 U.S.C. 13904 and 13906; FMCSA's 2023 interpretation of broker and bona fide agent",
      }],
    },
  },
  {
    id: "us-tcpa",
    label: "TCPA",
    triggers: ["tcpa", "telephone consumer protection act"],
    jurisdictions: ["US"],
    domains: ["sms-calling"],
    findings: {
      requirements: [{
        text:
          "Get prior express written consent for marketing texts and autodialled calls, scrub against the Do Not Call registry, and honour revocation by any reasonable means within 10 business days",
        rationale: "TCPA (47 U.S.C. 227) and 47 CFR 64.1200, as amended by the FCC in 2024",
      }],
      risks: [{
        title: "Class actions for unsolicited texts ($500–$1,500 per message)",
        category: "legal",
        likelihood: "medium",
        impact: "high",
        mitigation:
          "Consent records per number, opt-out processing tested end to end, no purchased lists",
      }],
    },
  },
  {
    id: "us-10dlc",
    label: "A2P 10DLC registration",
    triggers: ["10dlc", "a2p"],
    jurisdictions: ["US"],
    domains: ["sms-calling"],
    context: [["sms", "text\\w*", "whatsapp"]],
    findings: {
      requirements: [{
        text:
          "Register the brand and each message campaign with The Campaign Registry through the SMS provider before sending from US long codes (or use a verified toll-free number)",
        rationale: "US carriers block unregistered application-to-person traffic",
      }],
    },
  },
  {
    id: "us-call-recording",
    label: "US call-recording consent (federal one-party rule)",
    triggers: ["one-party consent", "wiretap act"],
    jurisdictions: ["US"],
    domains: ["sms-calling"],
    context: [["record\\w*"]],
    findings: {
      requirements: [{
        text:
          "Announce recording at the start of every call: federal law needs one party's consent, but a dozen states require everyone's, and the caller's state usually decides",
        rationale: "18 U.S.C. 2511(2)(d) and state wiretap laws",
      }],
    },
  },
  {
    id: "us-all-party-recording",
    label: "All-party (two-party) consent to record calls (state law)",
    triggers: ["two-party consent", "all-party consent", "penal code 632"],
    jurisdictions: ALL_PARTY_RECORDING_STATES,
    domains: ["sms-calling"],
    context: [["record\\w*"]],
    findings: {
      requirements: [{
        text: "Get every party's consent before recording, and stop recording if a party objects",
        rationale:
          "e.g. California Penal Code 632, Florida Statutes 934.03, Pennsylvania 18 Pa.C.S. 5703",
      }],
    },
  },
  {
    id: "uk-call-recording",
    label: "UK call recording (Investigatory Powers Act business regulations, UK GDPR)",
    triggers: ["investigatory powers"],
    jurisdictions: ["GB"],
    domains: ["sms-calling"],
    context: [["record\\w*"]],
    findings: {
      requirements: [{
        text:
          "Tell callers at the start that calls are recorded and why, record a lawful basis, and keep recordings only as long as that purpose needs",
        rationale:
          "Investigatory Powers (Interception by Businesses etc.) Regulations 2018; UK GDPR Art. 6",
      }],
    },
  },
  {
    id: "uk-ofcom-phone-service",
    label: "Ofcom General Conditions (phone services)",
    triggers: ["ofcom general conditions"],
    jurisdictions: ["GB"],
    domains: ["sms-calling"],
    context: [[
      "phone numbers?",
      "voip",
      "virtual numbers?",
      "(?:make|receive|take) calls",
      "calls? (?:through|via|in) (?:the|our) app",
      "telephony",
    ]],
    findings: {
      requirements: [{
        text:
          "If the product gives people phone numbers or places calls, meet Ofcom's General Conditions: emergency calls, number porting, caller ID and complaints handling",
        rationale: "Communications Act 2003; Ofcom General Conditions of Entitlement",
      }],
    },
  },
  {
    id: "eu-eprivacy",
    label: "ePrivacy rules on electronic marketing",
    triggers: ["eprivacy"],
    jurisdictions: ["EU"],
    domains: ["sms-calling"],
    findings: {
      requirements: [{
        text:
          "Get opt-in consent for marketing SMS (soft opt-in for existing customers' similar products only) with an opt-out in every message",
        rationale: "Directive 2002/58/EC Art. 13 as implemented nationally",
      }],
    },
  },
  {
    id: "in-trai-dlt",
    label: "TRAI TCCCPR (DLT registration)",
    triggers: ["trai", "dlt registration", "tcccpr"],
    jurisdictions: ["IN"],
    domains: ["sms-calling"],
    findings: {
      requirements: [{
        text:
          "Register as a principal entity on an operator's DLT platform with sender headers and message templates, and respect customers' consent and preferences",
        rationale:
          "Telecom Commercial Communications Customer Preference Regulations 2018 (amended 2025)",
      }],
    },
  },
  {
    id: "ca-casl",
    label: "CASL and the CRTC Unsolicited Telecommunications Rules",
    triggers: ["casl"],
    jurisdictions: ["CA"],
    domains: ["sms-calling"],
    findings: {
      requirements: [{
        text:
          "Get express or implied consent for commercial texts, identify the sender, include an unsubscribe, and check the National DNCL for calls",
        rationale: "Canada's Anti-Spam Legislation s. 6; CRTC Unsolicited Telecommunications Rules",
      }],
    },
  },
  {
    id: "au-spam-act",
    label: "Spam Act 2003 and Do Not Call Register Act (Australia)",
    triggers: ["spam act"],
    jurisdictions: ["AU"],
    domains: ["sms-calling"],
    findings: {
      requirements: [{
        text:
          "Get consent for marketing SMS, identify the sender, provide a functional unsubscribe, and wash call lists against the DNCR",
        rationale: "Spam Act 2003; Do Not Call Register Act 2006",
      }],
    },
  },
];
