/**
 * General data-protection regimes, one per jurisdiction (or group of states), that any product
 * handling personal data meets where it operates. They apply from the places named alone: no
 * domain is needed, and with no place named none is asserted.
 *
 * @module
 */
import type { RegulationEntry } from "./types.ts";

/** US states with a comprehensive consumer privacy law other than California and Texas. */
const US_STATE_PRIVACY_STATES = [
  "US-VA",
  "US-CO",
  "US-CT",
  "US-UT",
  "US-OR",
  "US-MT",
  "US-IA",
  "US-DE",
  "US-NJ",
  "US-NH",
  "US-TN",
  "US-MN",
  "US-MD",
  "US-IN",
  "US-KY",
  "US-RI",
  "US-NE",
];

/** General data-protection regimes. */
export const PRIVACY_REGULATIONS: readonly RegulationEntry[] = [
  {
    id: "eu-gdpr",
    label: "GDPR",
    triggers: ["gdpr", "general data protection regulation"],
    jurisdictions: ["EU", "NO", "IS", "LI"],
    domains: [],
    findings: {
      requirements: [
        {
          text:
            "Record a lawful basis for each purpose of processing, and ask for consent only where no other basis fits",
          rationale: "GDPR Art. 6; consent must be as easy to withdraw as to give (Art. 7)",
        },
        {
          text:
            "Let people export and delete their data, and answer access requests within one month",
          rationale: "GDPR Art. 15–20 data-subject rights",
        },
        {
          text:
            "Sign a data-processing agreement with every sub-processor and keep a record of processing",
          rationale: "GDPR Art. 28 and Art. 30",
        },
      ],
      risks: [{
        title:
          "A personal-data breach is not reported to the supervisory authority within 72 hours",
        category: "compliance",
        likelihood: "low",
        impact: "high",
        mitigation:
          "Write a breach runbook before launch: who decides, who notifies the authority, template notice to users (Art. 33–34)",
      }],
    },
  },
  {
    id: "uk-gdpr",
    label: "UK GDPR and PECR",
    triggers: ["uk gdpr", "data protection act 2018", "pecr"],
    jurisdictions: ["GB"],
    domains: [],
    findings: {
      requirements: [
        {
          text:
            "Pay the ICO data-protection fee and name who answers privacy requests before taking UK users",
          rationale: "Data Protection (Charges and Information) Regulations 2018",
        },
        {
          text:
            "Ask before setting non-essential cookies or sending marketing e-mail and SMS, except the soft opt-in for existing customers",
          rationale:
            "PECR regulations 6 and 22; the Data (Use and Access) Act 2025 aligned PECR fines with UK GDPR levels",
        },
      ],
    },
  },
  {
    id: "ch-fadp",
    label: "Swiss Federal Act on Data Protection (revFADP)",
    triggers: ["fadp", "revfadp", "swiss data protection"],
    jurisdictions: ["CH"],
    domains: [],
    findings: {
      requirements: [{
        text:
          "Keep a record of processing activities and tell people which countries their data goes to",
        rationale: "revFADP (in force since September 2023), Art. 12 and Art. 19",
      }],
    },
  },
  {
    id: "us-ftc-act",
    label: "FTC Act section 5 (unfair or deceptive practices)",
    triggers: ["ftc act", "section 5 of the ftc act"],
    jurisdictions: ["US"],
    // The US has no general privacy law; the FTC's privacy and security cases concentrate here.
    domains: ["consumer-health", "ai-features", "children", "biometrics", "hardware-iot"],
    findings: {
      risks: [{
        title:
          "Marketing or privacy claims the product cannot back up draw an FTC deceptive-practice complaint",
        category: "legal",
        likelihood: "low",
        impact: "high",
        mitigation:
          "Keep claims about security, AI and privacy in the marketing site to what is implemented and documented",
      }],
    },
  },
  {
    id: "us-ccpa",
    label: "CCPA/CPRA",
    triggers: ["ccpa", "cpra", "california consumer privacy act"],
    jurisdictions: ["US-CA"],
    domains: [],
    findings: {
      requirements: [{
        text:
          "Offer a 'Do Not Sell or Share My Personal Information' link and honour Global Privacy Control signals",
        rationale:
          "CCPA as amended by the CPRA; applies above about $26.6M revenue, 100,000 California consumers or households, or half of revenue from selling data",
      }, {
        text: "Answer California residents' requests to know, correct and delete within 45 days",
        rationale: "CCPA §1798.130",
      }],
    },
  },
  {
    id: "us-tdpsa",
    label: "Texas Data Privacy and Security Act",
    triggers: ["tdpsa", "texas data privacy"],
    jurisdictions: ["US-TX"],
    domains: [],
    findings: {
      requirements: [{
        text:
          "Get opt-in consent before processing sensitive data (health, precise location, biometrics, children's data) of Texas residents",
        rationale:
          "TDPSA (in force July 2024) has no revenue threshold: it covers any business that is not a small business under SBA rules",
      }],
    },
  },
  {
    id: "us-state-privacy",
    label: "State consumer privacy law (VCDPA, CPA, CTDPA and similar)",
    triggers: ["vcdpa", "colorado privacy act", "ctdpa", "state privacy laws?"],
    jurisdictions: US_STATE_PRIVACY_STATES,
    domains: [],
    findings: {
      requirements: [{
        text:
          "Support opt-out of targeted advertising and sale of data, and opt-in for sensitive data, for residents of states with a consumer privacy law",
        rationale:
          "Virginia, Colorado, Connecticut and a dozen more states; most apply above 100,000 residents' records a year (some far lower)",
      }],
    },
  },
  {
    id: "ca-pipeda",
    label: "PIPEDA",
    triggers: ["pipeda"],
    jurisdictions: ["CA"],
    domains: [],
    findings: {
      requirements: [{
        text:
          "Get meaningful consent for each purpose, name a privacy officer, and report breaches with real risk of significant harm to the Privacy Commissioner",
        rationale: "PIPEDA principles (Schedule 1) and breach rules since 2018",
      }],
    },
  },
  {
    id: "ca-qc-law25",
    label: "Quebec Law 25",
    triggers: ["law 25", "loi 25", "bill 64"],
    jurisdictions: ["CA-QC"],
    domains: [],
    findings: {
      requirements: [{
        text:
          "Turn privacy-invasive settings off by default and tell people when a decision about them is made by automated processing alone",
        rationale: "Quebec Law 25 (fully in force since September 2024), s. 9.1 and s. 12.1",
      }],
    },
  },
  {
    id: "ca-pipa",
    label: "Provincial PIPA (Alberta, British Columbia)",
    triggers: ["pipa"],
    jurisdictions: ["CA-BC", "CA-AB"],
    domains: [],
    findings: {
      requirements: [{
        text:
          "Treat employee and customer personal information under the provincial PIPA instead of PIPEDA for work inside the province",
        rationale: "Alberta and British Columbia PIPA are 'substantially similar' to PIPEDA",
      }],
    },
  },
  {
    id: "in-dpdp",
    label: "DPDP Act 2023",
    triggers: ["dpdp", "digital personal data protection"],
    jurisdictions: ["IN"],
    domains: [],
    findings: {
      requirements: [
        {
          text:
            "Give a plain notice listing the personal data and purposes before asking for consent, in English or any of the 22 scheduled languages the person chooses",
          rationale: "DPDP Act s. 5–6; the DPDP Rules 2025 phase obligations in over 18 months",
        },
        {
          text:
            "Get verifiable parental consent before processing data of anyone under 18, and do no tracking or targeted advertising aimed at them",
          rationale: "DPDP Act s. 9",
          priority: "should",
        },
      ],
      risks: [{
        title: "A breach is not reported to the Data Protection Board and affected people",
        category: "compliance",
        likelihood: "low",
        impact: "high",
        mitigation:
          "Breach runbook with Board intimation without delay and a detailed report within 72 hours, as the DPDP Rules require",
      }],
    },
  },
  {
    id: "br-lgpd",
    label: "LGPD",
    triggers: ["lgpd", "lei geral de prote[cç][aã]o"],
    jurisdictions: ["BR"],
    domains: [],
    findings: {
      requirements: [{
        text:
          "Appoint an encarregado (data-protection officer) and publish how to reach them, and report incidents to the ANPD within three working days",
        rationale: "LGPD Art. 41 and ANPD Resolution 15/2024",
      }],
    },
  },
  {
    id: "ke-dpa",
    label: "Kenya Data Protection Act 2019",
    triggers: ["kenya data protection act", "odpc"],
    jurisdictions: ["KE"],
    domains: [],
    findings: {
      requirements: [{
        text:
          "Register as a data controller or processor with the ODPC and notify it of breaches within 72 hours",
        rationale: "Kenya Data Protection Act 2019 s. 18 and s. 43",
      }],
    },
  },
  {
    id: "ng-ndpa",
    label: "Nigeria Data Protection Act 2023",
    triggers: ["ndpa", "ndpr", "nigeria data protection"],
    jurisdictions: ["NG"],
    domains: [],
    findings: {
      requirements: [{
        text:
          "Register with the Nigeria Data Protection Commission if the product is a data controller of major importance, and notify breaches within 72 hours",
        rationale: "Nigeria Data Protection Act 2023 s. 44 and s. 40; GAID 2025",
      }],
    },
  },
  {
    id: "sg-pdpa",
    label: "Singapore PDPA",
    triggers: ["pdpa"],
    jurisdictions: ["SG"],
    domains: [],
    findings: {
      requirements: [{
        text:
          "Name a data-protection officer, and report notifiable breaches to the PDPC within three calendar days",
        rationale: "PDPA s. 11(3) and Part 6A",
      }, {
        text: "Check the Do Not Call registry before marketing calls or texts to Singapore numbers",
        rationale: "PDPA Part 9 (DNC provisions)",
        priority: "should",
      }],
    },
  },
  {
    id: "jp-appi",
    label: "APPI (Japan)",
    triggers: ["appi", "act on the protection of personal information"],
    jurisdictions: ["JP"],
    domains: [],
    findings: {
      requirements: [{
        text:
          "State the purposes of use, and get consent before giving personal data to third parties or sending it abroad",
        rationale: "APPI Art. 21, 27 and 28",
      }],
    },
  },
  {
    id: "mx-lfpdppp",
    label: "Mexico's Federal Law on Protection of Personal Data (LFPDPPP 2025)",
    triggers: ["lfpdppp", "aviso de privacidad"],
    jurisdictions: ["MX"],
    domains: [],
    findings: {
      requirements: [{
        text:
          "Publish an aviso de privacidad (privacy notice) before collecting data, and answer ARCO requests",
        rationale: "LFPDPPP as reissued in March 2025",
      }],
    },
  },
  {
    id: "nz-privacy-act",
    label: "New Zealand Privacy Act 2020",
    triggers: ["privacy act 2020"],
    jurisdictions: ["NZ"],
    domains: [],
    findings: {
      requirements: [{
        text:
          "Follow the 13 Information Privacy Principles and notify the Privacy Commissioner of serious breaches as soon as practicable",
        rationale: "Privacy Act 2020, Part 6",
      }],
    },
  },
  {
    id: "za-popia",
    label: "POPIA (South Africa)",
    triggers: ["popia"],
    jurisdictions: ["ZA"],
    domains: [],
    findings: {
      requirements: [{
        text:
          "Register an information officer with the Information Regulator and report security compromises",
        rationale: "Protection of Personal Information Act 2013, s. 22 and s. 55",
      }],
    },
  },
  {
    id: "au-privacy-act",
    label: "Australian Privacy Act 1988",
    triggers: ["australian privacy principles", "privacy act 1988"],
    jurisdictions: ["AU"],
    domains: [],
    findings: {
      requirements: [{
        text:
          "Follow the Australian Privacy Principles and the Notifiable Data Breaches scheme (assess within 30 days, notify the OAIC)",
        rationale:
          "Privacy Act 1988; applies above A$3M turnover, and to health-service providers and data traders of any size",
      }],
    },
  },
];
