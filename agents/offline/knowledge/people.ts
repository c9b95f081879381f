/**
 * People: hiring and employment decisions, education records, and children as users.
 *
 * FERPA needs a US school's student records, not the word "students"; COPPA needs a service
 * used by children under 13, not parents booking a babysitter.
 *
 * @module
 */
import type { DomainEntry, RegulationEntry } from "./types.ts";
import { AUTOMATED_DECISION } from "./ai.ts";

/** Children as the product's own users. */
const CHILD_USERS = [
  "(?:for|to) (?:kids|children|toddlers|teens|teenagers|minors|pre-?teens)",
  "(?:kids|children|teens|teenagers|minors|students|pupils) (?:use|play|log in|sign up|create|chat|post|learn|watch|read|answer|practi[cs]e)\\w*",
  "child(?:ren)?'?s? (?:accounts?|profiles?|logins?)",
  "kids?'? (?:accounts?|profiles?|mode)",
  "under[- ]13s?",
  "under (?:13|16)",
  "ages? (?:[3-9]|1[0-5])(?: ?(?:-|to|–) ?(?:[3-9]|1[0-7]))?",
  "aged (?:[3-9]|1[0-2])\\b",
  "(?:[3-9]|1[0-2])[- ]year[- ]olds?",
  "primary school",
  "elementary school",
  "middle school",
  "k-?12",
  "k-?[5-8]",
  "kindergarten",
  "(?:1st|2nd|3rd|4th|5th|6th|first|second|third|fourth|fifth|sixth)[- ]graders?",
  "(?:students|pupils) (?:log|sign) in",
];

/** People domains. */
export const PEOPLE_DOMAINS: readonly DomainEntry[] = [
  {
    id: "hiring",
    label: "Hiring and employment decisions",
    stakes: 8,
    weeks: 3,
    triggers: [
      "recruit(?:ing|ment|ers?)",
      "applicant tracking",
      "ats",
      "job (?:applicants?|postings?|boards?|applications?|seekers?|matching|candidates)",
      "resumes?",
      "résumés?",
      "upload(?:s|ing)? (?:their |a |your )?cvs?",
      "cv (?:screening|parsing|review)",
      "video interviews?",
      "(?:screen|rank|score|shortlist|match|assess)(?:s|ing|es)? (?:job )?(?:candidates|applicants|resumes|cvs|talent)",
      "hiring (?:platform|tool|process|pipeline|managers?|decisions?|teams?)",
      "talent (?:acquisition|marketplace|pool)",
      "pre-employment",
      "background checks? (?:on|for) (?:candidates|applicants|new hires|employees|workers)",
    ],
    findings: {
      requirements: [
        {
          text:
            "Record why each candidate moved forward or was rejected, and keep applications for the period employment law requires",
          rationale: "Needed to answer discrimination claims and regulator audits",
        },
        {
          text:
            "Offer an accessible application path and reasonable adjustments for candidates with disabilities",
          rationale: "Disability-discrimination law applies to hiring",
        },
      ],
      risks: [{
        title: "Screening criteria or models disadvantage a protected group (disparate impact)",
        category: "legal",
        likelihood: "medium",
        impact: "high",
        mitigation:
          "Test selection rates by group (four-fifths rule), drop proxies such as postcode or gaps in employment, keep a human decision",
      }],
      data: [{
        entity: "Candidate application",
        notes:
          "CV, answers, stage history, decision and reasons; deleted after the retention period",
      }],
      integrations: [{
        name: "Job boards and ATS (e.g. Indeed, LinkedIn, Greenhouse)",
        purpose: "Receive applications and sync stages instead of re-keying",
      }],
      question:
        "Will the product rank, score or filter candidates automatically, or only organise the applications people review?",
    },
  },
  {
    id: "education",
    label: "Education and student records",
    stakes: 7,
    weeks: 2,
    triggers: [
      "students?",
      "pupils?",
      "schools?",
      "classrooms?",
      "teachers?",
      "gradebooks?",
      "report cards?",
      "school districts?",
      "k-?12",
      "lms",
      "learning management",
      "homework",
      "e-?learning",
      "edtech",
      "universit(?:y|ies)",
      "colleges?",
      "tutor(?:s|ing)?",
      "learners?",
      "online (?:courses?|lessons|classes)",
      "(?:language|music|guitar|piano|coding|maths?|math) (?:lessons|classes|courses)",
    ],
    // Teaching and learning, not a bakery near a campus.
    context: [[
      // The verb, not "teachers" (a trigger): the context needs its own evidence.
      "teach(?:es|ing)?",
      "learn\\w*",
      "lessons?",
      "courses?",
      "class(?:es|rooms?)",
      "homework",
      "assignments?",
      "grad(?:es|ing|ebooks?)",
      "curricul\\w+",
      "tutor\\w*",
      "lms",
      "exams?",
      "quiz(?:zes)?",
      "enrol\\w*",
      "attendance",
      "school districts?",
      "k-?12",
      "edtech",
      "report cards?",
      "study\\w*",
    ]],
    findings: {
      requirements: [{
        text:
          "Let schools export and delete their students' data at the end of the contract, and use it for nothing but the school's purposes",
        rationale: "School data-processing agreements and student-privacy laws",
      }],
      risks: [{
        title: "Schools cannot adopt the product without a signed student-data privacy agreement",
        category: "market",
        likelihood: "high",
        impact: "medium",
        mitigation:
          "Prepare a standard student-data privacy agreement and a security overview before the first pilot",
      }],
      data: [{
        entity: "Student record",
        notes: "Enrolment, grades, attendance; owned by the school, exportable and deletable",
      }],
      integrations: [{
        name: "School systems (e.g. Google Classroom, Clever, OneRoster-compatible SIS)",
        purpose: "Roster sync and single sign-on instead of manual class lists",
      }],
      question:
        "Will schools use it with their own students' records, or will learners and families sign up on their own?",
    },
  },
  {
    id: "children",
    label: "Children as users",
    stakes: 9,
    weeks: 2.5,
    triggers: [
      "kids?",
      "children",
      "child",
      "toddlers?",
      "teens?",
      "teenagers?",
      "minors?",
      "under[- ]1[368]s?",
      "pre-?teens?",
      "(?:[3-9]|1[0-7])[- ]year[- ]olds?",
      "k-?12",
      "kindergarten",
      "(?:1st|2nd|3rd|4th|5th|6th|first|second|third|fourth|fifth|sixth)[- ]graders?",
      "primary schools?",
      "elementary schools?",
      "ages? (?:[3-9]|1[0-7])\\b",
      "aged (?:[3-9]|1[0-7])\\b",
    ],
    context: [CHILD_USERS],
    findings: {
      requirements: [
        {
          text:
            "Get verifiable parental consent before a child's account is active, and collect no more than the activity needs",
          rationale:
            "Children's privacy laws require verifiable parental consent below an age set by each country (13 to 18)",
        },
        {
          text:
            "No behavioural advertising, no third-party tracking SDKs and no public profiles for children's accounts",
          rationale: "Children's privacy rules and app-store kids-category policies",
        },
      ],
      risks: [{
        title: "Adults contact children through the product",
        category: "safety",
        likelihood: "medium",
        impact: "high",
        mitigation:
          "Background checks for every adult who works with children, no open messaging between adults and children, parent-visible activity, report button, staff trained to escalate",
      }],
      components: [{
        name: "Parental consent and age gate",
        responsibility: "Neutral age screen, parent verification, parent-owned child profiles",
      }],
      question:
        "How old are the youngest users, and will they sign up themselves or through a parent or school?",
    },
  },
];

/** People regulations. */
export const PEOPLE_REGULATIONS: readonly RegulationEntry[] = [
  {
    id: "us-eeo",
    label: "US equal employment law (Title VII, ADA, ADEA)",
    triggers: ["eeoc", "title vii"],
    jurisdictions: ["US"],
    domains: ["hiring"],
    findings: {
      requirements: [{
        text:
          "Check selection rates by sex, race and age for every screening step, since employers stay liable for vendors' tools",
        rationale:
          "Title VII disparate impact; Uniform Guidelines on Employee Selection Procedures",
      }],
    },
  },
  {
    id: "us-fcra-employment",
    label: "FCRA (background checks for employment)",
    triggers: [],
    jurisdictions: ["US"],
    domains: ["hiring"],
    context: [["background checks?", "criminal records?", "credit checks?", "consumer reports?"]],
    findings: {
      requirements: [{
        text:
          "Get the candidate's standalone written authorisation before a background check, and send pre-adverse and adverse action notices",
        rationale:
          "FCRA 15 U.S.C. 1681b(b); state ban-the-box laws limit when criminal history is asked",
      }],
    },
  },
  {
    id: "us-nyc-ll144",
    label: "NYC Local Law 144 (automated employment decision tools)",
    triggers: ["local law 144", "aedt"],
    jurisdictions: ["US-NY-NYC"],
    domains: ["hiring"],
    context: [AUTOMATED_DECISION],
    findings: {
      requirements: [{
        text:
          "Have an independent bias audit of the tool done each year, publish its summary, and notify candidates 10 business days before it is used",
        rationale: "NYC Local Law 144 of 2021, enforced since July 2023",
      }],
    },
  },
  {
    id: "us-il-ai-video-interview",
    label: "Illinois Artificial Intelligence Video Interview Act",
    triggers: ["ai video interview act"],
    jurisdictions: ["US-IL"],
    domains: ["hiring"],
    context: [
      ["video interviews?", "recorded interviews?", "video (?:answers|responses)"],
      AUTOMATED_DECISION,
    ],
    findings: {
      requirements: [{
        text:
          "Tell applicants AI will analyse their video interview, explain how, get consent, and delete videos within 30 days of a request",
        rationale:
          "820 ILCS 42; Illinois HB 3773 also bars discriminatory AI in employment from January 2026",
      }],
    },
  },
  {
    id: "uk-equality-act",
    label: "UK Equality Act 2010 (recruitment)",
    triggers: ["equality act"],
    jurisdictions: ["GB"],
    domains: ["hiring"],
    findings: {
      requirements: [{
        text:
          "Make reasonable adjustments in the application process and avoid criteria that indirectly discriminate",
        rationale: "Equality Act 2010 s. 19–20 and s. 39",
      }],
    },
  },
  {
    id: "uk-automated-decisions",
    label: "UK GDPR Art. 22 (automated decisions)",
    triggers: ["article 22"],
    jurisdictions: ["GB"],
    domains: ["hiring"],
    context: [AUTOMATED_DECISION],
    findings: {
      requirements: [{
        text:
          "Tell candidates when a decision about them is automated, and let them ask for a person to review it",
        rationale:
          "UK GDPR Art. 22 as reformed by the Data (Use and Access) Act 2025; ICO guidance on AI in recruitment",
      }],
    },
  },
  {
    id: "eu-gdpr-art22",
    label: "GDPR Art. 22 (automated decisions)",
    triggers: ["article 22 gdpr", "art\\.? 22"],
    jurisdictions: ["EU", "NO", "IS", "LI"],
    domains: ["hiring", "consumer-credit", "insurance", "tenant-screening"],
    context: [AUTOMATED_DECISION],
    findings: {
      requirements: [{
        text:
          "Do not reject people by a solely automated decision; give them a human review, an explanation of the logic, and a way to contest it",
        rationale:
          "GDPR Art. 22 and the CJEU's SCHUFA ruling (C-634/21, 2023) on scores that decide",
      }],
    },
  },
  {
    id: "de-works-council",
    label: "Works council co-determination (Germany)",
    triggers: ["works council", "betriebsrat", "betrvg"],
    jurisdictions: ["DE"],
    domains: ["hiring"],
    findings: {
      requirements: [{
        text:
          "Involve the customer's works council before rollout: tools that assess applicants or employees need its agreement",
        rationale: "Betriebsverfassungsgesetz §87(1) no. 6 and §95 (selection guidelines)",
      }],
    },
  },
  {
    id: "us-ferpa",
    label: "FERPA",
    triggers: ["ferpa"],
    jurisdictions: ["US"],
    domains: ["education"],
    // A US school's own records: the school or district is the customer.
    context: [
      ["schools?", "school districts?", "universit(?:y|ies)", "colleges?", "k-?12", "districts?"],
      [
        "records?",
        "grades?",
        "gradebooks?",
        "transcripts?",
        "attendance",
        "report cards?",
        "student (?:data|information|files?|records?)",
        "enrol\\w*",
        "ieps?",
        "rosters?",
      ],
    ],
    findings: {
      requirements: [{
        text:
          "Act as a 'school official' under the school's direct control: use education records only for the school's purposes and never re-disclose them",
        rationale:
          "FERPA 34 CFR 99.31(a)(1); most states add student-privacy laws such as California SOPIPA",
      }],
    },
  },
  {
    id: "us-coppa",
    label: "COPPA",
    triggers: ["coppa"],
    jurisdictions: ["US"],
    domains: ["children"],
    findings: {
      requirements: [{
        text:
          "Obtain verifiable parental consent before collecting personal information from children under 13, post a children's privacy notice, and keep a written data-retention policy",
        rationale: "COPPA (16 CFR 312), as amended in 2025 with compliance by April 2026",
      }],
    },
  },
  {
    id: "uk-childrens-code",
    label: "UK Age Appropriate Design Code",
    triggers: ["age appropriate design code", "children'?s code"],
    jurisdictions: ["GB"],
    domains: ["children"],
    findings: {
      requirements: [{
        text:
          "Set children's accounts to high privacy by default, switch geolocation and profiling off, and avoid nudges to share more",
        rationale:
          "ICO Age Appropriate Design Code (15 standards), for services likely to be used by under-18s",
      }],
    },
  },
  {
    id: "eu-gdpr-children",
    label: "GDPR Art. 8 (children's consent)",
    triggers: ["article 8 gdpr"],
    jurisdictions: ["EU"],
    domains: ["children"],
    findings: {
      requirements: [{
        text:
          "Get parental consent for children below the member state's digital age of consent (13 to 16) where consent is the basis",
        rationale: "GDPR Art. 8",
      }],
    },
  },
];
