/**
 * Money movement: money transmission and remittances, crypto assets, and card payments.
 *
 * KYC and AML need money moving or held for others: a device that dispenses pills, or a shop
 * that takes card payments through a processor, does not bring them.
 *
 * @module
 */
import type { DomainEntry, RegulationEntry } from "./types.ts";

/** Money-movement domains. */
export const MONEY_DOMAINS: readonly DomainEntry[] = [
  {
    id: "money-transmission",
    label: "Money transmission and remittances",
    stakes: 10,
    weeks: 6,
    triggers: [
      "remittances?",
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
      "agent banking",
      "(?:pos|mobile money|banking) agents?",
      "super[- ]agents?",
      "cash[- ]in(?:,? | and )cash[- ]out",
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
          rationale: "Remittance disclosure rules in most markets",
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
      "(?:to|can|will|they|then) pay (?:for|by|with|online|per|a fee)",
      "cashless",
      "pay (?:with|by|using) (?:a )?(?:cards?|credit cards?|debit cards?|m-?pesa|upi|pix|cash|apple pay|google pay|paypal|mobile money)",
      "(?:collect|collecting|pay|paying) (?:\\w+ )?(?:fares|fees|dues|rent)",
      "(?:members|users|customers|clients|parents|guests|visitors|drivers|riders|buyers|subscribers|students|patients|people|applicants) (?:can |will |must )?pay",
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
        name:
          "Payment provider (e.g. Stripe, Adyen, Razorpay in India, Paystack in Nigeria, M-Pesa Daraja in Kenya, Pix through a PSP in Brazil)",
        purpose: "Card and local payment methods, refunds and payouts",
      }],
      data: [{
        entity: "Payment",
        notes: "Provider ids, amount, currency, status history; never the card number",
      }],
    },
  },
];

/** Money-movement regulations. */
export const MONEY_REGULATIONS: readonly RegulationEntry[] = [
  {
    id: "aml-kyc",
    label: "KYC and AML (identity checks, sanctions screening, transaction monitoring)",
    triggers: ["kyc", "aml", "anti-money laundering", "know your customer"],
    jurisdictions: ["*"],
    domains: ["money-transmission", "crypto", "gambling"],
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
        rationale: "FATF Recommendation 16, in force in most markets that license crypto services",
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
    triggers: ["money transmitter licen[cs]es?", "nmls"],
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
          "Obtain a Central Bank of Nigeria licence (payment service provider, super-agent for agent banking, or IMTO for inbound remittances) or operate through a licensed partner, with tiered KYC on BVN or NIN",
        rationale:
          "CBN licensing framework, Guidelines for the Regulation of Agent Banking, tiered KYC rules",
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
    id: "fr-amf-crypto",
    label: "AMF (France): PSAN registration and MiCA authorisation",
    triggers: ["amf", "psan"],
    jurisdictions: ["FR"],
    domains: ["crypto"],
    findings: {
      requirements: [{
        text:
          "Be authorised by the AMF as a CASP under MiCA (PSAN-registered firms had a transition until July 2026)",
        rationale: "Code monétaire et financier; Regulation 2023/1114",
      }],
    },
  },
  {
    id: "sg-mas-dpt-marketing",
    label: "MAS limits on marketing digital payment tokens",
    triggers: [],
    jurisdictions: ["SG"],
    domains: ["crypto"],
    findings: {
      requirements: [{
        text:
          "Do not advertise token services to the public in Singapore (no public ads, influencers or ATMs), and show risk warnings to retail customers",
        rationale:
          "MAS Guidelines on Provision of Digital Payment Token Services to the Public (PS-G02)",
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
    // Cards, or an online checkout that takes them; mobile money or UPI alone is out of scope.
    context: [[
      "cards?",
      "credit",
      "debit",
      "visa",
      "mastercard",
      "amex",
      "stripe",
      "adyen",
      "braintree",
      "square (?:payments|pos|terminal|reader)",
      "paypal",
      "checkout",
      "apple pay",
      "google pay",
      "pay (?:in|through|via|inside) the app",
      "in-app payments?",
      "online payments?",
      "pay online",
      "(?:take|accept)s? (?:online )?payments",
      "subscriptions?",
      "recurring (?:payments|billing)",
    ]],
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
    triggers: ["strong customer authentication", "3-?d ?secure"],
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
];
