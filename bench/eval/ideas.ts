/**
 * The brief-quality evaluation set: ideas from many industries and countries, each with the
 * answers a person gives and what a domain expert expects in the brief (and would strike out).
 * Written before looking at any engine output for these ideas; patterns accept several
 * reasonable wordings. Data only: `bench/brief_quality.ts` runs it, `ideas_test.ts` checks its
 * shape. See `docs/brief-quality.md`.
 *
 * Conventions: no `expect` pattern matches the person's own answers (recall is never free),
 * and no `forbid` pattern does either (a forbidden hit is always the engine's own words).
 *
 * @module
 */
import type { EvalIdea } from "./types.ts";

export type { Answers, AnswerStyle, AnswerTopic, EvalIdea, Pattern } from "./types.ts";

/** Forbidden for any product that does not serve the EU. */
const NO_GDPR = {
  re: "GDPR",
  why: "The product does not serve the EU or UK; GDPR does not apply.",
};
/** Forbidden for any product that holds no patients' health records for US providers. */
const NO_HIPAA = {
  re: "HIPAA|business associate|\\bBAA\\b",
  why: "No US covered entity or its patients' records are involved; HIPAA does not apply.",
};
/** Forbidden for anything that is not a US school's education records. */
const NO_FERPA = { re: "FERPA", why: "No US school's education records are involved." };

/** The evaluation set. */
export const IDEAS: readonly EvalIdea[] = [
  {
    id: "us-tx-tenant-screening",
    industry: "real estate",
    country: "US-TX",
    style: "mixed",
    answers: {
      idea:
        "A tenant screening tool for small landlords in Austin, Texas. Applicants pay a $40 application fee, we pull their credit and eviction history and give the landlord a simple score.",
      users: "Small landlords with 1 to 20 units, and the rental applicants themselves",
      platforms: "web only, mobile later",
      features: "online application form, credit and eviction check, the score, landlord dashboard",
      scale: "maybe 2,000 applications a month in the first year",
      budget: "around $60k, it's me and two developers part time",
      timeline: "launch by March",
      compliance: "not sure, we just want it to be legal",
      jurisdiction: "Texas first, other states maybe later",
      other: "no idea",
    },
    expect: [
      {
        re: "FCRA|Fair Credit Reporting",
        why: "Selling credit and eviction reports on applicants is consumer reporting.",
      },
      {
        re: "adverse action",
        why: "A decline based on the report needs an adverse action notice to the applicant.",
      },
      {
        re: "fair housing|\\bFHA\\b|disparate impact",
        why: "A screening score can discriminate against protected classes.",
      },
      {
        re: "consumer reporting agenc|permissible purpose|reseller|TransUnion|Experian|Equifax",
        why: "The data comes from a bureau under permissible-purpose rules.",
      },
      {
        re: "disput|inaccura|accuracy",
        why: "Applicants must be able to dispute wrong records; accuracy is the main FCRA duty.",
      },
    ],
    forbid: [
      NO_GDPR,
      {
        re: "EU (region|hosting|data residency)|eu-(west|central)|Frankfurt|within the EU",
        why: "A Texas product has no reason to be hosted in the EU.",
      },
      {
        re: "App Store|Google Play|in-app purchase",
        why: "Web only for the MVP: no store review or store billing.",
      },
      {
        re: "budget[^\\n]{0,20}\\$ ?40\\b",
        why: "$40 is the applicant's fee, not the build budget.",
      },
    ],
  },
  {
    id: "us-ca-cannabis-delivery",
    industry: "cannabis",
    country: "US-CA",
    style: "terse",
    answers: {
      idea:
        "An app for licensed dispensaries in Los Angeles to deliver cannabis to customers' homes, with the drivers tracked live.",
      users: "adult customers, dispensary staff, our drivers",
      platforms: "iPhone and Android for customers and drivers, web dashboard for dispensaries",
      features: "menu, ordering, pay cash or debit at the door, live driver tracking, ID scan",
      scale: "a few hundred orders a day",
      budget: "$150k",
      timeline: "6 months",
      compliance: "it's regulated, we know that much",
      other: "not sure",
    },
    expect: [
      {
        re: "age (verification|check|gate)|21\\+|over 21|21 or older",
        why: "Adult-use cannabis is for 21 and over; age is checked at order and at the door.",
      },
      {
        re:
          "Department of Cannabis Control|\\bDCC\\b|METRC|track[- ]and[- ]trace|delivery manifest",
        why: "California's regulator and its track-and-trace system govern every delivery.",
      },
      {
        re:
          "(App Store|Google Play|store)[^\\n]{0,80}(polic|guideline|prohibit|reject|ban|not allow)",
        why: "Store policies restrict cannabis apps (Google Play forbids in-app ordering).",
      },
      {
        re:
          "federal(ly)?[^\\n]{0,60}(illegal|law|prohibit|schedule)|card network|payment processors?[^\\n]{0,60}(refuse|prohibit|won.?t|restrict|decline)|cannabis[- ]friendly",
        why: "Cannabis is federally illegal, so card processors and banks refuse it.",
      },
      {
        re: "CCPA|CPRA|California Consumer Privacy",
        why: "California consumers' order history and IDs are personal information under CCPA.",
      },
    ],
    forbid: [
      NO_GDPR,
      NO_HIPAA,
      NO_FERPA,
    ],
  },
  {
    id: "us-il-freight-brokerage",
    industry: "logistics",
    country: "US-IL",
    style: "mixed",
    answers: {
      idea:
        "A load board and brokerage app based in Chicago: shippers post loads, we match them with small trucking carriers and keep 12% of each load.",
      users: "shippers, and owner-operator carriers",
      platforms: "web for shippers, Android for truckers, no iPhone for now",
      features:
        "post loads, carrier matching, rate confirmation, proof of delivery photos, quick pay",
      scale: "500 loads a week after a year",
      budget: "our budget is $90k",
      timeline: "v1 in 5 months",
      compliance: "?",
      other: "don't know yet",
    },
    expect: [
      {
        re: "FMCSA|broker (authority|licen)|\\bMC number|operating authority",
        why: "Arranging freight for hire needs FMCSA broker authority.",
      },
      {
        re: "BMC[- ]?84|surety bond|\\$75,?000|trust fund",
        why: "A freight broker must hold a $75,000 bond or trust (BMC-84/85).",
      },
      {
        re:
          "double[- ]brokering|carrier (fraud|vetting|verification|identity)|identity theft|cargo theft",
        why: "Fake and double-brokering carriers are the main fraud in load boards.",
      },
      {
        re:
          "certificate of insurance|cargo insurance|insurance (certificate|verification)|liability insurance",
        why: "Carriers' insurance must be checked before a load is tendered.",
      },
    ],
    forbid: [
      NO_GDPR,
      {
        re: "App Store",
        why: "No iPhone in the MVP: no App Store review or fees.",
      },
      NO_HIPAA,
      {
        re: "EU (region|hosting|data residency)|eu-(west|central)|Frankfurt",
        why: "A US load board has no reason to be hosted in the EU.",
      },
    ],
  },
  {
    id: "uk-ke-remittance",
    industry: "remittances",
    country: "UK",
    style: "mixed",
    answers: {
      idea:
        "An app for Kenyans living in the UK to send money home straight to M-Pesa wallets, with a flat £1.50 fee per transfer.",
      users: "Kenyan diaspora in the UK sending, and their families in Kenya receiving",
      platforms: "Android and iPhone",
      features: "send money, track a transfer, saved recipients, exchange rate alerts",
      scale: "10,000 transfers a month to start",
      budget: "we raised £120k for the build",
      timeline: "9 months, we expect licensing to take a while",
      compliance: "we'll need some kind of licence",
      jurisdiction: "UK to Kenya only",
      other: "no",
    },
    expect: [
      {
        re:
          "\\bFCA\\b|Financial Conduct Authority|(?-i:\\bEMI\\b)|payment institution|Payment Services Regulations|authori[sz]ed payment",
        why: "Money remittance from the UK needs FCA authorisation or registration.",
      },
      {
        re: "KYC|know your customer|identity verification|verify (the )?(identity|sender)",
        why: "Senders must be identified before money moves.",
      },
      {
        re: "AML|anti-money laundering|sanction|money laundering",
        why: "Remittance corridors need AML monitoring and sanctions screening.",
      },
      {
        re: "Central Bank of Kenya|\\bCBK\\b",
        why: "Paying out in Kenya goes through a CBK-licensed partner.",
      },
      {
        re: "Daraja|Safaricom|B2C|mobile money (API|partner|aggregator)",
        why: "Payouts to M-Pesa go through Safaricom's B2C API or an aggregator.",
      },
    ],
    forbid: [
      { re: "DMCA|takedown", why: "There is no user content to take down." },
      {
        re: "community feed|social feed|news feed",
        why: "A remittance app has no community feed.",
      },
      { re: "budget[^\\n]{0,20}£ ?1\\.50", why: "£1.50 is the transfer fee, not the budget." },
      NO_HIPAA,
    ],
  },
  {
    id: "in-gig-lending",
    industry: "lending",
    country: "IN",
    style: "rambling",
    answers: {
      idea:
        "Small instant loans for gig delivery riders in Bangalore, from ₹5,000 to ₹50,000, paid back every week out of their earnings. Riders are always short of cash when the bike breaks down and the banks won't look at them.",
      users:
        "delivery riders who work for Swiggy, Zomato, Zepto and so on, we start with Swiggy riders in Bangalore",
      platforms: "Android only, almost none of the riders have iPhones",
      features:
        "Aadhaar-based signup, a short loan application, money sent instantly to UPI, repayment reminders",
      scale: "5,000 riders in the first year if it works",
      budget: "we have 40 lakh rupees for the first version",
      timeline: "we'd like to launch before Diwali",
      compliance: "RBI rules I think, we haven't checked",
      jurisdiction: "India only",
      other: "not sure",
    },
    expect: [
      {
        re: "NBFC|regulated entit|lending service provider|\\bLSP\\b|digital lending",
        why:
          "A lending app must lend through an RBI-regulated entity under the Digital Lending Directions.",
      },
      {
        re: "DPDP|Digital Personal Data Protection",
        why: "India's data protection law applies to riders' identity and bank data.",
      },
      {
        re: "credit bureau|CIBIL|Experian|CRIF|Equifax|credit (score|history)",
        why: "Underwriting and reporting go through Indian credit bureaus.",
      },
      {
        re: "(?-i:\\bAPR\\b)|annual percentage rate|key fact statement|\\bKFS\\b|cooling[- ]off",
        why: "Digital lending rules require a key fact statement with the all-in APR.",
      },
      {
        re: "collection|recovery agent|harass",
        why: "Collection practices of lending apps are a known regulatory and reputational risk.",
      },
    ],
    forbid: [
      NO_GDPR,
      { re: "App Store", why: "Android only: no App Store." },
      {
        re: "budget\\W{0,5}(of\\W*)?(₹|rs\\.? ?|inr ?)?40\\b(?! ?lakh)",
        why: "'40 lakh rupees' is ₹4,000,000, not a budget of 40.",
      },
      NO_HIPAA,
    ],
  },
  {
    id: "us-samd-insulin-dosing",
    industry: "medical devices",
    country: "US",
    style: "terse",
    answers: {
      idea:
        "An app that reads a continuous glucose monitor and tells people with type 1 diabetes how much insulin to take before a meal.",
      users: "adults with type 1 diabetes",
      platforms: "iOS and Android",
      features: "meal logging, dose suggestion, glucose chart, alerts for lows",
      scale: "10k users",
      budget: "$400k",
      timeline: "18 months",
      compliance: "no idea",
      other: "no",
    },
    expect: [
      {
        re: "\\bFDA\\b|510\\(k\\)|De Novo|premarket",
        why: "Insulin dose advice is a regulated medical device function in the US.",
      },
      {
        re: "SaMD|software as a medical device|medical device",
        why: "The app itself is software as a medical device.",
      },
      {
        re: "IEC 62304|ISO 14971|ISO 13485|design control|quality management system|\\bQMS\\b",
        why: "Medical device software needs a QMS, risk management and a software lifecycle.",
      },
      {
        re: "clinical (validation|evidence|study|trial|testing)",
        why: "Dosing advice must be clinically validated.",
      },
      {
        re: "Dexcom|Libre|Abbott|HealthKit|Health Connect",
        why: "CGM data comes from the sensor makers' APIs or the phone's health store.",
      },
    ],
    forbid: [
      NO_FERPA,
      { re: "PCI", why: "No card payments are taken." },
      { re: "KYC|AML|anti-money", why: "A medical app has no money laundering risk." },
      {
        re: "(learning|lesson) content|learners",
        why: "This is not an education product.",
      },
    ],
  },
  {
    id: "de-fertility-tracker",
    industry: "women's health",
    country: "DE",
    style: "mixed",
    answers: {
      idea:
        "A period and fertility tracker for women in Germany, sold as a €3.99 per month subscription.",
      users: "women 18 to 45, some trying to get pregnant, some trying not to",
      platforms: "iPhone and Android",
      features: "cycle log, fertile window prediction, symptoms, reminders, export for the doctor",
      scale: "50,000 downloads in year one",
      budget: "€80.000",
      timeline: "about 8 months",
      compliance: "privacy is a big deal for this, I know that",
      jurisdiction: "Germany, later Austria and Switzerland",
      other: "nothing else",
    },
    expect: [
      {
        re: "GDPR|DSGVO",
        why: "EU data protection law applies.",
      },
      {
        re: "special categor|Art(icle)?\\.? ?9|sensitive (health )?data|health data",
        why: "Cycle and fertility data are health data, a special category.",
      },
      {
        re: "explicit consent",
        why: "Processing special-category data needs explicit consent.",
      },
      {
        re: "medical device|\\bMDR\\b|DiGA|contracepti",
        why: "Fertility prediction used for contraception makes it a medical device under the MDR.",
      },
      {
        re:
          "in-app (purchase|subscription)|StoreKit|Play Billing|(App Store|Google Play)[^\\n]{0,60}(billing|commission|fee|subscription)",
        why: "A digital subscription sold in a native app goes through store billing.",
      },
    ],
    forbid: [
      NO_HIPAA,
      { re: "CCPA|CPRA", why: "Not a California product." },
      { re: "budget[^\\n]{0,20}3[.,]99", why: "€3.99 is the price, not the budget." },
      NO_FERPA,
    ],
  },
  {
    id: "us-wa-sleep-journal",
    industry: "consumer health",
    country: "US-WA",
    style: "terse",
    answers: {
      idea:
        "A sleep and mood journal app we sell directly to consumers, synced with Apple Watch and Fitbit. We're in Seattle.",
      users: "adults who sleep badly",
      platforms: "iOS first",
      features: "sleep log, mood check-ins, weekly insights, watch sync",
      scale: "20k users",
      budget: "$70k",
      timeline: "4 months",
      compliance: "we're not a clinic",
      other: "no",
    },
    expect: [
      {
        re: "\\bFTC\\b|Health Breach Notification",
        why:
          "Consumer health apps outside HIPAA fall under the FTC Health Breach Notification Rule.",
      },
      {
        re: "My Health My Data|consumer health data",
        why: "Washington's My Health My Data Act covers consumer health data.",
      },
      {
        re: "HealthKit|Health Connect|Google Fit|Fitbit Web API",
        why: "Watch data comes through HealthKit or the Fitbit API.",
      },
      {
        re: "crisis|self-harm|suicid|988",
        why: "A mood journal must handle signs of crisis responsibly.",
      },
    ],
    forbid: [
      {
        re: "business associate|\\bBAA\\b",
        why: "Sold directly to consumers: no covered entity, no BAA.",
      },
      NO_GDPR,
      NO_FERPA,
    ],
  },
  {
    id: "us-ny-ai-resume-screening",
    industry: "hiring",
    country: "US-NY",
    style: "terse",
    answers: {
      idea: "AI that screens résumés and ranks applicants for restaurants hiring in New York City.",
      users: "restaurant managers, and the job applicants",
      platforms: "web",
      features: "job posts, résumé upload, AI ranking, interview scheduling",
      scale: "200 restaurants",
      budget: "$100k",
      timeline: "6 months",
      compliance: "?",
      other: "no",
    },
    expect: [
      {
        re: "Local Law 144|\\bAEDT\\b|automated employment decision|bias audit",
        why: "NYC Local Law 144 requires a bias audit of automated hiring tools.",
      },
      {
        re: "EEOC|Title VII|disparate impact|adverse impact|discriminat",
        why: "A ranking model can discriminate against protected groups.",
      },
      {
        re:
          "notice to (candidates|applicants)|notify (candidates|applicants)|(candidates|applicants) (must be|are) (told|notified|informed)|alternative selection",
        why: "Candidates must be told an automated tool is used, ten business days ahead.",
      },
      {
        re: "(?-i:\\bADA\\b)|reasonable accommodation|disabilit",
        why: "Applicants with disabilities must get an accommodation route.",
      },
      {
        re: "human (review|oversight|in the loop)|explainab|explanation",
        why: "A manager must be able to review and explain rankings.",
      },
    ],
    forbid: [
      NO_GDPR,
      NO_HIPAA,
      { re: "COPPA|children", why: "Applicants are adults." },
      { re: "App Store|in-app purchase", why: "Web only." },
    ],
  },
  {
    id: "de-ai-recruiting-chatbot",
    industry: "hiring",
    country: "DE",
    style: "rambling",
    answers: {
      idea:
        "A chatbot that interviews candidates for warehouse jobs at logistics companies in Germany and then recommends to the recruiter who should be invited. Recruiters drown in applications for these jobs and most never get an answer.",
      users: "recruiters at logistics companies and the candidates, many apply from their phones",
      platforms: "a web chat that works on phones, no app",
      features:
        "chat interview in German and English, a shortlist for the recruiter, interview booking",
      scale: "maybe 30 companies, 50,000 candidates a year",
      budget: "€200k",
      timeline: "a pilot in 4 months",
      compliance: "GDPR of course, what else?",
      other: "we use an LLM from a big provider",
    },
    expect: [
      {
        re: "AI Act",
        why: "AI used in recruitment is high-risk under the EU AI Act.",
      },
      {
        re: "high[- ]risk",
        why: "Employment AI is an Annex III high-risk use.",
      },
      {
        re: "Art(icle)?\\.? ?22|automated (individual )?decision",
        why: "Solely automated decisions about candidates are limited by GDPR Article 22.",
      },
      {
        re: "works council|Betriebsrat|co-?determination",
        why: "German works councils must be consulted on tools that assess workers.",
      },
      {
        re: "\\bAGG\\b|equal treatment|discriminat|bias",
        why: "Screening must not discriminate (Allgemeines Gleichbehandlungsgesetz).",
      },
      {
        re: "human (oversight|review|in the loop)",
        why: "High-risk AI needs human oversight of each recommendation.",
      },
    ],
    forbid: [
      { re: "Local Law 144|EEOC|Title VII", why: "US hiring law does not apply in Germany." },
      NO_HIPAA,
      { re: "CCPA|CPRA", why: "Not a California product." },
    ],
  },
  {
    id: "uk-council-parking-permits",
    industry: "government",
    country: "UK",
    style: "terse",
    answers: {
      idea:
        "A web portal for a district council where residents apply for parking permits and pay online.",
      users: "residents, and council staff who approve permits",
      platforms: "web",
      features: "apply, upload proof of address, pay, renew, staff approval queue",
      scale: "30,000 households",
      budget: "£150k",
      timeline: "a year",
      compliance: "the usual public sector stuff",
      other: "no",
    },
    expect: [
      {
        re: "accessibility (regulations|statement|law)|Public Sector Bodies|Equality Act",
        why: "Public sector websites must meet the accessibility regulations (WCAG 2.2 AA).",
      },
      {
        re: "GOV\\.UK|Service Standard|\\bGDS\\b|Design System",
        why:
          "Council services follow the GOV.UK Service Standard and can use GOV.UK Pay and Notify.",
      },
      {
        re: "procure|G-Cloud|Digital Marketplace|tender",
        why: "A council buys software through procurement rules or frameworks.",
      },
      {
        re: "retention|Freedom of Information|\\bFOI\\b|records management",
        why: "Council records have retention schedules and FOI duties.",
      },
      {
        re: "UK GDPR|Data Protection Act|\\bICO\\b",
        why: "Residents' data falls under UK data protection law.",
      },
    ],
    forbid: [
      { re: "App Store|Google Play|in-app purchase", why: "Web only." },
      NO_HIPAA,
      { re: "CCPA|CPRA", why: "Not a California product." },
    ],
  },
  {
    id: "us-tx-county-building-permits",
    industry: "government",
    country: "US-TX",
    style: "mixed",
    answers: {
      idea:
        "Online building permit applications for a county in Texas, with inspectors scheduling site visits from the field.",
      users: "contractors and homeowners applying, county permit clerks, inspectors",
      platforms: "web, and tablets for inspectors",
      features:
        "application forms, plan upload, fee payment, inspection scheduling, status tracking",
      scale: "3,000 permits a year",
      budget: "$250k over two years",
      timeline: "first version in 9 months",
      compliance: "whatever counties need",
      other: "the county has an old system from 2004",
    },
    expect: [
      {
        re: "Section 508|(?-i:\\bADA\\b)|Title II|accessibility (law|rule|regulation|requirement)",
        why: "Public sector web services must be accessible (ADA Title II, WCAG).",
      },
      {
        re: "Public Information Act|public records|open records",
        why: "Permit records are public records under the Texas Public Information Act.",
      },
      {
        re: "retention (schedule|period|rule)|records retention|TSLAC|State Library",
        why: "Local government records follow retention schedules.",
      },
      {
        re: "procure|\\bRFP\\b|(?-i:\\bDIR\\b)|cooperative contract|competitive bid",
        why: "A county buys through procurement rules.",
      },
      {
        re: "Accela|Tyler|EnerGov|OpenGov|CivicPlus|Cloudpermit|off-the-shelf",
        why: "Permitting platforms exist; building one must beat them.",
      },
    ],
    forbid: [
      NO_GDPR,
      {
        re: "EU (region|hosting|data residency)|eu-(west|central)|Frankfurt|within the EU",
        why: "A Texas county has no reason to be hosted in the EU.",
      },
      {
        re: "App Store (commission|fee|billing)|in-app purchase",
        why: "Permit fees are not digital goods.",
      },
      NO_HIPAA,
    ],
  },
  {
    id: "us-il-k12-gradebook",
    industry: "education",
    country: "US-IL",
    style: "terse",
    answers: {
      idea:
        "A gradebook and attendance system for public K-12 schools in Illinois where parents can see grades online.",
      users: "teachers, parents, students, school admins",
      platforms: "web and a mobile app for parents",
      features: "gradebook, attendance, report cards, parent messages",
      scale: "20 districts",
      budget: "$300k",
      timeline: "before next school year",
      compliance: "?",
      other: "no",
    },
    expect: [
      {
        re: "FERPA",
        why: "Grades and attendance of a US public school are education records under FERPA.",
      },
      {
        re: "COPPA|under 13|under-13",
        why: "Young students with logins are children under 13.",
      },
      {
        re:
          "SOPPA|Student Online Personal Protection|data (privacy|sharing) agreement|student data privacy",
        why: "Illinois SOPPA requires a data agreement with each district.",
      },
      {
        re:
          "OneRoster|(?-i:\\bClever\\b|\\bSIS\\b)|ClassLink|PowerSchool|Infinite Campus|Skyward|student information system",
        why: "Rosters come from the district's student information system.",
      },
    ],
    forbid: [
      NO_HIPAA,
      NO_GDPR,
      { re: "PCI", why: "No payments are taken." },
    ],
  },
  {
    id: "uk-kids-reading-game",
    industry: "children",
    country: "UK",
    style: "rambling",
    answers: {
      idea:
        "A reading game for children aged 5 to 9. They read short stories out loud, earn stars and unlock new worlds. Parents pay £4.99 a month.",
      users: "kids 5-9, and their parents who pay and see progress",
      platforms: "iPad and Android tablets mostly",
      features: "stories, read-aloud with speech recognition, stars and rewards, parent dashboard",
      scale: "10,000 families in the first year",
      budget: "about £90k",
      timeline: "we want it out for Christmas",
      compliance: "it's for kids so it has to be safe",
      jurisdiction: "UK first",
      other: "nothing to add",
    },
    expect: [
      {
        re: "Children.s Code|Age Appropriate Design|\\bAADC\\b",
        why: "The ICO's Children's Code applies to services likely to be used by children.",
      },
      {
        re: "parental consent|parent(al)? gate|verifiable",
        why: "Children cannot consent themselves; purchases and links need a parent gate.",
      },
      {
        re:
          "Kids Category|Families (policy|program)|in-app (purchase|subscription)|(App Store|Google Play)[^\\n]{0,60}(kids|children|famil|billing|subscription)",
        why: "Store kids-category rules and subscription billing apply.",
      },
      {
        re:
          "(no|without|ban|avoid)[^\\n]{0,30}(ads|advertising|tracking|profiling)|behavio(u)?ral advertising",
        why: "No behavioural ads or tracking for children.",
      },
      {
        re: "voice (recording|data)|audio (recording|data|of children)|recordings",
        why: "Recording children's voices is sensitive personal data to minimise.",
      },
    ],
    forbid: [
      NO_FERPA,
      NO_HIPAA,
      { re: "budget[^\\n]{0,20}4\\.99", why: "£4.99 is the price, not the budget." },
      { re: "KYC|AML", why: "No money transmission." },
    ],
  },
  {
    id: "au-p2p-sports-betting",
    industry: "gambling",
    country: "AU",
    style: "mixed",
    answers: {
      idea:
        "A peer-to-peer sports betting app for Australians where friends bet against each other on AFL games and we take a 5% cut of each bet.",
      users: "footy fans and their mates, 18 and over",
      platforms: "iPhone and Android",
      features: "create a bet, invite friends, hold the stakes, settle when the game ends, chat",
      scale: "50k users in year one",
      budget: "AUD 250k",
      timeline: "before the next AFL season",
      compliance: "gambling licence I guess",
      jurisdiction: "all of Australia",
      other: "no",
    },
    expect: [
      {
        re: "Interactive Gambling Act|(?-i:\\bIGA\\b)|ACMA",
        why: "Online wagering in Australia is governed by the Interactive Gambling Act.",
      },
      {
        re:
          "Northern Territory|(?-i:\\bNT\\b)|Racing and Wagering Commission|betting exchange|bookmaker",
        why: "Online wagering operators are licensed by a state regulator, usually the NT.",
      },
      {
        re: "BetStop|self-exclu|responsible gambling|deposit limit",
        why: "Operators must join BetStop and offer responsible gambling tools.",
      },
      {
        re: "AUSTRAC|AML|anti-money|know your customer|KYC|identity verification",
        why: "Wagering providers are AML/CTF reporting entities with customer identification.",
      },
      {
        re: "credit card",
        why: "Credit cards are banned for online wagering in Australia.",
      },
    ],
    forbid: [
      NO_GDPR,
      NO_HIPAA,
      NO_FERPA,
      { re: "budget[^\\n]{0,20}5 ?%", why: "5% is the cut of each bet, not the budget." },
    ],
  },
  {
    id: "uk-bakery-surplus-bread",
    industry: "food",
    country: "UK",
    style: "rambling",
    answers: {
      idea:
        "An app where my bakery in Leeds posts the bread left over at the end of the day and people reserve a bag and collect it before we close, paying £3 a bag.",
      users: "people who live nearby, students, anyone who hates waste really",
      platforms: "just a website is fine to start",
      features: "post today's bags, reserve, pay, collection time",
      scale: "one shop, maybe 40 bags a day",
      budget: "maybe £8k, it's me and two developers from my nephew's uni course",
      timeline: "a couple of months",
      compliance: "no idea, it's just bread",
      other: "nope",
    },
    expect: [
      {
        re: "allergen|Natasha.s Law|gluten|nuts",
        why: "Allergen information must be given for food sold, even surplus bags.",
      },
      {
        re:
          "food (hygiene|safety)|Food Standards|\\bFSA\\b|best before|use by|environmental health",
        why: "Food safety and hygiene rules still apply to surplus food.",
      },
      {
        re: "Too Good To Go|Olio|Karma",
        why: "Too Good To Go already does exactly this for bakeries.",
      },
      {
        re: "Stripe|SumUp|(?-i:\\bSquare\\b)|payment provider|card payment",
        why: "Taking £3 online needs a payment provider.",
      },
    ],
    forbid: [
      {
        re: "FERPA|learning content|learners",
        why: "Bread is not education.",
      },
      {
        re: "App Store|Google Play|in-app purchase",
        why: "A website selling physical goods: no store billing.",
      },
      { re: "budget[^\\n]{0,20}£ ?3\\b", why: "£3 is the price of a bag, not the budget." },
      {
        re: "as (a |an )?(two )?developers?,|segment[^\\n]{0,30}developers",
        why: "The two developers are the team, not users.",
      },
    ],
  },
  {
    id: "ca-book-club",
    industry: "community",
    country: "CA",
    style: "terse",
    answers: {
      idea:
        "A little web app for my book club in Toronto: 15 members vote on the next book and RSVP to meetings.",
      users: "the club members",
      platforms: "web",
      features: "suggest books, vote, RSVP, meeting notes",
      scale: "15 people",
      budget: "nothing really, I'll build it myself",
      timeline: "a few weekends",
      compliance: "none",
      other: "no",
    },
    expect: [
      {
        re:
          "Meetup|Bookclubs|Goodreads|Google Forms|Doodle|WhatsApp|Discord|off-the-shelf|existing tool",
        why: "Free tools already do this for 15 people.",
      },
      {
        re: "poll|ballot|voting",
        why: "The core feature is a poll for the next book.",
      },
      {
        re: "calendar|reminder|\\.ics|notification",
        why: "Meetings need reminders or a calendar invite.",
      },
      {
        re: "Open Library|Google Books|ISBN|Goodreads",
        why: "Book details come from a book metadata API.",
      },
    ],
    forbid: [
      { re: "PCI|Stripe", why: "No payments." },
      NO_HIPAA,
      NO_GDPR,
      {
        re: "SOC ?2|Kubernetes|microservice|ISO 27001",
        why: "Enterprise machinery for a 15-person hobby app is wrong.",
      },
    ],
  },
  {
    id: "us-smart-pill-dispenser",
    industry: "hardware",
    country: "US",
    style: "rambling",
    answers: {
      idea:
        "A smart pill dispenser for elderly people who live alone. It unlocks the right pills at the right time and alerts the family if a dose is missed. My mum kept forgetting hers.",
      users: "older adults living alone, and their adult children",
      platforms: "the device itself, plus an app for the family",
      features: "scheduled dispensing, locked compartments, missed-dose alerts, refill reminders",
      scale: "a first batch of 500 units",
      budget: "$200k including hardware prototypes",
      timeline: "a year to first units",
      compliance: "not sure what applies to a device like this",
      other: "it sits on the kitchen counter and plugs into the wall",
    },
    expect: [
      {
        re: "\\bFDA\\b|medical device|Class (I|II)\\b|510\\(k\\)",
        why: "A medication dispenser may be an FDA-regulated device; the class must be checked.",
      },
      {
        re: "\\bFCC\\b|Part 15|(?-i:\\bUL\\b)|radio (certification|approval)|safety certification",
        why: "A connected electrical device needs FCC radio and electrical safety certification.",
      },
      {
        re: "power (loss|outage|failure|cut)|battery (backup|back-up)|backup battery",
        why: "A missed dose during a power cut is the main hazard.",
      },
      {
        re:
          "Wi-?Fi|cellular|LTE|connectivity|(loses|lost|without|no) (connection|network|internet)",
        why: "Alerts depend on the device staying connected.",
      },
      {
        re: "\\bOTA\\b|over-the-air|firmware update",
        why: "Device firmware must be updatable safely in the field.",
      },
    ],
    forbid: [
      { re: "KYC|know your customer|AML|anti-money", why: "A pill dispenser moves no money." },
      NO_FERPA,
      NO_GDPR,
    ],
  },
  {
    id: "ng-pos-agent-banking",
    industry: "fintech",
    country: "NG",
    style: "mixed",
    answers: {
      idea:
        "Software for POS agents in Lagos who do cash withdrawals and transfers for people in the markets, with a ₦100 fee per transaction.",
      users: "POS agents, and the aggregators who manage them",
      platforms: "Android POS terminals and Android phones",
      features: "cash-out, transfers, bill payments, daily float report",
      scale: "2,000 agents",
      budget: "₦60 million",
      timeline: "6 months",
      compliance: "we'll partner with a bank",
      other: "network is bad in many markets",
    },
    expect: [
      {
        re: "\\bCBN\\b|Central Bank of Nigeria|agent banking|super[- ]agent",
        why: "Agent banking is licensed and supervised by the CBN.",
      },
      {
        re: "NDPA|NDPR|Nigeria Data Protection|NDPC",
        why: "Nigeria's Data Protection Act applies to customers' data.",
      },
      {
        re: "\\bBVN\\b|(?-i:\\bNIN\\b)|KYC|know your customer",
        why: "Customers are identified with BVN/NIN under tiered KYC.",
      },
      {
        re: "NIBSS|(?-i:\\bNIP\\b)|Interswitch|Paystack|Flutterwave|Moniepoint",
        why: "Transfers run over NIBSS through a switch or processor.",
      },
      {
        re: "agent fraud|reconcil|fraud[^\\n]{0,40}\\bagents?\\b",
        why: "Agent fraud and float reconciliation are the operational risks.",
      },
    ],
    forbid: [
      NO_GDPR,
      NO_HIPAA,
      { re: "budget[^\\n]{0,20}₦ ?100\\b", why: "₦100 is the fee, not the budget." },
      { re: "App Store", why: "Android only." },
    ],
  },
  {
    id: "sg-stablecoin-wallet",
    industry: "crypto",
    country: "SG",
    style: "terse",
    answers: {
      idea:
        "A crypto wallet app for retail users in Singapore to buy USDC with PayNow and hold it.",
      users: "retail users in Singapore",
      platforms: "iOS and Android",
      features: "buy, hold, send to other wallets, transaction history",
      scale: "20k users",
      budget: "SGD 500k",
      timeline: "a year",
      compliance: "?",
      other: "no",
    },
    expect: [
      {
        re:
          "(?-i:\\bMAS\\b)|Monetary Authority|Payment Services Act|digital payment token|\\bDPT\\b|major payment institution",
        why: "Selling digital payment tokens in Singapore needs a MAS licence under the PSA.",
      },
      {
        re: "custod|private key|\\bHSM\\b|\\bMPC\\b|cold (storage|wallet)",
        why: "Holding customers' tokens is custody; keys need protection.",
      },
      {
        re: "travel rule|AML|CFT|anti-money|KYC|know your customer",
        why: "Token transfers carry AML/CFT and travel-rule duties.",
      },
      {
        re: "PDPA|Personal Data Protection Act",
        why: "Singapore's PDPA applies to users' data.",
      },
      {
        re:
          "advertis[^\\n]{0,40}(restrict|ban|limit|rule)|risk (warning|disclosure)|(retail|consumer) (protection|access)",
        why: "MAS restricts marketing of tokens to retail and requires risk warnings.",
      },
    ],
    forbid: [
      { re: "MiCA", why: "MiCA is EU law; this is Singapore." },
      NO_GDPR,
      NO_HIPAA,
    ],
  },
  {
    id: "fr-crypto-exchange",
    industry: "crypto",
    country: "FR",
    style: "terse",
    answers: {
      idea:
        "A crypto trading app for French retail investors to buy and sell Bitcoin and Ether with euros.",
      users: "retail investors in France",
      platforms: "iOS, Android, web",
      features: "buy, sell, wallet, price alerts",
      scale: "100k users",
      budget: "€1M",
      timeline: "a year",
      compliance: "no idea",
      other: "no",
    },
    expect: [
      {
        re: "MiCA|\\bCASP\\b",
        why: "A crypto exchange in the EU needs MiCA authorisation as a CASP.",
      },
      {
        re: "\\bAMF\\b|\\bPSAN\\b",
        why: "The AMF is the French authority for crypto service providers.",
      },
      {
        re: "custod|cold (storage|wallet)|private key",
        why: "Holding clients' crypto is custody.",
      },
      {
        re: "AML|KYC|know your customer|travel rule|Transfer of Funds",
        why: "AML and the travel rule apply to crypto transfers.",
      },
      { re: "GDPR|RGPD|CNIL", why: "French users' data is under GDPR." },
    ],
    forbid: [
      NO_HIPAA,
      { re: "(?-i:\\bSEC\\b)|FinCEN", why: "US regulators do not license a French exchange." },
      { re: "PDPA|DPDP", why: "Asian data laws do not apply." },
    ],
  },
  {
    id: "us-fl-pet-insurance",
    industry: "insurance",
    country: "US-FL",
    style: "mixed",
    answers: {
      idea:
        "Pet insurance you can buy in the app in two minutes, with monthly premiums from $19, starting in Florida.",
      users: "dog and cat owners",
      platforms: "iPhone, Android and a website",
      features: "quote, buy a policy, submit a claim with a photo of the vet bill, track the claim",
      scale: "5,000 policies in the first year",
      budget: "$350k",
      timeline: "9 months",
      compliance: "we'll need a partner carrier I think",
      jurisdiction: "Florida, then the rest of the US",
      other: "no",
    },
    expect: [
      {
        re:
          "Office of Insurance Regulation|\\bOIR\\b|department of insurance|insurance regulator|producer licen|\\bMGA\\b|managing general|underwrit",
        why: "Selling insurance needs a licensed carrier or MGA and state licensing.",
      },
      {
        re: "rate filing|form filing|policy forms?|file (rates|forms)",
        why: "Rates and policy forms are filed with the state regulator.",
      },
      {
        re: "NAIC|model act|pre-existing condition|waiting period",
        why:
          "Pet insurance rules require disclosures about pre-existing conditions and waiting periods.",
      },
      {
        re: "claims? (fraud|adjust|processing|handling)|fraudulent claim",
        why: "Claims handling and fraud are the core operations.",
      },
      {
        re: "GLBA|Gramm|privacy notice",
        why: "Insurers' customer data falls under GLBA-based privacy rules.",
      },
    ],
    forbid: [
      NO_HIPAA,
      NO_GDPR,
      { re: "budget[^\\n]{0,20}\\$ ?19\\b", why: "$19 is the premium, not the budget." },
      {
        re: "in-app purchase|App Store (commission|fee|billing)",
        why: "Insurance is not a digital good: no store billing.",
      },
    ],
  },
  {
    id: "in-two-wheeler-insurance",
    industry: "insurance",
    country: "IN",
    style: "terse",
    answers: {
      idea: "A site where people in India compare two-wheeler insurance quotes and buy a policy.",
      users: "scooter and bike owners",
      platforms: "web and Android",
      features: "compare quotes, buy, renewal reminders, claim help",
      scale: "1 lakh visitors a month",
      budget: "₹25 lakh",
      timeline: "5 months",
      compliance: "?",
      other: "no",
    },
    expect: [
      { re: "IRDAI|Insurance Regulatory", why: "IRDAI regulates insurance distribution in India." },
      {
        re: "web aggregator|insurance broker|corporate agent|insurance intermediar",
        why: "Comparing and selling policies needs an IRDAI intermediary licence.",
      },
      { re: "DPDP|Digital Personal Data Protection", why: "India's data protection law applies." },
      {
        re: "Vahan|vehicle registration|registration number|(?-i:\\bRC\\b)",
        why: "Quotes start from the vehicle's registration details.",
      },
    ],
    forbid: [
      NO_GDPR,
      NO_HIPAA,
      { re: "App Store", why: "Web and Android only." },
    ],
  },
  {
    id: "us-co-dental-reminders",
    industry: "telecom",
    country: "US-CO",
    style: "terse",
    answers: {
      idea: "Appointment reminder texts and automated calls for dental offices in Colorado.",
      users: "dental office staff, and their patients who get the reminders",
      platforms: "web dashboard",
      features: "reminder texts, automated calls, confirm or cancel by reply, two-way texting",
      scale: "100 offices, 50k messages a month",
      budget: "$60k",
      timeline: "3 months",
      compliance: "no idea",
      other: "no",
    },
    expect: [
      {
        re: "TCPA|Telephone Consumer Protection",
        why: "Automated calls and texts fall under the TCPA.",
      },
      {
        re: "10DLC|A2P|Campaign Registry|toll-free verification",
        why: "Business texting in the US needs 10DLC registration.",
      },
      {
        re: "opt[- ]?out|(?-i:\\bSTOP\\b)|opt[- ]?in|express (written )?consent",
        why: "Recipients need consent and a way to opt out.",
      },
      {
        re: "HIPAA|business associate|\\bBAA\\b",
        why: "Dental offices are covered entities; the reminder vendor is a business associate.",
      },
      {
        re: "Twilio|Vonage|Bandwidth\\.com|Telnyx|Plivo|Sinch",
        why: "Messaging and calls go through a CPaaS provider.",
      },
    ],
    forbid: [
      NO_GDPR,
      NO_FERPA,
      { re: "App Store", why: "Web dashboard only." },
      { re: "KYC|AML", why: "No money moves." },
    ],
  },
  {
    id: "uk-estate-agent-call-recording",
    industry: "telecom",
    country: "UK",
    style: "rambling",
    answers: {
      idea:
        "A cloud phone system for estate agents in the UK that records every call and writes up a summary with AI so nothing a buyer says gets lost.",
      users: "estate agents and branch managers",
      platforms: "web app and a softphone on their mobiles",
      features: "calls from the browser, recording, AI call summaries, CRM notes",
      scale: "200 branches",
      budget: "£180k",
      timeline: "8 months",
      compliance: "we'll need to tell people they're recorded I guess",
      jurisdiction: "England and Wales",
      other: "we'd port the agencies' existing numbers",
    },
    expect: [
      {
        re: "Investigatory Powers|Lawful Business Practice|lawful basis|legitimate interest",
        why: "Recording calls needs a lawful basis under UK GDPR and the IPA/LBP rules.",
      },
      { re: "UK GDPR|Data Protection Act|\\bICO\\b", why: "Call recordings are personal data." },
      {
        re: "PECR|Privacy and Electronic Communications",
        why: "Marketing calls and communications data fall under PECR.",
      },
      {
        re: "Ofcom|999|emergency call|General Conditions",
        why: "A phone service provider has Ofcom duties, including emergency calls and porting.",
      },
      {
        re: "speech[- ]to[- ]text|transcri|Whisper|Deepgram|AssemblyAI|\\bASR\\b",
        why: "Summaries need a speech-to-text step.",
      },
    ],
    forbid: [
      { re: "TCPA|10DLC", why: "US telecom rules do not apply in the UK." },
      NO_HIPAA,
      {
        re: "App Store (commission|fee|billing)|in-app purchase",
        why: "B2B service: no store billing.",
      },
    ],
  },
  {
    id: "us-oh-newsroom-tip-line",
    industry: "journalism",
    country: "US-OH",
    style: "mixed",
    answers: {
      idea:
        "A secure tip line for a local newspaper in Ohio so whistleblowers can send documents without anyone knowing who they are.",
      users: "sources and whistleblowers, and our three reporters",
      platforms: "web",
      features: "upload documents, two-way messages with a reporter, no accounts",
      scale: "a few tips a week",
      budget: "$15k",
      timeline: "2 months",
      compliance: "protecting sources is everything",
      other: "we're a tiny newsroom",
    },
    expect: [
      {
        re: "SecureDrop|GlobaLeaks|(?-i:\\bSignal\\b)|Hush Line",
        why: "SecureDrop and similar tools exist; building one for $15k is risky.",
      },
      {
        re: "metadata|EXIF",
        why: "Documents carry metadata that identifies the source.",
      },
      {
        re: "(?-i:\\bTor\\b)|onion|IP address",
        why: "Sources' IP addresses must not be logged; Tor onion services hide them.",
      },
      {
        re: "subpoena|shield law|legal (demand|request)|court order",
        why: "Logs can be subpoenaed; Ohio's shield law protects reporters, not servers.",
      },
      {
        re:
          "end-to-end|\\bE2EE?\\b|PGP|GPG|encrypt[^\\n]{0,60}(submission|document|file|upload|message)",
        why: "Submissions must be encrypted at rest for the reporters only.",
      },
    ],
    forbid: [
      {
        re: "KYC|know your customer|identity verification|verify (their|the user.s) identity",
        why: "Anonymous sources must never be identified.",
      },
      NO_HIPAA,
      NO_GDPR,
      { re: "App Store|in-app purchase", why: "Web only." },
    ],
  },
  {
    id: "us-ke-girls-school-charity",
    industry: "nonprofit",
    country: "US",
    style: "rambling",
    answers: {
      idea:
        "A donation platform for our US charity that pays school fees for girls in rural Kenya. Donors give monthly and get a tax receipt, and our volunteers, many of them nurses, visit the schools and post updates about the girls.",
      users: "donors in the US, our volunteers, and the program staff in Kenya",
      platforms: "website",
      features: "monthly giving, receipts, progress updates with photos, volunteer visit reports",
      scale: "2,000 donors",
      budget: "$25k donated by a board member",
      timeline: "before the end-of-year giving season",
      compliance: "we're a registered nonprofit",
      other: "the volunteers are not working as nurses on these visits",
    },
    expect: [
      {
        re: "501\\(c\\)|\\bIRS\\b|written acknowledg|deductib|Form 990",
        why: "US donor receipts must meet IRS acknowledgment rules.",
      },
      {
        re: "Stripe|PayPal|payment processor|recurring (billing|payments?)|PCI",
        why: "Monthly giving needs a payment processor for recurring card payments.",
      },
      {
        re: "Donorbox|Givebutter|Bloomerang|Salesforce|Classy|GiveWP|Blackbaud|off-the-shelf",
        why: "Donation platforms exist; a $25k build should start from one.",
      },
      {
        re:
          "safeguard|child protection|consent[^\\n]{0,40}(photo|image)|(photo|image)s?[^\\n]{0,40}consent|minors",
        why: "Photos and stories of girls are children's data and need safeguarding and consent.",
      },
      {
        re: "Kenya.s Data Protection|Data Protection Act[^\\n]{0,20}Kenya|ODPC",
        why: "Data about girls in Kenya falls under Kenya's Data Protection Act.",
      },
    ],
    forbid: [
      NO_HIPAA,
      NO_FERPA,
      { re: "KYC|AML", why: "Donations to a charity are not money transmission." },
      { re: "App Store|in-app purchase", why: "A website; donations are not digital goods." },
    ],
  },
  {
    id: "jp-ramen-qr-ordering",
    industry: "hospitality",
    country: "JP",
    style: "terse",
    answers: {
      idea:
        "QR code table ordering for small ramen shops in Osaka: customers order from their own phone and pay at the register.",
      users: "shop staff, local customers and tourists",
      platforms: "web, no app to install",
      features: "menu with photos, order to the kitchen, call staff",
      scale: "50 shops",
      budget: "¥8,000,000",
      timeline: "4 months",
      compliance: "?",
      other: "no",
    },
    expect: [
      {
        re: "APPI|Act on the Protection of Personal Information",
        why: "Japan's APPI covers customers' data.",
      },
      {
        re: "allerg",
        why: "Menus should show the allergens Japan requires on labels.",
      },
      {
        re: "printer|\\bPOS\\b|Smaregi|Airレジ|AirREGI|(?-i:\\bSquare\\b)",
        why: "Orders reach the kitchen through a printer or the shop's POS.",
      },
      {
        re: "English|Chinese|Korean|multilingual|translat|locali[sz]",
        why: "Tourists need the menu in their language.",
      },
    ],
    forbid: [
      NO_GDPR,
      { re: "PCI", why: "Payment is at the register; the app handles no card data." },
      { re: "App Store|Google Play|in-app purchase", why: "Web only." },
    ],
  },
  {
    id: "us-tx-liquor-delivery",
    industry: "alcohol",
    country: "US-TX",
    style: "mixed",
    answers: {
      idea:
        "Same-day wine and liquor delivery from local stores in Houston, with a $5.99 delivery fee.",
      users: "adults in Houston, store owners, drivers",
      platforms: "iPhone and Android, web for stores",
      features: "browse stores, order, live tracking, ID scan at the door",
      scale: "1,000 orders a week",
      budget: "$120k",
      timeline: "6 months",
      compliance: "?",
      other: "no",
    },
    expect: [
      {
        re:
          "TABC|Texas Alcoholic Beverage Commission|three-tier|retailer.s permit|consumer delivery permit",
        why: "Delivery of alcohol in Texas needs a TABC permit and follows the three-tier system.",
      },
      {
        re: "age (verification|check)|(over|under|aged?) 21|21\\+|21 or older|under-?age|minors\\b",
        why: "Age is verified at order and on delivery.",
      },
      {
        re: "dry (county|area|precinct)|local option",
        why: "Some Texas areas are dry.",
      },
      {
        re: "(delivery|sale|selling) hours|Sunday|hours of sale",
        why: "Texas restricts the hours and days when alcohol can be sold and delivered.",
      },
      {
        re: "intoxicat|seller[- ]server|\\bcertif",
        why: "Drivers must not deliver to intoxicated people and need seller-server training.",
      },
    ],
    forbid: [
      NO_GDPR,
      {
        re: "EU (region|hosting|data residency)|eu-(west|central)|Frankfurt|within the EU",
        why: "A Texas product has no reason to be hosted in the EU.",
      },
      NO_HIPAA,
      { re: "budget[^\\n]{0,20}\\$ ?5\\.99", why: "$5.99 is the delivery fee, not the budget." },
    ],
  },
  {
    id: "br-clinic-booking",
    industry: "healthcare",
    country: "BR",
    style: "mixed",
    answers: {
      idea:
        "Appointment booking with WhatsApp reminders for private clinics in São Paulo, and the patients' medical history stored with each booking.",
      users: "clinic receptionists, doctors, and patients",
      platforms: "web for the clinics, patients just use WhatsApp",
      features: "online booking, WhatsApp reminders, medical history, prescriptions",
      scale: "100 clinics",
      budget: "R$ 400 mil",
      timeline: "6 meses, 6 months",
      compliance: "não sei, I don't know",
      other: "no",
    },
    expect: [
      { re: "LGPD|Lei Geral", why: "Brazil's LGPD applies." },
      {
        re: "sensitive|sens[ií]ve(l|is)|health data|dado(s)? de sa[uú]de",
        why: "Medical history is sensitive personal data under the LGPD.",
      },
      {
        re:
          "\\bCFM\\b|prontu[aá]rio|SBIS|Conselho Federal de Medicina|electronic (health|medical) record",
        why: "Medical records in Brazil follow CFM rules (and SBIS certification for e-records).",
      },
      {
        re: "WhatsApp (Business|Cloud) API|(?-i:\\bMeta\\b)|template message",
        why: "Reminders go through the WhatsApp Business API with approved templates.",
      },
      {
        re: "ANPD|encarregado|\\bDPO\\b",
        why: "LGPD needs a data protection officer (encarregado).",
      },
    ],
    forbid: [
      NO_HIPAA,
      NO_GDPR,
      { re: "CCPA|CPRA", why: "Not a California product." },
    ],
  },
  {
    id: "br-hairdresser-scheduling",
    industry: "beauty services",
    country: "BR",
    style: "negative",
    answers: {
      idea:
        "A scheduling and invoicing app for independent hairdressers in Rio de Janeiro. It's not a marketplace: clients only book with their own hairdresser through a link.",
      users: "independent hairdressers, and their regular clients",
      platforms: "web first, no app store apps for now",
      features: "booking link, calendar, reminders, invoices, no reviews, no client discovery",
      scale: "500 hairdressers",
      budget: "R$ 150 mil",
      timeline: "4 months",
      compliance: "nothing special I think",
      other: "we don't take a commission on bookings",
    },
    expect: [
      { re: "(?-i:\\b(Pix|PIX)\\b)", why: "Pix is how Brazilian clients pay." },
      {
        re: "NFS-?e|nota fiscal|(?-i:\\bMEI\\b)",
        why: "Service invoices in Brazil are municipal electronic notas fiscais.",
      },
      { re: "LGPD", why: "Clients' data falls under the LGPD." },
      { re: "WhatsApp", why: "Reminders in Brazil are expected on WhatsApp." },
      {
        re: "Booksy|Trinks|Fresha|Calendly|Simples Agenda|AppBarber|off-the-shelf",
        why: "Booking tools for salons already exist.",
      },
    ],
    forbid: [
      {
        re:
          "two-sided|(supply|demand)[- ]side|take rate|seller onboarding|liquidity|marketplace (fee|commission|trust)",
        why: "Not a marketplace: no two-sided dynamics or commissions.",
      },
      NO_GDPR,
      NO_HIPAA,
      {
        re: "App Store (commission|fee|billing|review)|in-app purchase",
        why: "Web only; services are not digital goods.",
      },
    ],
  },
  {
    id: "au-ndis-support-rostering",
    industry: "disability care",
    country: "AU",
    style: "mixed",
    answers: {
      idea:
        "Rostering and shift notes for NDIS disability support workers in Melbourne, so coordinators stop juggling spreadsheets.",
      users: "support workers, coordinators, and the participants' families who see notes",
      platforms: "phones for workers, web for coordinators",
      features: "roster, shift notes, clock in and out, incident notes, invoices to the NDIA",
      scale: "one provider with 300 workers",
      budget: "AUD 180k",
      timeline: "6 months",
      compliance: "NDIS stuff",
      other: "workers are often in homes with bad reception",
    },
    expect: [
      {
        re: "Quality and Safeguards|Practice Standards|worker screening|registered provider",
        why:
          "NDIS providers follow the Practice Standards and the Quality and Safeguards Commission.",
      },
      {
        re: "Privacy Act|Australian Privacy Principles|(?-i:\\bAPPs? \\d)",
        why: "Participants' data falls under the Privacy Act.",
      },
      {
        re: "reportable incident|incident (report|management)",
        why: "Reportable incidents must be notified to the Commission in set times.",
      },
      {
        re: "offline|no (signal|reception)",
        why: "Workers must write notes without reception.",
      },
      {
        re: "SCHADS|Fair Work|award|payroll",
        why: "Shifts are paid under the SCHADS award.",
      },
    ],
    forbid: [NO_HIPAA, NO_GDPR, NO_FERPA],
  },
  {
    id: "ca-qc-online-therapy",
    industry: "telehealth",
    country: "CA-QC",
    style: "mixed",
    answers: {
      idea: "Video therapy sessions with licensed psychologists for clients in Quebec and Ontario.",
      users: "adults looking for therapy, and the psychologists",
      platforms: "web and iPhone",
      features: "find a psychologist, book, video sessions, secure messages, invoices",
      scale: "150 psychologists",
      budget: "CAD 300k",
      timeline: "8 months",
      compliance: "health privacy for sure",
      jurisdiction: "Quebec and Ontario",
      other: "no",
    },
    expect: [
      {
        re: "PHIPA|Law 25|Bill 64|PIPEDA|Loi 25",
        why: "Ontario's PHIPA and Quebec's Law 25 govern health information.",
      },
      {
        re:
          "(hosted|hosting|stored|data) in Canada|Canadian (data|hosting|region|residency)|ca-central|data residency",
        why: "Health data for Canadian provinces is expected to stay in Canada.",
      },
      {
        re: "French|bilingual|Bill 96|Charter of the French Language",
        why: "Quebec requires service in French.",
      },
      {
        re:
          "Ordre des psychologues|College of Psychologists|licen[cs]ed in (each|the) province|cross-border|each province",
        why: "Psychologists are licensed per province; a session follows the client's province.",
      },
      {
        re: "crisis|emergency|suicid|988",
        why: "Therapy platforms need an emergency protocol.",
      },
    ],
    forbid: [
      { re: "HIPAA", why: "US health law does not apply in Canada." },
      NO_GDPR,
      {
        re: "us-east|hosted in the US|US-based (hosting|region|servers)",
        why: "Health data should not go to the US.",
      },
    ],
  },
  {
    id: "sg-frozen-seafood-b2b",
    industry: "food distribution",
    country: "SG",
    style: "terse",
    answers: {
      idea:
        "A B2B app for delivering frozen seafood from importers to restaurants in Singapore, with temperature logs in the trucks.",
      users: "importers, drivers, restaurant buyers",
      platforms: "Android for drivers, web for the rest",
      features: "orders, delivery routes, temperature logs, proof of delivery, invoices",
      scale: "300 restaurants",
      budget: "SGD 150k",
      timeline: "6 months",
      compliance: "?",
      other: "no",
    },
    expect: [
      {
        re: "\\bSFA\\b|Singapore Food Agency",
        why: "The SFA licenses food importers and cold stores.",
      },
      {
        re: "cold chain|excursion|out-of-range|threshold|alarm",
        why: "A temperature excursion must raise an alarm, not just a log line.",
      },
      {
        re: "sensor|data logger|Bluetooth|BLE|gateway|IoT",
        why: "Truck temperatures come from sensors or loggers.",
      },
      {
        re: "traceab|batch (number|code|tracking)|\\blot (number|code)|recall",
        why: "Seafood must be traceable by batch for recalls.",
      },
      { re: "PDPA|Personal Data Protection Act", why: "Singapore's PDPA applies." },
    ],
    forbid: [
      NO_GDPR,
      NO_HIPAA,
      { re: "App Store", why: "Android and web only." },
      { re: "DPDP", why: "Indian law does not apply." },
    ],
  },
  {
    id: "nl-leak-sensor",
    industry: "hardware",
    country: "NL",
    style: "mixed",
    answers: {
      idea:
        "A battery-powered water leak sensor for apartment buildings in the Netherlands that alerts the building manager when a pipe leaks.",
      users: "building managers and housing associations",
      platforms: "the sensor, and a web dashboard",
      features: "leak alerts, sensor map per building, low battery warnings",
      scale: "20,000 sensors",
      budget: "€300k",
      timeline: "a year",
      compliance: "?",
      other: "sensors sit in basements and under sinks",
    },
    expect: [
      {
        re: "(?-i:\\bCE\\b|\\bRED\\b)|Radio Equipment Directive|CE mark",
        why: "A radio device sold in the EU needs CE marking under the RED.",
      },
      {
        re: "EN 18031|Cyber Resilience|\\bCRA\\b|EN 303 645|cybersecurity",
        why: "Connected devices must meet the RED cybersecurity requirements and the CRA.",
      },
      {
        re: "LoRa|NB-IoT|LTE-M|Zigbee|(?-i:\\bThread\\b)|Wi-?Fi|gateway|connectivity|signal",
        why: "Basements have poor signal; the radio choice decides everything.",
      },
      {
        re: "\\bOTA\\b|over-the-air|firmware",
        why: "Firmware must be updatable in the field.",
      },
      {
        re: "battery life|power consumption|low[- ]power|sleep mode",
        why: "Years of battery life drive the design.",
      },
    ],
    forbid: [
      NO_HIPAA,
      { re: "KYC|AML", why: "No money moves." },
      { re: "PCI", why: "No card payments." },
      NO_FERPA,
    ],
  },
  {
    id: "ie-furniture-ai-assistant",
    industry: "e-commerce AI",
    country: "IE",
    style: "rambling",
    answers: {
      idea:
        "We want to add an AI assistant to our online furniture shop in Ireland that answers customer questions about sizes, delivery and returns, and suggests products.",
      users: "our shoppers, and our customer service team who take over hard cases",
      platforms: "our website",
      features: "chat widget, product suggestions, order status, hand over to a human",
      scale: "40,000 visitors a month",
      budget: "€60k",
      timeline: "3 months",
      compliance: "GDPR we already handle",
      other: "we'd use a hosted model from OpenAI or similar",
    },
    expect: [
      {
        re:
          "AI Act|(disclose|tell|inform)[^\\n]{0,40}(AI|bot|automated)|transparency (obligation|duty|requirement)",
        why: "Chatbots must tell people they are talking to an AI (AI Act transparency).",
      },
      {
        re: "hallucinat|made[- ]up|wrong answer|grounded|retrieval|\\bRAG\\b",
        why: "The assistant must not invent delivery or returns terms.",
      },
      {
        re: "prompt injection|jailbreak",
        why: "A public chat with a model is open to prompt injection.",
      },
      {
        re: "Consumer Rights|distance (selling|contract)|14[- ]day|cooling[- ]off|withdrawal",
        why: "Returns answers must match consumer law (14-day right of withdrawal).",
      },
      {
        re:
          "Data Protection Commission|\\bDPC\\b|data processing agreement|\\bDPA\\b|data transfer|international transfer|Standard Contractual|\\bSCCs?\\b",
        why: "Sending chats to a US model provider is a processor and data transfer question.",
      },
    ],
    forbid: [
      NO_HIPAA,
      { re: "CCPA|CPRA", why: "Not a California product." },
      { re: "App Store|in-app purchase", why: "A website." },
    ],
  },
  {
    id: "es-ai-gp-scribe",
    industry: "health AI",
    country: "ES",
    style: "mixed",
    answers: {
      idea:
        "An AI scribe that listens to GP consultations in Spain and writes the clinical note into the patient's record.",
      users: "family doctors in private clinics, and their patients",
      platforms: "web app on the doctor's computer",
      features:
        "record the consultation, draft the note, doctor edits and signs, send to the record system",
      scale: "500 doctors",
      budget: "€400k",
      timeline: "a year",
      compliance: "?",
      other: "no",
    },
    expect: [
      {
        re: "special categor|health data|Art(icle)?\\.? ?9|GDPR|RGPD|LOPDGDD",
        why: "Consultations are health data under GDPR Article 9 and Spain's LOPDGDD.",
      },
      {
        re:
          "consent[^\\n]{0,40}(record|patient)|(record|patient)[^\\n]{0,40}consent|inform(ed)? (the )?patient",
        why: "Patients must be told, and usually agree, before a consultation is recorded.",
      },
      {
        re: "hallucinat|clinician review|doctor (reviews|checks)|human review|inaccura",
        why: "A wrong note is a patient safety risk; the doctor must review every note.",
      },
      {
        re: "HL7|FHIR|EHR|electronic (health|medical) record",
        why: "Notes reach the record through HL7/FHIR or the EHR's API.",
      },
      {
        re: "AI Act|medical device|\\bMDR\\b",
        why: "Clinical AI must be classified under the AI Act and, if it diagnoses, the MDR.",
      },
    ],
    forbid: [
      NO_HIPAA,
      { re: "CCPA|CPRA", why: "Not a California product." },
      { re: "App Store|in-app purchase", why: "A web app." },
    ],
  },
  {
    id: "in-kids-maths-tutoring",
    industry: "education",
    country: "IN",
    style: "mixed",
    answers: {
      idea:
        "Live online maths tutoring for school kids in India, classes 6 to 10, parents pay ₹1,500 a month.",
      users: "students in classes 6-10, their parents, and our tutors",
      platforms: "Android app and web",
      features: "live classes, homework, progress reports for parents, recordings of classes",
      scale: "5,000 students",
      budget: "₹30 lakh",
      timeline: "4 months",
      compliance: "?",
      jurisdiction: "India",
      other: "tutors are college students mostly",
    },
    expect: [
      {
        re: "DPDP|Digital Personal Data Protection",
        why: "India's DPDP Act applies, with special rules for children.",
      },
      {
        re: "verifiable (parental )?consent|parent(al)? consent|consent of (a |the )?parent",
        why: "Processing a child's data under DPDP needs verifiable parental consent.",
      },
      {
        re:
          "(no|ban|prohibit|without)[^\\n]{0,40}(tracking|behavio(u)?ral monitoring|targeted advertising)",
        why: "DPDP bans tracking and targeted ads at children.",
      },
      {
        re:
          "background (check|verification)|police verification|tutor (vetting|verification|screening)|safeguard",
        why: "Tutors alone with children on video need vetting and safeguarding.",
      },
      {
        re: "Razorpay|\\bUPI\\b|Paytm|Cashfree|PhonePe",
        why: "Parents pay through UPI or an Indian payment gateway.",
      },
    ],
    forbid: [
      NO_GDPR,
      NO_FERPA,
      { re: "COPPA", why: "US children's law does not apply to an India-only product." },
      { re: "budget[^\\n]{0,20}1,?500", why: "₹1,500 is the monthly fee, not the budget." },
    ],
  },
  {
    id: "jp-hiking-log",
    industry: "outdoor",
    country: "JP",
    style: "terse",
    answers: {
      idea: "A hiking log app for Japan where people record trails and share photos from the top.",
      users: "hikers",
      platforms: "iPhone and Android",
      features: "record a route, photos, share with friends, trail map",
      scale: "10k users",
      budget: "¥5,000,000",
      timeline: "6 months",
      compliance: "none",
      other: "no",
    },
    expect: [
      {
        re: "offline (map|tile)|no signal|no reception|battery",
        why: "Mountains have no signal; maps must work offline without draining the battery.",
      },
      {
        re: "OpenStreetMap|Mapbox|GSI|Geospatial Information Authority|国土地理院|Google Maps",
        why: "Trail maps come from a map provider; Japan's GSI maps are the standard.",
      },
      {
        re:
          "(home|start|location)[^\\n]{0,40}(privacy|hid|blur|fuzz)|location privacy|location data",
        why: "Shared routes reveal where people live; start and end points should be hidden.",
      },
      {
        re: "APPI|Act on the Protection of Personal Information",
        why: "Japan's APPI applies to users' data.",
      },
      {
        re: "moderat|report (a |abuse)",
        why: "Shared photos need moderation and reporting.",
      },
    ],
    forbid: [
      NO_HIPAA,
      { re: "PCI|KYC", why: "No payments or money." },
      NO_FERPA,
    ],
  },
  {
    id: "ca-ab-plumbing-field-service",
    industry: "trades",
    country: "CA-AB",
    style: "negative",
    answers: {
      idea:
        "Scheduling and invoicing for my plumbing company in Calgary, it's 4 plumbers and me. No marketplace, no customer app.",
      users: "my plumbers and me, customers just get an invoice by email",
      platforms: "phones for the plumbers, no iPhone app store stuff, a web page is fine",
      features: "job schedule, job notes and photos, invoices, payments",
      scale: "5 users",
      budget: "$5k CAD, not more",
      timeline: "next month",
      compliance: "none I know of",
      other: "we work in basements a lot",
    },
    expect: [
      {
        re: "Jobber|Housecall Pro|ServiceTitan|FieldEdge|Workiz|ServiceM8|off-the-shelf",
        why: "Field-service tools do this for less than $5k a year; building is wasteful.",
      },
      {
        re: "QuickBooks|Xero|FreshBooks|(?-i:\\bSage\\b)",
        why: "Invoices should flow into the company's accounting package.",
      },
      { re: "\\bGST\\b|sales tax", why: "Alberta invoices carry 5% GST." },
      {
        re: "offline|no signal|no reception",
        why: "Basements have no signal; notes must save offline.",
      },
    ],
    forbid: [
      NO_HIPAA,
      NO_GDPR,
      {
        re: "two-sided|take rate|(supply|demand)[- ]side|marketplace (fee|commission|trust)",
        why: "Not a marketplace.",
      },
      { re: "App Store (commission|fee|billing|review)|in-app purchase", why: "No app store app." },
    ],
  },
  {
    id: "ke-matatu-cashless-fares",
    industry: "transport",
    country: "KE",
    style: "rambling",
    answers: {
      idea:
        "Cashless fares for matatus in Nairobi: passengers pay by M-Pesa when they board, and the owner sees every trip's takings instead of trusting the conductor.",
      users: "matatu owners, conductors, passengers",
      platforms: "a cheap Android phone for the conductor, passengers use their own phones",
      features: "pay by M-Pesa, receipts by SMS, daily takings per vehicle, driver and route log",
      scale: "200 matatus in the first SACCO",
      budget: "KES 6 million",
      timeline: "4 months",
      compliance: "the NTSA has rules for matatus I think",
      other: "many passengers have basic phones, not smartphones",
    },
    expect: [
      {
        re: "Daraja|STK push|Lipa na M-?Pesa|Paybill|Till number|Safaricom",
        why: "Fares come in through Safaricom's Daraja API (STK push to a paybill or till).",
      },
      {
        re: "Data Protection Act|ODPC|Data Protection Commissioner",
        why: "Kenya's Data Protection Act covers passengers' phone numbers and trips.",
      },
      {
        re: "USSD|feature phone|SMS fallback",
        why: "Passengers on basic phones need USSD or SMS flows.",
      },
      {
        re: "offline|poor (network|connectivity)|reconcil",
        why: "Payments must reconcile when the network drops.",
      },
      {
        re: "\\bSACCO\\b[^\\n]{0,40}(account|settle|payout)|settlement|payout",
        why: "Takings settle to the SACCO or the owner, not the conductor.",
      },
    ],
    forbid: [
      NO_GDPR,
      NO_HIPAA,
      {
        re: "App Store|in-app purchase",
        why: "Android and USSD only; fares are not digital goods.",
      },
    ],
  },
  {
    id: "mx-tienditas-pedidos",
    industry: "retail",
    country: "MX",
    style: "terse",
    answers: {
      idea:
        "Una app para que las tienditas de barrio en Guadalajara reciban pedidos de sus vecinos por WhatsApp y los entreguen en moto. Cobramos una comisión de 10 pesos por pedido.",
      users: "dueños de tienditas y sus vecinos",
      platforms: "WhatsApp y una página web para la tienda, nada de app",
      features:
        "catálogo, pedidos por WhatsApp, pago en efectivo o transferencia, avisos de entrega",
      scale: "200 tiendas el primer año",
      budget: "unos 600 mil pesos",
      timeline: "4 meses",
      compliance: "no sé",
      other: "no",
    },
    expect: [
      {
        re: "Spanish|español|espanol|non-English|not (written )?in English",
        why: "An engine that reads English must say that this idea is in Spanish.",
      },
      {
        re: "no rules for|(could not|cannot|can.t|unable to) (analy|read|understand)|with a model",
        why: "What the engine cannot analyse it must name, and point to running with a model.",
      },
      {
        re: "LFPDPPP|Ley Federal de Protecci[oó]n de Datos|aviso de privacidad|privacy notice",
        why: "Mexico's personal data law requires a privacy notice (aviso de privacidad).",
      },
      {
        re: "WhatsApp (Business|Cloud)|Business API|Cloud API",
        why: "Orders by WhatsApp at this scale need the WhatsApp Business Platform.",
      },
      {
        re: "CFDI|factura|(?-i:\\bSAT\\b)",
        why: "Mexican sales and commissions are invoiced as CFDI through the SAT.",
      },
    ],
    forbid: [
      NO_GDPR,
      NO_HIPAA,
      { re: "App Store|Google Play|in-app purchase", why: "WhatsApp and the web, no app." },
      {
        re: "budget[^\\n]{0,20}\\b10\\b",
        why: "10 pesos is the commission per order, not the budget.",
      },
    ],
  },
  {
    id: "nz-beekeeping-hive-log",
    industry: "agriculture",
    country: "NZ",
    style: "negative",
    answers: {
      idea:
        "A hive inspection log for hobby and commercial beekeepers in New Zealand, so they stop writing notes on the hive lid. No payments, no marketplace, no social feed.",
      users: "beekeepers, from hobbyists with 2 hives to outfits with 3,000",
      platforms: "phone app, Android and iPhone, it has to work in the field",
      features: "inspection notes, photos of frames, treatments given, hive locations on a map",
      scale: "a few thousand beekeepers",
      budget: "NZD 40k",
      timeline: "before spring, so 5 months",
      compliance: "not that I know of",
      other: "apiaries are usually out of mobile coverage",
    },
    expect: [
      {
        re: "foulbrood|(?-i:\\bAFB\\b)|Management Agency|Pest Management Plan",
        why: "New Zealand's AFB Pest Management Plan governs inspections and disease reports.",
      },
      {
        re: "apiary regist|registered apiar|Apiary Database|ApiWeb",
        why: "Every apiary must be registered with the AFB Management Agency.",
      },
      {
        re: "Privacy Act|Privacy Commissioner",
        why: "New Zealand's Privacy Act 2020 covers beekeepers' data.",
      },
      {
        re: "offline|no (signal|coverage|reception)",
        why: "Apiaries are out of coverage; notes must be saved offline and synced later.",
      },
      {
        re: "Apiary Book|HiveTracks|Hive Tracks|BeeKeepPal|off-the-shelf|existing (apps|tools)",
        why: "Hive-log apps exist; the brief should say what this does better.",
      },
      {
        re: "hive theft|(hive|apiary) locations?[^\\n]{0,60}(privacy|theft|hid|precise|share)",
        why: "Hive sites are valuable (and stolen); their locations must stay private.",
      },
    ],
    forbid: [
      { re: "PCI|Stripe|checkout", why: "No payments." },
      {
        re: "community feed|content moderation|moderation queue",
        why: "No social feed: no content moderation either.",
      },
      NO_GDPR,
      {
        re: "two-sided|take rate|(supply|demand)[- ]side|marketplace (fee|commission|trust)",
        why: "Not a marketplace.",
      },
    ],
  },
];
