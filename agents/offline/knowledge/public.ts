/**
 * Public interest: government and the public sector, journalism, and nonprofits.
 *
 * @module
 */
import type { DomainEntry, RegulationEntry } from "./types.ts";

/** Public-interest domains. */
export const PUBLIC_DOMAINS: readonly DomainEntry[] = [
  {
    id: "government",
    label: "Government and public sector",
    stakes: 7,
    weeks: 3,
    triggers: [
      "government",
      "public sector",
      "municipal\\w*",
      "municipalit(?:y|ies)",
      "city (?:council|hall|government|departments?|offices?)",
      "county (?:government|offices?|clerks?)",
      "local (?:authorit(?:y|ies)|councils?|government)",
      "(?:state|federal|government|public) agenc(?:y|ies)",
      "(?:building|parking|business|event|construction|work|zoning|fishing|hunting|street|vendor) permits?",
      "permits? (?:applications?|office|system|requests?)",
      "apply for (?:a )?permits?",
      "permitting",
      "public services?",
      "civic tech",
      "311",
      "town halls?",
      "ministr(?:y|ies)",
      "gov\\.uk",
      "e-?government",
      "citizens? (?:apply|request|report|services)",
    ],
    // Built for or with a public body, not merely using government open data.
    context: [[
      "for (?:the |a |local |city |state |national )?(?:government|councils?|municipalit\\w+|agenc(?:y|ies)|ministr(?:y|ies))",
      "government (?:agenc\\w+|departments?|offices?|staff|employees|officials|services|clients|customers|portal|website|forms?|contracts?)",
      "public sector",
      "municipal\\w*",
      "city (?:council|hall|government|departments?|offices?)",
      "county (?:government|offices?|clerks?)",
      "local (?:authorit\\w+|councils?|government)",
      "citizens?",
      "residents?",
      "permits?",
      "permitting",
      "civic",
      "311",
      "procurement",
      "tenders?",
      "ministr(?:y|ies)",
      "(?:state|federal|public) agenc(?:y|ies)",
      "gov\\.uk",
      "e-?government",
    ]],
    findings: {
      requirements: [
        {
          text:
            "Meet WCAG 2.1 AA (or the local standard) on every public page and form, and publish an accessibility statement",
          rationale: "Public-sector accessibility law",
        },
        {
          text:
            "Keep records (applications, decisions, correspondence) under the agency's retention schedule and make them retrievable for public-records requests",
          rationale: "Public-records and freedom-of-information laws",
        },
      ],
      risks: [
        {
          title: "Procurement rules and security reviews delay the first contract by months",
          category: "market",
          likelihood: "high",
          impact: "medium",
          mitigation:
            "Start with a pilot under the small-purchase threshold or through a cooperative contract or framework, and prepare the security documentation early",
        },
        {
          title: "Residents without smartphones or internet are left out",
          category: "operational",
          likelihood: "medium",
          impact: "medium",
          mitigation: "Keep a phone and counter path, plain-language forms, and multiple languages",
        },
      ],
      integrations: [{
        name: "Government sign-in and payment services of the agency's country",
        purpose: "Sign-in and fee payment that residents already trust",
      }],
      data: [{
        entity: "Application or case",
        notes: "Applicant, documents, status history, decision; retained per the records schedule",
      }],
      question:
        "Which agency will run it, and will it be bought through a tender, a framework or a small pilot purchase?",
    },
  },
  {
    id: "journalism",
    label: "Journalism and news publishing",
    stakes: 6,
    weeks: 1.5,
    triggers: [
      "journalis(?:m|ts?)",
      "newsrooms?",
      "reporters?",
      "news (?:site|sites|outlets?|organi[sz]ations?|apps?|publications?|stories|articles)",
      "investigative",
      "confidential sources?",
      "whistle-?blow\\w+",
      "tip ?lines?",
      "news tips",
      "local news",
      "(?:publish|write)(?:s|ing)? (?:news|articles|stories)",
      "(?:news|managing|copy|section) editors?",
      "press freedom",
    ],
    findings: {
      requirements: [
        {
          text:
            "Keep no logs that identify tipsters (IP addresses, device ids), offer a secure drop such as SecureDrop or Signal, and strip metadata (EXIF, document properties) from files sources send",
          rationale: "Source protection: logs can be subpoenaed or breached",
        },
        {
          text: "Keep every published version of an article with corrections and their dates",
          rationale: "Corrections policy and defence against defamation claims",
          priority: "should",
        },
      ],
      risks: [
        {
          title: "A published story brings a defamation or privacy claim",
          category: "legal",
          likelihood: "medium",
          impact: "high",
          mitigation:
            "Pre-publication legal review for sensitive stories, media liability insurance, documented fact-checking",
        },
        {
          title: "A legal demand or breach exposes a confidential source",
          category: "security",
          likelihood: "low",
          impact: "high",
          mitigation:
            "Minimise stored data about sources, end-to-end encrypted channels, a written process for responding to subpoenas",
        },
      ],
      components: [{
        name: "Editorial workflow",
        responsibility: "Drafts, review, legal sign-off, scheduled publishing and corrections",
      }],
    },
  },
  {
    id: "nonprofit",
    label: "Nonprofits, donations and volunteers",
    stakes: 5,
    weeks: 1.5,
    triggers: [
      "non-?profits?",
      "not-for-profits?",
      "charit(?:y|ies|able)",
      "ngos?",
      "donations?",
      "donors?",
      "donat(?:e|es|ing)",
      "fundrais\\w+",
      "501\\(c\\)\\(3\\)",
      "501c3",
      "gift aid",
      "tax[- ]deductible",
      "volunteers?",
      "volunteering",
      "tith(?:e|es|ing)",
      "church(?:es)?",
      "congregations?",
      "parish(?:es)?",
      "mosques?",
      "synagogues?",
    ],
    findings: {
      requirements: [{
        text:
          "Send each donor a receipt with the charity's legal name and registration number, the amount and date, and whether anything was given in return",
        rationale: "Tax rules for deductible gifts in most countries",
      }],
      risks: [
        {
          title: "Volunteers working with children or vulnerable adults are not vetted",
          category: "safety",
          likelihood: "medium",
          impact: "high",
          mitigation:
            "Record background checks and training per volunteer role before shifts are offered",
        },
        {
          title: "Donor data is used for marketing without consent",
          category: "privacy",
          likelihood: "medium",
          impact: "medium",
          mitigation:
            "Separate consent for fundraising communications, easy unsubscribe, suppression list",
        },
      ],
      data: [{
        entity: "Donation",
        notes: "Donor, amount, date, fund or campaign, receipt number, tax declarations",
      }],
      integrations: [{
        name: "Donation processing (e.g. Stripe with reduced nonprofit rates, PayPal Giving Fund)",
        purpose: "One-off and recurring gifts with receipts",
      }],
    },
  },
];

/** Public-interest regulations. */
export const PUBLIC_REGULATIONS: readonly RegulationEntry[] = [
  {
    id: "us-ada-title-ii",
    label: "ADA Title II web accessibility rule",
    triggers: ["ada title ii"],
    jurisdictions: ["US"],
    domains: ["government"],
    findings: {
      requirements: [{
        text: "Make web content and mobile apps of state and local government meet WCAG 2.1 AA",
        rationale:
          "DOJ rule of April 2024 (28 CFR 35.200): from April 2026 for large governments, April 2027 for small ones",
      }],
    },
  },
  {
    id: "us-section-508",
    label: "Section 508",
    triggers: ["section 508"],
    jurisdictions: ["US"],
    domains: ["government"],
    context: [["federal"]],
    findings: {
      requirements: [{
        text:
          "Provide an Accessibility Conformance Report (VPAT) against the Revised 508 Standards",
        rationale: "Rehabilitation Act s. 508 for ICT bought by federal agencies",
      }],
    },
  },
  {
    id: "us-fedramp",
    label: "FedRAMP / StateRAMP authorisation",
    triggers: ["fedramp", "stateramp", "govramp"],
    jurisdictions: ["US"],
    domains: ["government"],
    context: [["federal", "(?:state|government) agenc(?:y|ies)", "state government"]],
    findings: {
      requirements: [{
        text:
          "Host on a FedRAMP-authorised cloud (e.g. AWS GovCloud) and plan for FedRAMP or StateRAMP authorisation if agencies store their data in the product",
        rationale: "Federal and many state procurement rules for cloud services",
        priority: "should",
      }],
    },
  },
  {
    id: "us-public-records",
    label: "Public-records law and retention schedules",
    triggers: ["foia", "public records act", "records retention"],
    jurisdictions: ["US"],
    domains: ["government"],
    findings: {
      requirements: [{
        text:
          "Apply the agency's records-retention schedule to each record type, with legal holds, and export records for public-records requests",
        rationale:
          "FOIA and state public-records acts (e.g. Texas Public Information Act, California Public Records Act, Illinois FOIA)",
      }],
    },
  },
  {
    id: "eu-web-accessibility",
    label: "EU Web Accessibility Directive (EN 301 549)",
    triggers: ["en 301 549", "web accessibility directive"],
    jurisdictions: ["EU"],
    domains: ["government"],
    findings: {
      requirements: [{
        text:
          "Meet EN 301 549 on public-sector websites and apps, with an accessibility statement and a feedback mechanism",
        rationale: "Directive 2016/2102",
      }],
    },
  },
  {
    id: "eu-public-procurement",
    label: "EU public procurement directives",
    triggers: ["public procurement", "tenders?"],
    jurisdictions: ["EU"],
    domains: ["government"],
    findings: {
      requirements: [{
        text:
          "Expect an open tender above the EU thresholds (about €140,000 for central-government services), with published criteria",
        rationale: "Directive 2014/24/EU",
        priority: "should",
      }],
    },
  },
  {
    id: "uk-public-sector",
    label: "UK public-sector rules (PSBAR, FOI Act, Procurement Act 2023)",
    triggers: ["psbar", "foi act", "g-cloud", "procurement act"],
    jurisdictions: ["GB"],
    domains: ["government"],
    findings: {
      requirements: [{
        text:
          "Meet WCAG 2.2 AA with an accessibility statement and the GOV.UK Service Standard (GOV.UK Pay and Notify are open to councils), support FOI requests within 20 working days, and sell through G-Cloud or a Procurement Act 2023 tender",
        rationale:
          "Public Sector Bodies Accessibility Regulations 2018, Freedom of Information Act 2000, Procurement Act 2023 (in force February 2025)",
      }],
    },
  },
  {
    id: "in-gov-procurement",
    label: "Indian government procurement (GeM, MeitY cloud empanelment)",
    triggers: ["gem portal", "meity"],
    jurisdictions: ["IN"],
    domains: ["government"],
    findings: {
      requirements: [{
        text:
          "List on the Government e-Marketplace and host government data with a MeitY-empanelled cloud provider in India",
        rationale: "General Financial Rules 2017 and MeitY cloud guidelines",
      }],
    },
  },
  {
    id: "us-ppa-shield",
    label: "Privacy Protection Act and state shield laws",
    triggers: ["shield laws?", "privacy protection act"],
    jurisdictions: ["US"],
    domains: ["journalism"],
    findings: {
      requirements: [{
        text:
          "Route any subpoena or search request for newsroom material to counsel; journalists' work product has federal and state protection",
        rationale: "Privacy Protection Act of 1980 (42 U.S.C. 2000aa) and state shield laws",
      }],
    },
  },
  {
    id: "eu-emfa",
    label: "European Media Freedom Act",
    triggers: ["media freedom act", "emfa"],
    jurisdictions: ["EU"],
    domains: ["journalism"],
    findings: {
      requirements: [{
        text:
          "Publish ownership information, and rely on the Act's protection of journalistic sources against surveillance and spyware",
        rationale: "Regulation 2024/1083, applied since August 2025",
      }],
    },
  },
  {
    id: "uk-defamation",
    label: "UK Defamation Act 2013 and IPSO Editors' Code",
    triggers: ["defamation act", "ipso"],
    jurisdictions: ["GB"],
    domains: ["journalism"],
    findings: {
      requirements: [{
        text:
          "Follow the Editors' Code and keep evidence for the public-interest and truth defences",
        rationale: "Defamation Act 2013 s. 2–4",
      }],
    },
  },
  {
    id: "us-irs-donor-acknowledgement",
    label: "IRS donor acknowledgements (501(c)(3))",
    triggers: ["501\\(c\\)\\(3\\)", "501c3", "written acknowledg(?:e)?ments?"],
    jurisdictions: ["US"],
    domains: ["nonprofit"],
    context: [["donat\\w+", "donors?", "gifts?", "fundrais\\w+", "contributions?"]],
    findings: {
      requirements: [{
        text:
          "Send a written acknowledgement for gifts of $250 or more, and a quid-pro-quo disclosure when a donor receives goods for more than $75",
        rationale: "IRC §170(f)(8) and §6115",
      }],
    },
  },
  {
    id: "us-charitable-solicitation",
    label: "State charitable solicitation registration",
    triggers: ["charitable solicitation"],
    jurisdictions: ["US"],
    domains: ["nonprofit"],
    context: [[
      "fundrais\\w+",
      "(?:online|monetary|cash|recurring|one-off|monthly) (?:donations?|gifts?|giving)",
      "donations? (?:of|in) (?:money|cash)",
      "donations? online",
      "(?:ask|asking|appeal|appeals) for donations",
      "donate (?:money|online)",
      "campaigns?",
    ]],
    findings: {
      requirements: [{
        text:
          "Register in each state where the charity solicits donations (about 40 states require it), including online appeals",
        rationale: "State charitable solicitation acts",
        priority: "should",
      }],
    },
  },
  {
    id: "uk-gift-aid",
    label: "Gift Aid (HMRC) and the Code of Fundraising Practice",
    triggers: ["gift aid"],
    jurisdictions: ["GB"],
    domains: ["nonprofit"],
    context: [["donat\\w+", "donors?", "gifts?", "fundrais\\w+"]],
    findings: {
      requirements: [{
        text:
          "Collect a Gift Aid declaration from UK taxpayers with name and home address, keep it for six years, and claim through HMRC Charities Online",
        rationale:
          "Income Tax Act 2007 Part 8; Fundraising Regulator's Code of Fundraising Practice",
      }],
    },
  },
  {
    id: "ca-cra-receipts",
    label: "CRA official donation receipts",
    triggers: ["cra receipts?", "official donation receipts?"],
    jurisdictions: ["CA"],
    domains: ["nonprofit"],
    context: [["donat\\w+", "donors?", "gifts?", "fundrais\\w+"]],
    findings: {
      requirements: [{
        text:
          "Issue official donation receipts with the charity's CRA registration number and the eligible amount",
        rationale: "Income Tax Regulations s. 3501",
      }],
    },
  },
  {
    id: "in-fcra-80g",
    label: "Section 80G receipts and the Foreign Contribution (Regulation) Act",
    triggers: ["80g", "foreign contribution"],
    jurisdictions: ["IN"],
    domains: ["nonprofit"],
    context: [["donat\\w+", "donors?", "gifts?", "fundrais\\w+"]],
    findings: {
      requirements: [{
        text:
          "Issue 80G receipts and file the donor statement (Form 10BD), and accept donations from abroad only with FCRA registration into the designated SBI account",
        rationale: "Income Tax Act s. 80G; Foreign Contribution (Regulation) Act 2010",
      }],
    },
  },
];
