/**
 * Credit and risk: consumer credit and lending, insurance, and gambling. Money movement,
 * crypto and card payments are in money.ts.
 *
 * @module
 */
import type { DomainEntry, RegulationEntry } from "./types.ts";

/** Distributing insurance to customers, not a tool insurers use internally. */
const SELLS_INSURANCE: readonly string[] = [
  "sell\\w*",
  "sold",
  "distribut\\w+",
  "quot(?:e|es|ing)",
  "compar\\w+",
  "brok\\w+",
  "agents?",
  "(?:buy|buying|purchase|purchasing) (?:\\w+ )?(?:insurance|cover|polic(?:y|ies))",
  "embedded insurance",
  "policyholders?",
];

/** Credit, insurance and gambling domains. */
export const FINANCE_DOMAINS: readonly DomainEntry[] = [
  {
    id: "consumer-credit",
    label: "Consumer credit and lending",
    stakes: 10,
    weeks: 6,
    triggers: [
      "loans?",
      "lend(?:ing|ers?)",
      "borrow(?:ers?|ing)",
      "credit lines?",
      "lines? of credit",
      "buy now,? pay later",
      "bnpl",
      "payday",
      "micro-?loans?",
      "micro-?financ\\w+",
      "micro-?credit",
      "cash advances?",
      "salary advances?",
      "earned wage access",
      "instal?lment (?:loans?|plans?)",
      "credit scor(?:e|es|ing)",
    ],
    // Money lent for repayment, not a library book or a borrowed drill.
    context: [[
      "interest",
      "repa(?:y|id|ying|yments?)",
      "aprs?",
      "credit",
      "money",
      "cash",
      "\\$",
      "₹",
      "£",
      "€",
      "lakhs?",
      "salar(?:y|ies)",
      "emis?",
      "instal?lments?",
      "financ\\w+",
      "fund(?:s|ing|ed)",
      "rates?",
    ], [
      // The product lends or arranges credit; tracking one's own loans does not.
      "lend\\w*",
      "borrow\\w*",
      "disburs\\w+",
      "underwrit\\w+",
      "approv\\w+",
      "apply for",
      "loans? (?:to|for|of|from)",
      "offer\\w* (?:\\w+ )?(?:loans?|credit)",
      "give\\w* (?:\\w+ )?(?:loans?|credit|advances?)",
      "buy now",
      "bnpl",
      "pay later",
      "payday",
      "micro-?\\w+",
      "advances?",
      "credit lines?",
      "lines? of credit",
      "earned wage",
    ]],
    excludes: [
      "(?:book|tool|library|equipment) (?:lending|loans?)",
      "lending (?:library|libraries)",
      // Business finance is not consumer credit (uncovered.ts flags it).
      "factoring",
      "invoice financ\\w+",
      "merchant cash advances?",
    ],
    findings: {
      requirements: [
        {
          text:
            "Show the total cost of credit (APR, fees, repayment schedule) before the borrower accepts, and keep the signed agreement",
          rationale: "Credit disclosure rules in most markets",
        },
        {
          text:
            "Check affordability before lending and record why each application was approved or declined",
          rationale:
            "Responsible-lending duties, and the reasons needed for adverse-action notices",
        },
      ],
      risks: [
        {
          title: "Lending without the licence each borrower's state or country requires",
          category: "compliance",
          likelihood: "high",
          impact: "high",
          mitigation:
            "Launch through a licensed lending partner (bank or NBFC) or obtain the licence before the first loan; map rate caps per market",
        },
        {
          title: "Defaults and fraud exceed the loss rate the pricing assumes",
          category: "financial",
          likelihood: "high",
          impact: "high",
          mitigation:
            "Small first loans that grow with repayment history, identity and bank-account verification, a collections process that stays within fair-collection rules",
        },
      ],
      integrations: [
        {
          name: "Credit bureau (e.g. Experian, Equifax, TransUnion, CIBIL)",
          purpose: "Credit reports and scores for underwriting",
        },
        {
          name: "Bank-account verification (e.g. Plaid, TrueLayer, Account Aggregator in India)",
          purpose: "Verify income and the account that receives and repays the loan",
        },
      ],
      data: [
        {
          entity: "Loan application",
          notes: "Applicant, amount, decision, reasons, data used; kept for fair-lending review",
        },
        {
          entity: "Repayment schedule",
          notes: "Instalments, due dates, payments received, arrears; immutable history",
        },
      ],
      components: [{
        name: "Loan ledger",
        responsibility: "Double-entry record of disbursements, repayments, interest and fees",
      }],
      question:
        "Will you lend your own money, or work with a licensed bank or lender that makes the loans?",
    },
  },
  {
    id: "insurance",
    label: "Insurance",
    stakes: 8,
    weeks: 4,
    triggers: [
      "insurance",
      "insurers?",
      "insurtech",
      "policyholders?",
      "underwrit(?:e|es|ing) (?:policies|risks?)",
      "insurance (?:premiums?|claims?|quotes?|brokers?|agents?|policies)",
      "warranty (?:plans?|cover)",
    ],
    // Selling or running insurance, not a clinic that accepts a patient's insurance.
    context: [[
      "sell\\w*",
      "sold",
      "distribut\\w+",
      "quot(?:e|es|ing)",
      "compar\\w+",
      "brok\\w+",
      "underwrit\\w+",
      "polic(?:y|ies)",
      "premiums?",
      "claims?",
      "cover(?:s|age)?",
      "insurtech",
      "embedded",
    ]],
    excludes: [
      "accept(?:s|ing)? (?:health )?insurance",
      "insurance billing",
      "(?:need|get|buy|have|carry) (?:\\w+ )?(?:liability|business|indemnity|public liability) insurance",
    ],
    findings: {
      requirements: [{
        text:
          "Sell, quote or advise on insurance only through a licensed insurer or a licensed intermediary, and show who carries the risk",
        rationale: "Insurance distribution is licensed in every market",
      }],
      risks: [
        {
          title: "Claims handling is slow or unfair and draws regulator complaints",
          category: "operational",
          likelihood: "medium",
          impact: "high",
          mitigation:
            "Claims workflow with deadlines, reasons for every denial, and an escalation path to a person",
        },
        {
          title:
            "Pricing uses factors that discriminate unlawfully (e.g. proxies for race or gender)",
          category: "legal",
          likelihood: "medium",
          impact: "high",
          mitigation:
            "Review rating factors with an actuary and counsel; test outcomes across groups",
        },
      ],
      data: [{
        entity: "Policy and claim",
        notes: "Insured party, cover, premium, claims with status history and documents",
      }],
      question:
        "Will you carry the insurance risk yourself, act as an agent or broker, or partner with an insurer that issues the policies?",
    },
  },
  {
    id: "gambling",
    label: "Gambling, betting and prize draws",
    stakes: 9,
    weeks: 4,
    triggers: [
      "gambl\\w+",
      "betting",
      "bets",
      "place (?:a )?bets?",
      "sportsbooks?",
      "casinos?",
      "poker",
      "lotter(?:y|ies)",
      "raffles?",
      "sweepstakes",
      "fantasy (?:sports|football|league)",
      "wager\\w*",
      "real[- ]money games?",
    ],
    findings: {
      requirements: [
        {
          text:
            "Verify age and location before anyone stakes money, and block places where the game is not licensed",
          rationale: "Gambling licences are territorial and adults-only",
        },
        {
          text:
            "Offer deposit limits, time-outs and self-exclusion, and check the national self-exclusion register where one exists (such as GAMSTOP or BetStop)",
          rationale: "Safer-gambling duties of gambling licences",
        },
      ],
      risks: [{
        title: "Running games of chance for money without a licence",
        category: "legal",
        likelihood: "high",
        impact: "high",
        mitigation:
          "Take legal advice per market on whether the game is gambling, skill or a free prize draw, before any money is staked",
      }],
      integrations: [{
        name: "Geolocation and age verification (e.g. GeoComply, Yoti)",
        purpose: "Prove the player is of age and inside a licensed territory",
      }],
      question:
        "Will players pay to enter or stake money for a prize, and in which countries or states?",
    },
  },
];

/** Credit, insurance and gambling regulations. */
export const FINANCE_REGULATIONS: readonly RegulationEntry[] = [
  {
    id: "us-tila-ecoa",
    label: "TILA (Regulation Z) and ECOA (Regulation B)",
    triggers: ["tila", "truth in lending", "regulation z", "ecoa", "equal credit opportunity"],
    jurisdictions: ["US"],
    domains: ["consumer-credit"],
    findings: {
      requirements: [
        {
          text:
            "Disclose APR and finance charges in the Regulation Z format before the loan is signed",
          rationale: "Truth in Lending Act",
        },
        {
          text:
            "Send an adverse-action notice with the specific reasons whenever credit is declined, including when a model made the decision",
          rationale: "ECOA and Regulation B; CFPB Circular 2022-03 on algorithmic decisions",
        },
      ],
    },
  },
  {
    id: "us-glba",
    label: "GLBA privacy notice and FTC Safeguards Rule",
    triggers: ["glba", "gramm-leach-bliley", "safeguards rule"],
    jurisdictions: ["US"],
    domains: ["consumer-credit", "insurance", "money-transmission", "crypto"],
    findings: {
      requirements: [{
        text:
          "Give customers a GLBA privacy notice and opt-out of sharing, and run a written information-security programme with a qualified individual, MFA and breach reporting to the FTC within 30 days",
        rationale:
          "Gramm-Leach-Bliley Act; FTC Safeguards Rule (16 CFR 314, amended 2023); state insurance privacy rules for insurers",
      }],
    },
  },
  {
    id: "eu-ccd",
    label: "EU Consumer Credit Directive (2023/2225)",
    triggers: ["consumer credit directive"],
    jurisdictions: ["EU"],
    domains: ["consumer-credit"],
    findings: {
      requirements: [{
        text:
          "Assess creditworthiness before lending, give the standard pre-contractual information, and allow 14 days to withdraw",
        rationale: "Directive 2023/2225, applied from November 2026; BNPL is in scope",
      }],
    },
  },
  {
    id: "uk-fca-credit",
    label: "FCA consumer credit authorisation",
    triggers: ["fca authori[sz]ation", "consumer credit act"],
    jurisdictions: ["GB"],
    domains: ["consumer-credit"],
    findings: {
      requirements: [{
        text:
          "Be authorised by the FCA for consumer credit lending or broking (or act as an appointed representative) and meet the Consumer Duty",
        rationale: "FSMA 2000 and the FCA CONC sourcebook",
      }],
    },
  },
  {
    id: "in-rbi-digital-lending",
    label: "RBI Digital Lending Directions 2025",
    triggers: ["digital lending (?:guidelines|directions)", "nbfcs?"],
    jurisdictions: ["IN"],
    domains: ["consumer-credit"],
    findings: {
      requirements: [{
        text:
          "Lend only through an RBI-regulated entity (bank or NBFC), disburse and collect directly between the borrower's and lender's accounts, and give a key fact statement with the all-in APR",
        rationale: "RBI (Digital Lending) Directions, 2025",
      }],
    },
  },
  {
    id: "ke-cbk-digital-credit",
    label: "CBK Digital Credit Providers Regulations 2022",
    triggers: ["digital credit provider"],
    jurisdictions: ["KE"],
    domains: ["consumer-credit"],
    findings: {
      requirements: [{
        text: "Obtain a Central Bank of Kenya digital credit provider licence before lending",
        rationale: "CBK (Digital Credit Providers) Regulations 2022",
      }],
    },
  },
  {
    id: "ng-fccpc-digital-lending",
    label: "FCCPC Digital Lending Regulations 2025",
    triggers: ["fccpc"],
    jurisdictions: ["NG"],
    domains: ["consumer-credit"],
    findings: {
      requirements: [{
        text:
          "Register the lending app with the FCCPC and never use debt-shaming or contact borrowers' phone contacts for collection",
        rationale:
          "Digital, Electronic, Online or Non-Traditional Consumer Lending Regulations 2025",
      }],
    },
  },
  {
    id: "au-nccp",
    label: "Australian Credit Licence (National Consumer Credit Protection Act)",
    triggers: ["australian credit licen[cs]e", "nccp"],
    jurisdictions: ["AU"],
    domains: ["consumer-credit"],
    findings: {
      requirements: [{
        text:
          "Hold an Australian Credit Licence and meet responsible-lending obligations; BNPL is regulated credit since June 2025",
        rationale: "National Consumer Credit Protection Act 2009",
      }],
    },
  },
  {
    id: "us-insurance-producer",
    label: "State insurance producer licensing",
    triggers: ["producer licen[cs]e", "naic"],
    jurisdictions: ["US"],
    domains: ["insurance"],
    context: [SELLS_INSURANCE],
    findings: {
      requirements: [{
        text:
          "License the agency and its agents as insurance producers in each state where you sell",
        rationale: "State insurance codes (NAIC Producer Licensing Model Act)",
      }],
    },
  },
  {
    id: "us-insurance-filing",
    label: "State rate and policy-form filing",
    triggers: ["rate filing", "form filing", "serff"],
    jurisdictions: ["US"],
    domains: ["insurance"],
    context: [[
      "underwrit\\w+",
      "insurers?",
      "carriers?",
      "mgas?",
      "managing general",
      "(?:our|own) (?:policies|products)",
      "issu\\w+ (?:\\w+ )?polic(?:y|ies)",
      "premiums?",
    ]],
    findings: {
      requirements: [{
        text:
          "If you issue the policies (as insurer or MGA), file rates and policy forms with each state's insurance department before selling, through SERFF",
        rationale: "State insurance codes; prior-approval or file-and-use by state",
      }],
    },
  },
  {
    id: "eu-idd",
    label: "EU Insurance Distribution Directive",
    triggers: ["insurance distribution directive"],
    jurisdictions: ["EU"],
    domains: ["insurance"],
    context: [SELLS_INSURANCE],
    findings: {
      requirements: [{
        text:
          "Register as an insurance intermediary (or ancillary intermediary), and give the insurance product information document before sale",
        rationale: "Directive 2016/97",
      }],
    },
  },
  {
    id: "ke-ira",
    label: "Insurance Regulatory Authority licence (Kenya)",
    triggers: ["insurance regulatory authority"],
    jurisdictions: ["KE"],
    domains: ["insurance"],
    context: [SELLS_INSURANCE],
    findings: {
      requirements: [{
        text:
          "Distribute policies only as an IRA-licensed intermediary or through a licensed insurer, with micro-insurance products approved by the IRA",
        rationale: "Insurance Act (Cap. 487) and the Insurance (Microinsurance) Regulations 2020",
      }],
    },
  },
  {
    id: "uk-fca-insurance",
    label: "FCA insurance distribution authorisation",
    triggers: ["icobs"],
    jurisdictions: ["GB"],
    domains: ["insurance"],
    context: [SELLS_INSURANCE],
    findings: {
      requirements: [{
        text:
          "Be FCA-authorised (or an appointed representative) to arrange insurance, and meet the Consumer Duty on fair value",
        rationale: "FCA ICOBS sourcebook",
      }],
    },
  },
  {
    id: "in-irdai",
    label: "IRDAI registration (insurance intermediaries)",
    triggers: ["irdai"],
    jurisdictions: ["IN"],
    domains: ["insurance"],
    context: [SELLS_INSURANCE],
    findings: {
      requirements: [{
        text:
          "Register with IRDAI as an insurance broker, web aggregator or corporate agent before distributing policies",
        rationale: "IRDAI (Insurance Intermediaries) Regulations",
      }],
    },
  },
  {
    id: "us-state-gambling",
    label: "State gambling and sweepstakes law (US)",
    triggers: ["uigea", "sweepstakes rules"],
    jurisdictions: ["US"],
    domains: ["gambling"],
    findings: {
      requirements: [{
        text:
          "Offer real-money betting only in states that license it, with that state's licence; run free prize draws with a no-purchase-necessary entry and official rules",
        rationale: "State gaming laws; the federal Wire Act and UIGEA for payments",
      }],
    },
  },
  {
    id: "uk-gambling-act",
    label: "UK Gambling Act 2005 (Gambling Commission licence)",
    triggers: ["gambling commission", "gambling act"],
    jurisdictions: ["GB"],
    domains: ["gambling"],
    findings: {
      requirements: [{
        text:
          "Hold a Gambling Commission operating licence (small society lottery rules for charity raffles), and join GAMSTOP",
        rationale: "Gambling Act 2005 and the Licence Conditions and Codes of Practice",
      }],
    },
  },
  {
    id: "in-online-gaming-act",
    label: "Promotion and Regulation of Online Gaming Act 2025 (India)",
    triggers: ["online gaming act"],
    jurisdictions: ["IN"],
    domains: ["gambling"],
    findings: {
      risks: [{
        title: "Real-money online games are banned in India, whether of skill or chance",
        category: "legal",
        likelihood: "high",
        impact: "high",
        mitigation:
          "Offer only free-to-play or e-sports formats in India; no stakes, no paid entry for prizes",
      }],
    },
  },
  {
    id: "eu-national-gambling",
    label: "National gambling licence (EU member state)",
    triggers: ["malta gaming authority", "mga licen[cs]e", "ggl"],
    jurisdictions: ["EU"],
    domains: ["gambling"],
    findings: {
      requirements: [{
        text:
          "Hold a licence in each member state where players are (e.g. Malta Gaming Authority, Germany's GGL); there is no EU-wide gambling licence",
        rationale: "Gambling is outside EU harmonisation; national laws apply",
      }],
    },
  },
  {
    id: "au-iga",
    label: "Interactive Gambling Act 2001 (Australia)",
    triggers: ["interactive gambling act"],
    jurisdictions: ["AU"],
    domains: ["gambling"],
    findings: {
      requirements: [{
        text:
          "Offer only wagering licensed by a state or territory regulator (most online bookmakers by the Northern Territory Racing and Wagering Commission), no online casino, no credit cards, BetStop, and identity checks before the first bet",
        rationale:
          "Interactive Gambling Act 2001 (credit-card ban since June 2024); National Self-Exclusion Register; wagering providers report to AUSTRAC",
      }],
    },
  },
];
