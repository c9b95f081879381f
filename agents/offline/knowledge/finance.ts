/**
 * Money: consumer credit and lending, money transmission and remittances, crypto assets, card
 * payments, insurance and gambling.
 *
 * KYC and AML need money moving or held for others: a device that dispenses pills, or a shop
 * that takes card payments through a processor, does not bring them.
 *
 * @module
 */
import type { DomainEntry, RegulationEntry } from "./types.ts";

/** Words that show an AI or automated model makes or shapes a decision. */
export const AUTOMATED_DECISION = [
  "ai",
  "a\\.i\\.",
  "artificial intelligence",
  "machine learning",
  "algorithm\\w*",
  "automat\\w+",
  "(?:ml|ai|scoring|risk|predictive|language) models?",
  "scor(?:e|es|ed|ing)",
  "rank(?:s|ed|ing)?",
  "predict\\w*",
  "llms?",
];

/** Finance domains. */
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
          rationale:
            "Credit disclosure rules in every major market (TILA in the US, CCD in the EU)",
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
    id: "money-transmission",
    label: "Money transmission and remittances",
    stakes: 10,
    weeks: 6,
    triggers: [
      "remittances?",
      "remit(?:s|ting)?",
      "send(?:s|ing)? money",
      "money (?:transfers?|transmission|transmitters?)",
      "transfer(?:s|ring)? money",
      "(?:e-?|digital |mobile )wallets?",
      "mobile money",
      "(?:p2p|peer-to-peer) (?:payments?|transfers?)",
      "cross-border (?:payments?|transfers?)",
      "stored value",
      "hold(?:s|ing)? (?:customer|user|client) (?:funds|money|balances)",
      "escrow",
    ],
    findings: {
      requirements: [
        {
          text:
            "Verify each sender's identity before the first transfer and screen senders and recipients against sanctions lists",
          rationale: "Anti-money-laundering rules for anyone moving money for others",
        },
        {
          text:
            "Show the exchange rate, fees and amount received before the sender confirms, and give a receipt",
          rationale: "Remittance disclosure rules (e.g. the US Remittance Transfer Rule)",
        },
      ],
      risks: [
        {
          title: "Moving money without a licence or a licensed partner",
          category: "compliance",
          likelihood: "high",
          impact: "high",
          mitigation:
            "Start as the agent or programme manager of a licensed payment institution (e.g. Wise Platform, Thunes, Rapyd) until your own licences are granted",
        },
        {
          title: "Fraudulent senders and mule accounts use the service",
          category: "security",
          likelihood: "high",
          impact: "high",
          mitigation:
            "Velocity limits for new users, device fingerprinting, transaction monitoring with case review, hold-and-review for unusual corridors",
        },
      ],
      integrations: [
        {
          name: "Identity verification (e.g. Onfido, Persona, Smile ID)",
          purpose: "KYC checks of senders before they move money",
        },
        {
          name: "Payout network (e.g. Thunes, Wise Platform, M-Pesa B2C)",
          purpose: "Deliver funds to bank accounts and mobile wallets in the destination country",
        },
      ],
      data: [{
        entity: "Transfer",
        notes:
          "Sender, recipient, amounts, rate, fees, status history, screening results; kept at least five years",
      }],
      components: [{
        name: "Transaction monitoring",
        responsibility:
          "Rules and review queue for suspicious activity, with reports to the regulator",
      }],
      question:
        "Will you hold customers' money yourself, or move it through a licensed partner, and which countries will money be sent from and to?",
    },
  },
  {
    id: "crypto",
    label: "Crypto assets",
    stakes: 9,
    weeks: 5,
    triggers: [
      "crypto(?:currenc(?:y|ies)|s)?",
      "bitcoin",
      "btc",
      "ethereum",
      "eth",
      "stablecoins?",
      "usdc",
      "usdt",
      "tokens? (?:sale|launch|swap)",
      "nfts?",
      "blockchain",
      "defi",
      "web3",
      "(?:custodial|non-custodial|crypto) wallets?",
      "on-?chain",
    ],
    // Value held or moved, not a ledger used for traceability.
    context: [[
      "buy\\w*",
      "sell\\w*",
      "trad(?:e|es|ing)",
      "hold\\w*",
      "stor(?:e|es|ing)",
      "custod\\w+",
      "wallets?",
      "exchang\\w+",
      "swap\\w*",
      "pay\\w*",
      "transfer\\w*",
      "send\\w*",
      "invest\\w*",
      "stak(?:e|es|ing)",
      "lend\\w*",
    ]],
    findings: {
      requirements: [{
        text:
          "Keep customers' assets segregated from company funds, with most in cold storage and withdrawals approved by more than one key holder",
        rationale: "Custody failures are the main way crypto businesses lose customers' money",
      }],
      risks: [
        {
          title: "Private keys are stolen or lost and customers' assets with them",
          category: "security",
          likelihood: "medium",
          impact: "high",
          mitigation:
            "Use a qualified custodian or MPC wallet provider (e.g. Fireblocks, BitGo), hot-wallet limits, withdrawal allow-lists",
        },
        {
          title: "Offering crypto services where a licence or registration is required",
          category: "compliance",
          likelihood: "high",
          impact: "high",
          mitigation:
            "Geofence unlicensed markets; register or license per market before onboarding users there",
        },
      ],
      integrations: [{
        name: "Blockchain analytics (e.g. Chainalysis, TRM Labs, Elliptic)",
        purpose: "Screen deposit and withdrawal addresses for sanctions and illicit funds",
      }],
      data: [{
        entity: "Wallet and ledger entry",
        notes: "Customer balances as an internal ledger reconciled daily with on-chain holdings",
      }],
      question:
        "Will the product hold customers' crypto or keys, or only connect to wallets they control?",
    },
  },
  {
    id: "payments",
    label: "Card and online payments",
    stakes: 6,
    weeks: 1.5,
    triggers: [
      "payments?",
      "pay(?:s|ing)? (?:by|with) (?:card|credit card|debit card)",
      "pay (?:online|in the app|in-app|through the app|upfront|a deposit)",
      "(?:credit|debit) cards?",
      "card (?:payments?|details|numbers?)",
      "checkout",
      "take (?:card )?payments",
      "charg(?:e|es|ing) (?:customers|users|clients|a fee|a deposit)",
      "stripe",
      "paypal",
      "razorpay",
      "paystack",
      "flutterwave",
      "adyen",
      "square (?:payments|pos|terminal|reader)",
      "deposits?",
    ],
    excludes: ["cash only", "no online payments?"],
    findings: {
      requirements: [{
        text:
          "Collect card details only in the payment provider's hosted fields or checkout, so card numbers never touch your servers",
        rationale: "Keeps PCI DSS scope to the short SAQ A questionnaire",
      }, {
        text:
          "Handle refunds, failed payments and chargebacks as states of an order, driven by the provider's webhooks",
        rationale: "Payment outcomes arrive asynchronously and can reverse days later",
      }],
      risks: [{
        title: "Webhook events are missed or processed twice, so orders and money disagree",
        category: "technical",
        likelihood: "medium",
        impact: "medium",
        mitigation:
          "Idempotent webhook handler keyed by event id, daily reconciliation against the provider's payout report",
      }],
      integrations: [{
        name: "Payment provider (e.g. Stripe, Adyen, Razorpay in India, Paystack in Nigeria)",
        purpose: "Card and local payment methods, refunds and payouts",
      }],
      data: [{
        entity: "Payment",
        notes: "Provider ids, amount, currency, status history; never the card number",
      }],
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
    excludes: ["accept(?:s|ing)? (?:health )?insurance", "insurance billing"],
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
            "Offer deposit limits, time-outs and self-exclusion, and check the national self-exclusion register where one exists (e.g. GAMSTOP in the UK)",
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

/** Finance regulations. */
export const FINANCE_REGULATIONS: readonly RegulationEntry[] = [
  {
    id: "aml-kyc",
    label: "KYC and AML (identity checks, sanctions screening, transaction monitoring)",
    triggers: ["kyc", "aml", "anti-money laundering", "know your customer"],
    jurisdictions: ["*"],
    domains: ["money-transmission", "crypto"],
    findings: {
      requirements: [{
        text:
          "Run a written AML programme: customer due diligence, sanctions screening, transaction monitoring, suspicious-activity reporting and a named compliance officer",
        rationale: "FATF Recommendations, implemented in every market that licenses money movement",
      }],
    },
  },
  {
    id: "fatf-travel-rule",
    label: "FATF Travel Rule",
    triggers: ["travel rule"],
    jurisdictions: ["*"],
    domains: ["crypto"],
    findings: {
      requirements: [{
        text:
          "Send and receive originator and beneficiary information with crypto transfers to or from other providers",
        rationale:
          "FATF Recommendation 16, in force in the EU (Regulation 2023/1113), UK, Singapore and elsewhere",
      }],
    },
  },
  {
    id: "us-fincen-msb",
    label: "FinCEN MSB registration (Bank Secrecy Act)",
    triggers: ["fincen", "msb", "bank secrecy act"],
    jurisdictions: ["US"],
    domains: ["money-transmission", "crypto"],
    findings: {
      requirements: [{
        text:
          "Register with FinCEN as a money services business within 180 days of starting, and file SARs and CTRs",
        rationale: "31 CFR 1022; convertible virtual currency exchangers are MSBs too",
      }],
    },
  },
  {
    id: "us-state-mtl",
    label: "State money transmitter licences",
    triggers: ["money transmitter licen[cs]es?", "mtls?", "nmls"],
    jurisdictions: ["US"],
    domains: ["money-transmission", "crypto"],
    findings: {
      requirements: [{
        text:
          "License in each state where customers are (through NMLS), with surety bonds and net-worth minimums, or operate as a licensed partner's agent",
        rationale:
          "State money transmission laws (the Money Transmission Modernization Act in about half the states)",
      }],
      risks: [{
        title: "Licensing in dozens of states takes one to two years and a large budget",
        category: "financial",
        likelihood: "high",
        impact: "high",
        mitigation:
          "Launch on a licensed partner's licences, license your own in the biggest states first",
      }],
    },
  },
  {
    id: "us-remittance-rule",
    label: "CFPB Remittance Transfer Rule (Regulation E)",
    triggers: ["remittance transfer rule", "regulation e"],
    jurisdictions: ["US"],
    domains: ["money-transmission"],
    context: [[
      "remit\\w*",
      "abroad",
      "international\\w*",
      "cross-border",
      "overseas",
      "back home",
      "home countr(?:y|ies)",
      "famil(?:y|ies) (?:in|back)",
      "send(?:s|ing)? money home",
    ]],
    findings: {
      requirements: [{
        text:
          "Give senders a pre-payment disclosure and receipt with the rate, fees and date available, a 30-minute cancellation window and an error-resolution process",
        rationale: "12 CFR 1005 subpart B",
      }],
    },
  },
  {
    id: "us-ny-bitlicense",
    label: "New York BitLicense",
    triggers: ["bitlicense"],
    jurisdictions: ["US-NY"],
    domains: ["crypto"],
    findings: {
      requirements: [{
        text:
          "Obtain a BitLicense (or a limited-purpose trust charter) before serving New York residents",
        rationale: "23 NYCRR Part 200",
      }],
    },
  },
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
    triggers: ["digital lending (?:guidelines|directions)", "nbfc"],
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
    id: "eu-psd2",
    label: "PSD2 payment institution or EMI licence",
    triggers: ["psd2", "psd3", "e-money licen[cs]e", "emi licen[cs]e", "payment institution"],
    jurisdictions: ["EU"],
    domains: ["money-transmission"],
    findings: {
      requirements: [{
        text:
          "Hold a payment institution or e-money licence in one member state and passport it, or operate as a licensed institution's agent",
        rationale: "PSD2 (Directive 2015/2366) and the E-Money Directive",
      }],
    },
  },
  {
    id: "uk-fca-payments",
    label: "FCA authorisation under the Payment Services and E-Money Regulations",
    triggers: ["payment services regulations", "electronic money regulations"],
    jurisdictions: ["GB"],
    domains: ["money-transmission"],
    findings: {
      requirements: [{
        text:
          "Be FCA-authorised or registered as a payment or e-money institution and safeguard customer funds daily",
        rationale: "Payment Services Regulations 2017; the FCA's 2025 safeguarding rules",
      }],
    },
  },
  {
    id: "in-rbi-payments",
    label: "RBI payment rules (PPI Master Directions, LRS, payment data localisation)",
    triggers: ["rbi", "reserve bank of india", "ppi licen[cs]e"],
    jurisdictions: ["IN"],
    domains: ["money-transmission", "payments"],
    findings: {
      requirements: [{
        text:
          "Store payment system data only in India (a copy abroad is allowed for processing, deleted within a day), and use RBI-authorised payment aggregators",
        rationale: "RBI circular on Storage of Payment System Data (2018)",
      }],
    },
  },
  {
    id: "ke-cbk-nps",
    label: "Kenya National Payment System Act (CBK PSP authorisation)",
    triggers: ["national payment system act"],
    jurisdictions: ["KE"],
    domains: ["money-transmission"],
    findings: {
      requirements: [{
        text:
          "Be authorised by the Central Bank of Kenya as a payment service provider, or partner with one such as Safaricom M-Pesa",
        rationale: "National Payment System Act 2011 and Regulations 2014",
      }],
    },
  },
  {
    id: "ng-cbn-licence",
    label: "CBN payment licence (PSSP, IMTO)",
    triggers: ["cbn licen[cs]e", "imto"],
    jurisdictions: ["NG"],
    domains: ["money-transmission"],
    findings: {
      requirements: [{
        text:
          "Obtain a Central Bank of Nigeria licence (payment service provider, or IMTO for inbound remittances) or operate through a licensed partner",
        rationale: "CBN licensing framework for payment service providers",
      }],
    },
  },
  {
    id: "sg-mas-psa",
    label: "Singapore Payment Services Act (MAS licence)",
    triggers: ["payment services act", "mas licen[cs]e"],
    jurisdictions: ["SG"],
    domains: ["money-transmission", "crypto"],
    findings: {
      requirements: [{
        text:
          "Hold a MAS licence for cross-border money transfer, e-money or digital payment token services",
        rationale: "Payment Services Act 2019",
      }],
    },
  },
  {
    id: "jp-payment-services",
    label: "Japan Payment Services Act (FSA registration)",
    triggers: ["japan payment services act", "jfsa"],
    jurisdictions: ["JP"],
    domains: ["money-transmission", "crypto"],
    findings: {
      requirements: [{
        text:
          "Register with the FSA as a funds transfer service provider or crypto-asset exchange service provider",
        rationale: "Payment Services Act (Act No. 59 of 2009)",
      }],
    },
  },
  {
    id: "au-austrac",
    label: "AUSTRAC registration (remittance or digital currency exchange)",
    triggers: ["austrac"],
    jurisdictions: ["AU"],
    domains: ["money-transmission", "crypto"],
    findings: {
      requirements: [{
        text:
          "Register with AUSTRAC before providing remittance or digital currency exchange services",
        rationale: "Anti-Money Laundering and Counter-Terrorism Financing Act 2006",
      }],
    },
  },
  {
    id: "ca-fintrac-msb",
    label: "FINTRAC MSB registration",
    triggers: ["fintrac"],
    jurisdictions: ["CA"],
    domains: ["money-transmission", "crypto"],
    findings: {
      requirements: [{
        text:
          "Register with FINTRAC as a money services business (dealing in virtual currency included)",
        rationale: "Proceeds of Crime (Money Laundering) and Terrorist Financing Act",
      }],
    },
  },
  {
    id: "br-bcb",
    label: "Banco Central do Brasil authorisation (payments and virtual assets)",
    triggers: ["banco central", "bacen"],
    jurisdictions: ["BR"],
    domains: ["money-transmission", "crypto"],
    findings: {
      requirements: [{
        text:
          "Obtain Banco Central authorisation as a payment institution, or as a virtual-asset service provider under Law 14.478/2022",
        rationale: "Law 12.865/2013 and the BCB's 2025 virtual-asset resolutions",
      }],
    },
  },
  {
    id: "eu-mica",
    label: "MiCA (Markets in Crypto-Assets Regulation)",
    triggers: ["mica", "markets in crypto-assets"],
    jurisdictions: ["EU"],
    domains: ["crypto"],
    findings: {
      requirements: [{
        text:
          "Be authorised as a crypto-asset service provider (CASP) in one member state, with a white paper for any token you issue",
        rationale: "Regulation 2023/1114; transitional periods end by July 2026",
      }],
    },
  },
  {
    id: "uk-fca-crypto",
    label: "FCA cryptoasset registration and financial promotions rules",
    triggers: ["fca crypto"],
    jurisdictions: ["GB"],
    domains: ["crypto"],
    findings: {
      requirements: [{
        text:
          "Register with the FCA under the Money Laundering Regulations, and have crypto promotions approved with the 24-hour cooling-off for first-time investors",
        rationale: "MLRs 2017 and the FCA financial promotions regime (October 2023)",
      }],
    },
  },
  {
    id: "in-fiu-vda",
    label: "FIU-IND registration for virtual digital asset providers",
    triggers: ["fiu-ind", "vda"],
    jurisdictions: ["IN"],
    domains: ["crypto"],
    findings: {
      requirements: [{
        text: "Register with FIU-IND as a reporting entity and deduct 1% TDS on crypto transfers",
        rationale: "PMLA notification of March 2023; Income Tax Act s. 194S and 115BBH (30% tax)",
      }],
    },
  },
  {
    id: "ng-sec-digital-assets",
    label: "SEC Nigeria registration for digital-asset service providers",
    triggers: ["investments and securities act", "sec nigeria"],
    jurisdictions: ["NG"],
    domains: ["crypto"],
    findings: {
      requirements: [{
        text:
          "Register with the Securities and Exchange Commission as a digital-asset service provider (the SEC's ARIP route while applying)",
        rationale: "Investments and Securities Act 2025 treats digital assets as securities",
      }],
    },
  },
  {
    id: "ke-vasp-act",
    label: "Kenya Virtual Asset Service Providers Act 2025",
    triggers: ["vasp act"],
    jurisdictions: ["KE"],
    domains: ["crypto"],
    findings: {
      requirements: [{
        text:
          "Obtain a licence from the Capital Markets Authority or the Central Bank of Kenya (by activity) before offering virtual-asset services",
        rationale: "Virtual Asset Service Providers Act 2025",
      }],
    },
  },
  {
    id: "pci-dss",
    label: "PCI DSS",
    triggers: ["pci(?:[- ]dss)?"],
    jurisdictions: ["*"],
    domains: ["payments"],
    findings: {
      requirements: [{
        text:
          "Complete the PCI DSS self-assessment that fits the integration (SAQ A for hosted checkout) every year",
        rationale: "PCI DSS v4.0.1, required by the card networks through your payment provider",
      }],
    },
  },
  {
    id: "eu-psd2-sca",
    label: "PSD2 strong customer authentication (3-D Secure)",
    triggers: ["strong customer authentication", "3-?d ?secure", "sca"],
    jurisdictions: ["EU", "GB"],
    domains: ["payments"],
    findings: {
      requirements: [{
        text:
          "Support 3-D Secure challenges in checkout and saved-card flows, and mark merchant-initiated charges correctly",
        rationale: "PSD2 Regulatory Technical Standards on strong customer authentication",
      }],
    },
  },
  {
    id: "us-insurance-producer",
    label: "State insurance producer licensing",
    triggers: ["producer licen[cs]e", "naic"],
    jurisdictions: ["US"],
    domains: ["insurance"],
    findings: {
      requirements: [{
        text:
          "License the agency and its agents as insurance producers in each state where you sell",
        rationale: "State insurance codes (NAIC Producer Licensing Model Act)",
      }],
    },
  },
  {
    id: "eu-idd",
    label: "EU Insurance Distribution Directive",
    triggers: ["insurance distribution directive", "idd"],
    jurisdictions: ["EU"],
    domains: ["insurance"],
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
          "Offer only licensed wagering (no online casino or in-play betting online), link to BetStop, and verify identity before the first bet",
        rationale: "Interactive Gambling Act 2001; National Self-Exclusion Register (2023)",
      }],
    },
  },
];
