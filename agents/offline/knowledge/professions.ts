/**
 * Licensed services to people: legal services, pharmacy and the sale of medicines, childcare,
 * ride-hailing, and platform (gig) work.
 *
 * @module
 */
import type { DomainEntry, RegulationEntry } from "./types.ts";

/** Domains of licensed services. */
export const PROFESSION_DOMAINS: readonly DomainEntry[] = [
  {
    id: "legal-services",
    label: "Legal services",
    stakes: 7,
    weeks: 2,
    triggers: [
      "legal (?:advice|services|help|documents?|questions)",
      "law firms?",
      "(?:find|hire|book|connect with|match with) (?:a )?(?:lawyers?|attorneys?|solicitors?)",
      "(?:lawyers?|attorneys?|solicitors?) (?:for|marketplace|directory|on demand)",
      "immigration (?:cases|law|applications|lawyers|paperwork)",
      "court (?:filings?|cases?|documents?|forms?)",
      "(?:draft|drafting|generate|generating) (?:\\w+ )?(?:contracts|wills|leases|legal documents)",
      "legal ?tech",
    ],
    findings: {
      requirements: [
        {
          text:
            "Keep general legal information apart from advice on a person's own case, which only licensed lawyers may give",
          rationale: "Unauthorised-practice and reserved-activity rules for lawyers",
        },
        {
          text:
            "Protect client communications as privileged: no analytics or model provider sees them without consent",
          rationale: "Sharing can waive privilege and breach confidentiality duties",
        },
      ],
      risks: [{
        title:
          "Generated documents or answers are wrong for the person's jurisdiction and they rely on them",
        category: "legal",
        likelihood: "medium",
        impact: "high",
        mitigation:
          "Scope documents per jurisdiction, have lawyers review templates, and route edge cases to a lawyer",
      }],
      data: [{
        entity: "Matter",
        notes: "Client, opposing parties (for conflict checks), documents, deadlines; confidential",
      }],
      question:
        "Will licensed lawyers give the advice through the product, or will it only provide information and documents?",
    },
  },
  {
    id: "pharmacy",
    label: "Pharmacy and the sale of medicines",
    stakes: 9,
    weeks: 3,
    triggers: [
      "pharmac(?:y|ies)",
      "pharmacists?",
      "e-?pharmac(?:y|ies)",
      "(?:sell|deliver|order|ship)(?:s|ing)? (?:prescription )?(?:drugs|medicines|medications)",
      "prescription (?:delivery|drugs|refills?)",
      "controlled substances",
      "over[- ]the[- ]counter (?:drugs|medicines)",
    ],
    findings: {
      requirements: [
        {
          text:
            "Dispense prescription medicines only through a licensed pharmacy, after a pharmacist checks a valid prescription",
          rationale: "Pharmacy and medicines law in every market",
        },
        {
          text: "Keep a dispensing record per order with the pharmacist, prescription and batch",
          rationale: "Recalls and inspections need traceability",
        },
      ],
      risks: [{
        title:
          "Selling medicines online without the required licence or logo is treated as a rogue pharmacy",
        category: "legal",
        likelihood: "medium",
        impact: "high",
        mitigation:
          "Partner with a licensed pharmacy from day one, and display the regulator's verification mark",
      }],
      question:
        "Will a licensed pharmacy dispense the medicines, and will any of them need a prescription?",
    },
  },
  {
    id: "childcare",
    label: "Childcare",
    stakes: 8,
    weeks: 2,
    triggers: [
      "daycares?",
      "day care",
      "childcare",
      "child care",
      "nurser(?:y|ies)",
      "babysit\\w*",
      "nann(?:y|ies)",
      "preschools?",
      "child ?minders?",
      "after[- ]school (?:care|clubs?|programs?)",
    ],
    excludes: ["plant nurser(?:y|ies)", "garden nurser(?:y|ies)", "tree nurser(?:y|ies)"],
    findings: {
      requirements: [
        {
          text:
            "Verify each carer's background check and licence or registration before they appear to parents, and re-check on a schedule",
          rationale: "Childcare licensing and safeguarding rules",
        },
        {
          text:
            "Get parents' consent for each use of a child's photo, and let them name who may pick the child up",
          rationale: "Children's images and collection are the most sensitive data a nursery holds",
        },
      ],
      risks: [{
        title: "A carer matched through the product harms a child",
        category: "safety",
        likelihood: "low",
        impact: "high",
        mitigation:
          "Background checks, references, reviews tied to completed bookings, incident reporting with escalation",
      }],
      question:
        "Are the carers licensed childcare providers, or private babysitters and nannies found through the product?",
    },
  },
  {
    id: "ride-hailing",
    label: "Ride-hailing and passenger transport",
    stakes: 7,
    weeks: 3,
    triggers: [
      "ride[- ]?hail\\w*",
      "ride[- ]?shar\\w+",
      "taxis?",
      "cabs?",
      "chauffeurs?",
      "car ?pool\\w*",
      "(?:book|hail|order)(?:s|ing)? (?:a )?rides?",
      "passenger transport",
      "shuttle (?:service|bus)",
    ],
    findings: {
      requirements: [{
        text:
          "Onboard only drivers with a valid licence, vehicle insurance that covers paid passengers, and a background check; share trip details for safety",
        rationale: "Transportation network and private-hire licensing rules",
      }],
      risks: [{
        title: "Personal car insurance does not cover paid trips, leaving passengers uninsured",
        category: "financial",
        likelihood: "medium",
        impact: "high",
        mitigation:
          "Require commercial or TNC cover, or buy a platform policy that applies from app-on to drop-off",
      }],
      data: [{
        entity: "Trip",
        notes:
          "Rider, driver, vehicle, route, fare, safety reports; kept for regulator and insurer requests",
      }],
    },
  },
  {
    id: "gig-work",
    label: "Platform and gig work",
    stakes: 6,
    weeks: 1.5,
    triggers: [
      "gig (?:workers?|economy|work)",
      "couriers?",
      "delivery (?:riders?|drivers?|partners?)",
      "independent contractors?",
      "on[- ]demand (?:workers|staff|cleaners|drivers|labou?r)",
      "shift (?:workers|marketplace)",
      "freelancers? (?:on|through|via) (?:the|our) (?:platform|app|marketplace)",
      "(?:cleaners|drivers|walkers|handymen|taskers|carers) (?:get|are) paid",
    ],
    findings: {
      requirements: [{
        text:
          "Let workers set their own hours and prices and work for others, and explain how jobs are allocated and pay is calculated",
        rationale: "Control over work is what makes regulators reclassify contractors as employees",
      }],
      risks: [{
        title: "Workers are reclassified as employees, with back pay, benefits and taxes owed",
        category: "legal",
        likelihood: "medium",
        impact: "high",
        mitigation:
          "Take employment-law advice per market before launch; avoid rules that control how and when work is done",
      }],
    },
  },
];

/** Regulations of licensed services. */
export const PROFESSION_REGULATIONS: readonly RegulationEntry[] = [
  {
    id: "us-upl",
    label: "Unauthorised practice of law rules (US state bars)",
    triggers: ["unauthori[sz]ed practice of law", "upl"],
    jurisdictions: ["US"],
    domains: ["legal-services"],
    findings: {
      requirements: [{
        text:
          "Let only licensed attorneys give case-specific advice, and do not split fees with lawyers or take referral commissions they are barred from paying",
        rationale: "State unauthorised-practice statutes and ABA Model Rules 5.4 and 7.2",
      }],
    },
  },
  {
    id: "uk-legal-services-act",
    label: "Legal Services Act 2007 (reserved legal activities)",
    triggers: ["legal services act", "sra"],
    jurisdictions: ["GB"],
    domains: ["legal-services"],
    findings: {
      requirements: [{
        text:
          "Have reserved activities (litigation, conveyancing, probate) done by SRA-authorised solicitors or other authorised persons",
        rationale: "Legal Services Act 2007, s. 12–14",
      }],
    },
  },
  {
    id: "us-pharmacy",
    label: "State pharmacy licensing, DEA and the Ryan Haight Act",
    triggers: ["ryan haight", "board of pharmacy", "dea"],
    jurisdictions: ["US"],
    domains: ["pharmacy"],
    findings: {
      requirements: [{
        text:
          "Dispense through a pharmacy licensed in each patient's state (or hold non-resident licences); controlled substances online need a valid prescription under DEA rules",
        rationale: "State pharmacy acts; Ryan Haight Online Pharmacy Consumer Protection Act",
      }],
    },
  },
  {
    id: "uk-online-pharmacy",
    label: "GPhC registration and the MHRA distance-selling logo",
    triggers: ["gphc", "distance selling logo"],
    jurisdictions: ["GB"],
    domains: ["pharmacy"],
    findings: {
      requirements: [{
        text:
          "Register the pharmacy with the GPhC, show the MHRA distance-selling logo on every page that sells medicines, and follow the GPhC online-pharmacy guidance",
        rationale:
          "Human Medicines Regulations 2012; GPhC guidance for registered pharmacies online (2025)",
      }],
    },
  },
  {
    id: "eu-online-pharmacy",
    label: "EU common logo for online sale of medicines",
    triggers: ["common logo"],
    jurisdictions: ["EU"],
    domains: ["pharmacy"],
    findings: {
      requirements: [{
        text:
          "Sell only medicines the member state allows online (often non-prescription only), registered with the national authority, with the EU common logo linked to its register",
        rationale: "Directive 2011/62/EU (Falsified Medicines Directive), Art. 85c",
      }],
    },
  },
  {
    id: "us-childcare-licensing",
    label: "State childcare licensing",
    triggers: ["childcare licen[cs]e"],
    jurisdictions: ["US"],
    domains: ["childcare"],
    findings: {
      requirements: [{
        text:
          "Check whether the service counts as licensed childcare in the state; licensed centres must meet ratios, staff background checks and record-keeping",
        rationale:
          "State childcare licensing acts; Child Care and Development Block Grant background-check rules",
      }],
    },
  },
  {
    id: "gb-eng-ofsted",
    label: "Ofsted registration (Childcare Act 2006)",
    triggers: ["ofsted"],
    jurisdictions: ["GB-ENG"],
    domains: ["childcare"],
    findings: {
      requirements: [{
        text:
          "Work only with childminders and nurseries on the Ofsted Early Years Register (or a childminder agency), and keep DBS checks on file",
        rationale: "Childcare Act 2006 and the EYFS statutory framework",
      }],
    },
  },
  {
    id: "us-tnc",
    label: "State transportation network company (TNC) laws",
    triggers: ["tnc permit", "transportation network compan(?:y|ies)"],
    jurisdictions: ["US"],
    domains: ["ride-hailing"],
    findings: {
      requirements: [{
        text:
          "Obtain the state TNC permit (e.g. from the CPUC in California), with required insurance tiers, driver background checks and zero-tolerance policies",
        rationale: "State TNC statutes; airport and city permits on top",
      }],
    },
  },
  {
    id: "uk-private-hire",
    label: "Private hire operator licensing",
    triggers: ["private hire", "tfl licen[cs]e"],
    jurisdictions: ["GB"],
    domains: ["ride-hailing"],
    findings: {
      requirements: [{
        text:
          "Hold a private hire operator licence from each licensing authority (TfL in London), using only licensed drivers and vehicles",
        rationale:
          "Private Hire Vehicles (London) Act 1998; Local Government (Miscellaneous Provisions) Act 1976",
      }],
    },
  },
  {
    id: "in-mvag",
    label: "Motor Vehicle Aggregator Guidelines 2025 (India)",
    triggers: ["aggregator guidelines"],
    jurisdictions: ["IN"],
    domains: ["ride-hailing"],
    findings: {
      requirements: [{
        text:
          "Obtain an aggregator licence from each state, with driver training, insurance for drivers, and fare rules set by the state",
        rationale: "Motor Vehicles Act s. 93 and the Motor Vehicle Aggregator Guidelines 2025",
      }],
    },
  },
  {
    id: "us-worker-classification",
    label: "US worker classification (FLSA, state ABC tests)",
    triggers: ["ab5", "abc test", "misclassification"],
    jurisdictions: ["US"],
    domains: ["gig-work", "ride-hailing"],
    findings: {
      requirements: [{
        text:
          "Test the contractor model against the federal economic-reality test and state ABC tests (California AB5, Massachusetts, New Jersey)",
        rationale: "Fair Labor Standards Act; state wage laws",
      }],
    },
  },
  {
    id: "eu-platform-work",
    label: "EU Platform Work Directive",
    triggers: ["platform work directive"],
    jurisdictions: ["EU"],
    domains: ["gig-work", "ride-hailing"],
    findings: {
      requirements: [{
        text:
          "Be ready for a legal presumption of employment where the platform controls the work, and explain automated allocation and pay decisions to workers",
        rationale: "Directive 2024/2831, to be transposed by December 2026",
      }],
    },
  },
  {
    id: "uk-worker-status",
    label: "UK employment status (worker rights)",
    triggers: ["worker status", "ir35"],
    jurisdictions: ["GB"],
    domains: ["gig-work", "ride-hailing"],
    findings: {
      requirements: [{
        text:
          "Expect 'worker' status (minimum wage, holiday pay) if the platform sets prices and controls the work, as in Uber v Aslam",
        rationale: "Employment Rights Act 1996 s. 230; Uber BV v Aslam [2021] UKSC 5",
      }],
    },
  },
  {
    id: "in-gig-social-security",
    label: "Code on Social Security 2020 (gig and platform workers)",
    triggers: ["code on social security"],
    jurisdictions: ["IN"],
    domains: ["gig-work", "ride-hailing"],
    findings: {
      requirements: [{
        text:
          "Register platform workers and contribute 1–2% of turnover (capped at 5% of payouts) to the social-security fund for gig workers",
        rationale: "Code on Social Security 2020, s. 114, in force since November 2025",
      }],
    },
  },
];
