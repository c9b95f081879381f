import assert from "node:assert/strict";
import { bounded, detect } from "./detect.ts";
import type { Clause, Detection, Pattern } from "./knowledge/types.ts";
import { JURISDICTIONS } from "./knowledge/jurisdictions.ts";
import { DOMAINS } from "./knowledge/domains.ts";
import { REGULATIONS } from "./knowledge/regulations.ts";
import { ALTERNATIVES } from "./knowledge/alternatives.ts";
import { UNCOVERED } from "./knowledge/uncovered.ts";

const TOPICS = new Set([
  "users",
  "platforms",
  "features",
  "scale",
  "budget",
  "timeline",
  "compliance",
]);

/**
 * Clauses as the reader makes them. Each string is one clause; a leading `-` marks it
 * negated, a leading `~` marks it put off for later, and `id: ` names its question.
 */
function clauses(...texts: string[]): Clause[] {
  return texts.map((raw) => {
    let t = raw;
    let negated = false;
    let later = false;
    let questionId = "idea";
    const id = /^(\w+): /.exec(t);
    if (id) {
      questionId = id[1]!;
      t = t.slice(id[0].length);
    }
    if (t.startsWith("-")) {
      negated = true;
      t = t.slice(1);
    }
    if (t.startsWith("~")) {
      later = true;
      t = t.slice(1);
    }
    const text = t.trim();
    const lower = text.normalize("NFC").toLowerCase().replace(/\s+/g, " ");
    const topic = TOPICS.has(questionId) ? { topic: questionId } : {};
    return { text, lower, questionId, negated, later, ...topic };
  });
}

const ids = (found: readonly { id: string }[]) => found.map((f) => f.id);
/** Detects over the clauses, and checks the evidence of everything found on the way. */
function run(...texts: string[]): Detection {
  const input = clauses(...texts);
  const d = detect(input);
  assertEvidence(d, input);
  return d;
}

/** Every Found carries evidence that quotes a clause and names its rule. */
function assertEvidence(d: Detection, input: readonly Clause[]) {
  const quotes = new Set(input.map((c) => c.text));
  for (
    const [kind, list] of [
      ["place", d.jurisdictions],
      ["domain", d.domains],
      ["regulation", d.regulations],
      ["alternative", d.alternatives],
    ] as const
  ) {
    for (const f of list) {
      assert.ok(f.evidence.length > 0, `${kind} ${f.id} has no evidence`);
      assert.ok(f.evidence.length <= 8, `${kind} ${f.id} has too much evidence`);
      for (const e of f.evidence) {
        assert.ok(quotes.has(e.quote), `${kind} ${f.id} quotes unknown words: ${e.quote}`);
        assert.ok(e.rule.startsWith(`${kind}:`), `${kind} ${f.id} names rule ${e.rule}`);
        assert.ok(e.questionId, `${kind} ${f.id} has no question id`);
      }
    }
  }
  for (const u of d.uncovered) assert.ok(u.evidence.length > 0, `uncovered ${u.label}`);
}

// --- Jurisdictions --------------------------------------------------------------------

Deno.test("detect: a US city gives its state then the country, most specific first", () => {
  const d = run("A load board for truckers around Houston");
  assert.deepEqual(ids(d.jurisdictions), ["US-TX", "US"]);
  assert.equal(d.jurisdictions[0]!.evidence[0]!.rule, "place:texas");
});

Deno.test("detect: New York City is its own jurisdiction inside New York", () => {
  assert.deepEqual(ids(run("Recruiters in NYC").jurisdictions), ["US-NY-NYC", "US-NY", "US"]);
  assert.deepEqual(ids(run("Upstate New York farms").jurisdictions), ["US-NY", "US"]);
});

Deno.test("detect: West Virginia is not Virginia, Northern Ireland is not Ireland", () => {
  assert.deepEqual(ids(run("clinics in West Virginia").jurisdictions), ["US-WV", "US"]);
  assert.deepEqual(ids(run("shops in Belfast and Northern Ireland").jurisdictions), [
    "GB-NIR",
    "GB",
  ]);
});

Deno.test("detect: places inside other place names", () => {
  const place = (text: string) => ids(run(text).jurisdictions);
  assert.deepEqual(place("Farms in New South Wales"), ["AU-NSW", "AU"]);
  assert.deepEqual(place("Breweries in New England"), []);
  assert.deepEqual(place("Clinics in New Mexico"), ["US-NM", "US"]);
  assert.deepEqual(place("Restaurants in Kansas City"), ["US-MO", "US"]);
  assert.deepEqual(place("A shop in Paris, Texas"), ["US-TX", "US"]);
});

Deno.test("detect: Indian cities give their state and India", () => {
  assert.deepEqual(ids(run("Tiffin delivery for offices in Bengaluru").jurisdictions), [
    "IN-KA",
    "IN",
  ]);
});

Deno.test("detect: currencies count only when no place is named", () => {
  assert.deepEqual(ids(run("budget: We have 40 lakh rupees to build it").jurisdictions), ["IN"]);
  assert.deepEqual(ids(run("Farmers get paid in naira").jurisdictions), ["NG"]);
  assert.deepEqual(ids(run("Top up with M-Pesa").jurisdictions), ["KE"]);
  assert.deepEqual(ids(run("Price is ₹499 a month").jurisdictions), ["IN"]);
  // A place wins over a currency.
  assert.deepEqual(ids(run("Shops in Berlin", "budget: about 20 lakh").jurisdictions), [
    "DE",
    "EU",
  ]);
});

Deno.test("detect: budget and timeline answers say nothing about the product's domain", () => {
  const d = run(
    "A habit tracker with streaks",
    "budget: a grant from the city council and 5 lakh of our own savings",
    "timeline: before the school year",
  );
  assert.deepEqual(ids(d.domains), []);
  assert.deepEqual(ids(d.jurisdictions), ["IN"]);
});

Deno.test("detect: no place named means no jurisdiction and no regional regulation", () => {
  const d = run("An app where people track their sleep and mood");
  assert.deepEqual(ids(d.jurisdictions), []);
  assert.deepEqual(ids(d.domains), ["consumer-health"]);
  assert.deepEqual(ids(d.regulations), []);
});

Deno.test("detect: demonyms in front of food are not places", () => {
  assert.deepEqual(ids(run("An Indian restaurant's ordering site").jurisdictions), []);
  assert.deepEqual(ids(run("Indian farmers sell produce").jurisdictions), ["IN"]);
});

Deno.test("detect: a country without rules is reported as uncovered", () => {
  const d = run("A delivery app in Jakarta");
  assert.deepEqual(ids(d.jurisdictions), ["ID"]);
  assert.deepEqual(d.uncovered.map((u) => u.label), [
    "data-protection and sector law of Indonesia",
  ]);
  assertHas(run("A delivery app in Mexico City"), ["MX", "mx-lfpdppp"]);
});

// --- Negation and later ---------------------------------------------------------------

Deno.test("detect: negated and later clauses never trigger", () => {
  assert.deepEqual(ids(run("-not in the UK").jurisdictions), []);
  assert.deepEqual(ids(run("~expand to Texas later").jurisdictions), []);
  assert.deepEqual(ids(run("-we don't store patient records").domains), []);
});

// --- Health ---------------------------------------------------------------------------

Deno.test("detect: volunteer nurses at a charity are not HIPAA", () => {
  const d = run(
    "Volunteer nurses at our charity in Ohio sign up for shifts",
    "users: nurses and coordinators",
  );
  assert.deepEqual(ids(d.jurisdictions), ["US-OH", "US"]);
  assert.ok(!ids(d.domains).includes("clinical-care"));
  assert.ok(!ids(d.regulations).includes("us-hipaa"));
});

Deno.test("detect: a clinic's patient records in the US bring HIPAA with evidence", () => {
  const input = clauses(
    "Physiotherapy clinics in Boston keep patient notes and treatment plans",
    "users: therapists and front-desk staff",
  );
  const d = detect(input);
  assert.ok(ids(d.domains).includes("clinical-care"));
  const hipaa = d.regulations.find((r) => r.id === "us-hipaa");
  assert.ok(hipaa);
  assert.equal(hipaa.label, "HIPAA");
  assert.ok(hipaa.evidence.every((e) => e.rule === "regulation:us-hipaa"));
  assertEvidence(d, input);
});

Deno.test("detect: a pill dispenser is a medical device, not KYC", () => {
  const d = run("A pill dispenser that reminds elderly parents and dispenses their doses");
  assert.ok(ids(d.domains).includes("medical-device"));
  assert.ok(ids(d.domains).includes("hardware-iot"));
  assert.ok(!ids(d.domains).includes("money-transmission"));
  assert.ok(!ids(d.regulations).some((r) => /kyc|aml|msb/.test(r)));
  assert.ok(ids(d.regulations).includes("iec-62304"));
});

Deno.test("detect: India-only health app gets DPDP, not GDPR", () => {
  const d = run("Period tracking app for women in Pune, India only");
  assert.ok(ids(d.regulations).includes("in-dpdp"));
  assert.ok(!ids(d.regulations).some((r) => r.startsWith("eu-") || r.startsWith("gdpr")));
});

// --- The false positives the issue names ------------------------------------------------

/** Ids of everything found, for asserting what must and must not appear. */
function all(d: Detection): Set<string> {
  return new Set([
    ...ids(d.jurisdictions),
    ...ids(d.domains),
    ...ids(d.regulations),
    ...ids(d.alternatives),
  ]);
}

function assertHas(d: Detection, wanted: readonly string[]) {
  const got = all(d);
  for (const w of wanted) assert.ok(got.has(w), `missing ${w}; got ${[...got].join(", ")}`);
}

function assertLacks(d: Detection, forbidden: readonly string[]) {
  const got = all(d);
  for (const f of forbidden) assert.ok(!got.has(f), `unexpected ${f}; got ${[...got].join(", ")}`);
}

Deno.test("detect: a bakery selling surplus bread gets food, not FERPA or App Store billing", () => {
  const d = run(
    "Our bakery in Leeds sells surplus bread at the end of the day through an app",
    "users: students and office workers nearby",
    "platforms: iPhone and Android",
    "budget: £8 membership, we have two developers",
  );
  assertHas(d, ["GB-ENG", "GB", "food", "uk-gdpr", "uk-food-standards", "food-surplus"]);
  assertLacks(d, ["education", "us-ferpa", "digital-goods-in-app", "app-store-billing", "eu-gdpr"]);
});

Deno.test("detect: a remittance app gets money transmission, not DMCA or a community feed", () => {
  const d = run(
    "An app for Kenyans in Texas to send money home to family in Nairobi",
    "features: track the transfer, save recipients, pay out to M-Pesa",
  );
  assertHas(d, [
    "US-TX",
    "KE",
    "money-transmission",
    "aml-kyc",
    "us-fincen-msb",
    "us-state-mtl",
    "us-remittance-rule",
    "ke-cbk-nps",
    "remittance",
  ]);
  assertLacks(d, ["user-content", "us-dmca", "eu-dsa", "marketplace"]);
});

Deno.test("detect: 'not a marketplace' and 'no iPhone' switch nothing on", () => {
  const d = run(
    "A booking page for my yoga studio in Lisbon",
    "-it's not a marketplace",
    "-no iPhone app",
    "premium membership subscriptions",
  );
  assertHas(d, ["PT", "EU", "eu-gdpr", "appointment-booking"]);
  assertLacks(d, ["marketplace", "digital-goods-in-app", "app-store-billing"]);
});

Deno.test("detect: mobile later keeps store billing out of a web-only MVP", () => {
  const d = run(
    "Paid online courses for guitar students",
    "platforms: web only for now",
    "~native iOS app later",
  );
  assertLacks(d, ["digital-goods-in-app", "app-store-billing"]);
  const withApp = run("Paid online courses for guitar students in an iOS app");
  assertHas(withApp, ["digital-goods-in-app", "app-store-billing"]);
});

Deno.test("detect: India-only product gets DPDP and RBI rules, not GDPR", () => {
  const d = run(
    "A lending app for small shopkeepers in Mumbai, India only",
    "loans of 50,000 rupees repaid in weekly instalments with interest",
  );
  assertHas(d, ["IN-MH", "IN", "consumer-credit", "in-dpdp", "in-rbi-digital-lending"]);
  assertLacks(d, ["eu-gdpr", "EU", "gdpr-special-category", "us-tila-ecoa"]);
});

Deno.test("detect: a Texas load board gets FMCSA broker authority, not EU hosting", () => {
  const d = run(
    "A load board in Texas that matches shippers with owner-operators and books the loads",
    "we take a fee per load",
  );
  assertHas(d, ["US-TX", "US", "freight-brokerage", "us-fmcsa-broker", "us-tdpsa", "load-boards"]);
  assertLacks(d, ["EU", "eu-gdpr"]);
  const fmcsa = d.regulations.find((r) => r.id === "us-fmcsa-broker")!;
  assert.ok(fmcsa.evidence.some((e) => /load board/i.test(e.quote)));
});

// --- True positives, area by area -------------------------------------------------------

Deno.test("detect: tenant screening in California brings FCRA, Fair Housing and state rules", () => {
  const d = run(
    "Tenant screening for small landlords in Los Angeles: credit and eviction checks on applicants",
  );
  assertHas(d, [
    "US-CA",
    "tenant-screening",
    "us-fcra",
    "us-fair-housing",
    "us-ca-tenant-screening",
    "us-ccpa",
    "property-management",
  ]);
});

Deno.test("detect: cannabis delivery in Colorado needs state licensing and age checks", () => {
  const d = run("Cannabis delivery from dispensaries in Denver");
  assertHas(d, ["US-CO", "cannabis", "us-cannabis", "us-state-privacy"]);
});

Deno.test("detect: alcohol delivery is age-restricted; beer talk without selling is not", () => {
  assertHas(run("Craft beer delivery across London"), ["age-restricted", "uk-licensing-act"]);
  assertLacks(run("A league table for my beer-league hockey team"), ["age-restricted"]);
  assertHas(run("We sell vapes online in Ohio"), ["age-restricted", "us-pact-act"]);
});

Deno.test("detect: medical software in the EU and UK needs MDR and UKCA", () => {
  const d = run(
    "An app that detects atrial fibrillation from a smartwatch ECG, launching in Germany and the UK",
  );
  assertHas(d, ["medical-device", "eu-mdr", "uk-mdr", "iec-62304", "gdpr-special-category"]);
});

Deno.test("detect: a wellness app outside HIPAA gets the FTC Health Breach Notification Rule", () => {
  const d = run("A mood tracking app for people in the US");
  assertHas(d, ["consumer-health", "us-ftc-hbnr"]);
  assertLacks(d, ["us-hipaa", "clinical-care"]);
});

Deno.test("detect: AI hiring in New York City needs a bias audit; in Chicago video interview rules", () => {
  const nyc = run("An AI tool that ranks job applicants' resumes for employers in NYC");
  assertHas(nyc, ["hiring", "ai-features", "us-nyc-ll144", "us-eeo", "applicant-tracking"]);
  const chicago = run("AI scoring of video interviews for recruiters in Chicago");
  assertHas(chicago, ["hiring", "us-il-ai-video-interview"]);
  const eu = run("AI that shortlists candidates for companies in Amsterdam");
  assertHas(eu, ["eu-ai-act-high-risk", "eu-ai-act"]);
  // Hiring our own developers is not a hiring product.
  assertLacks(run("A recipe site; we are hiring two developers"), ["hiring"]);
});

Deno.test("detect: government permits get accessibility, records and procurement rules", () => {
  const d = run("Online building permit applications for a city council in Oregon");
  assertHas(d, ["government", "us-ada-title-ii", "us-public-records", "government-permitting"]);
  const uk = run("A local council in Wales wants residents to apply for parking permits online");
  assertHas(uk, ["GB-WLS", "government", "uk-public-sector"]);
  const eu = run("Municipal services portal for Madrid");
  assertHas(eu, ["eu-web-accessibility", "eu-public-procurement"]);
});

Deno.test("detect: FERPA needs a US school's records; COPPA needs children as users", () => {
  const d = run(
    "A gradebook for K-12 schools in Florida where teachers record grades and attendance",
    "students aged 8 to 14 log in to see homework",
  );
  assertHas(d, ["education", "us-ferpa", "children", "us-coppa", "school-management"]);
  // Adult learners on a course marketplace: education but no FERPA.
  const adults = run("Online courses where adults in Texas learn Excel");
  assertHas(adults, ["education"]);
  assertLacks(adults, ["us-ferpa", "children", "us-coppa"]);
  // Parents booking a babysitter are not children using the product.
  assertLacks(run("Parents in Boston book trusted babysitters for their kids"), ["us-coppa"]);
});

Deno.test("detect: gambling, insurance and lending in their markets", () => {
  assertHas(run("A sportsbook app for betting on football in Manchester"), [
    "gambling",
    "uk-gambling-act",
  ]);
  assertHas(run("Fantasy sports with real-money games for users in Delhi"), [
    "gambling",
    "in-online-gaming-act",
  ]);
  assertHas(run("Compare and sell pet insurance policies in Ohio"), [
    "insurance",
    "us-insurance-producer",
  ]);
  assertLacks(run("Our clinic in Ohio accepts insurance for patient visits"), ["insurance"]);
  assertHas(run("Buy now, pay later for furniture in Sydney, repaid in 4 instalments"), [
    "consumer-credit",
    "au-nccp",
  ]);
  assertLacks(run("A tool lending library for neighbours"), ["consumer-credit"]);
});

Deno.test("detect: SMS reminders and call recording in the US", () => {
  const d = run("Send text reminders to customers and record sales calls, for shops in Florida");
  assertHas(d, [
    "sms-calling",
    "us-tcpa",
    "us-10dlc",
    "us-call-recording",
    "us-all-party-recording",
  ]);
  const texas = run("Record calls with clients in Texas");
  assertHas(texas, ["us-call-recording"]);
  assertLacks(texas, ["us-all-party-recording"]);
  assertHas(run("SMS alerts for farmers in Pune"), ["in-trai-dlt"]);
});

Deno.test("detect: a newsroom protects sources; a nonprofit sends donor receipts", () => {
  const news = run("A secure tip line for investigative journalists at a local news site in Ohio");
  assertHas(news, ["journalism", "us-ppa-shield", "newsroom-cms"]);
  const uk = run("Donations for our charity in Bristol with Gift Aid");
  assertHas(uk, ["nonprofit", "uk-gift-aid", "donations"]);
  const us = run("A 501(c)(3) in Seattle taking donations online");
  assertHas(us, [
    "nonprofit",
    "us-irs-donor-acknowledgement",
    "us-charitable-solicitation",
    "US-WA",
  ]);
});

Deno.test("detect: hardware and IoT get certification, OTA and security rules per market", () => {
  const d = run(
    "A smart bird feeder with a camera and Wi-Fi, battery powered, sold in the US and EU",
  );
  assertHas(d, [
    "hardware-iot",
    "us-fcc-equipment",
    "eu-red-ce",
    "eu-cra",
    "etsi-en-303-645",
    "electrical-safety",
  ]);
  assertHas(run("An IoT sensor for greenhouses in Kent, England"), ["uk-psti"]);
  assertLacks(run("An inventory app for our hardware store"), ["hardware-iot"]);
});

Deno.test("detect: crypto custody brings MiCA, travel rule and AML; traceability does not", () => {
  const d = run("A crypto wallet where users in France buy and hold bitcoin");
  assertHas(d, ["crypto", "eu-mica", "fatf-travel-rule", "aml-kyc", "crypto-exchanges"]);
  assertLacks(run("Blockchain to trace where coffee beans come from"), ["crypto", "aml-kyc"]);
});

Deno.test("detect: AI features in the EU carry the AI Act's transparency duties", () => {
  const d = run("A chatbot that answers questions about our hotel in Vienna");
  assertHas(d, ["ai-features", "eu-ai-act", "AT", "EU", "eu-gdpr"]);
  assertLacks(d, ["eu-ai-act-high-risk"]);
});

Deno.test("detect: card payments bring PCI DSS anywhere; marketplaces and UGC their rules", () => {
  assertHas(run("Customers pay by credit card at checkout"), ["payments", "pci-dss"]);
  // Mobile money alone carries no card data.
  const mpesa = run("A co-working space booking system in Nairobi with M-Pesa payments");
  assertHas(mpesa, ["payments"]);
  assertLacks(mpesa, ["pci-dss"]);
  const market = run(
    "A marketplace where makers and buyers in Berlin trade crafts, we take a commission of 10%",
  );
  assertHas(market, ["marketplace", "eu-dsa", "eu-p2b"]);
  const ugc = run("Users can post photos and comment on recipes, in the US");
  assertHas(ugc, ["user-content", "us-dmca", "us-take-it-down"]);
});

Deno.test("detect: property, licensed services and platform work", () => {
  assertHas(run("Holiday lets in Barcelona, hosts rent out spare rooms"), [
    "short-term-rentals",
    "eu-str-regulation",
  ]);
  assertHas(run("A real estate portal for agents in Pune"), ["real-estate", "in-rera"]);
  assertHas(run("Book a ride with auto-rickshaw drivers in Mumbai"), ["ride-hailing", "in-mvag"]);
  assertHas(run("Gig workers deliver groceries in Los Angeles"), [
    "gig-work",
    "us-worker-classification",
  ]);
  assertHas(run("Connect tenants with a lawyer for eviction cases in London"), [
    "legal-services",
    "uk-legal-services-act",
  ]);
  assertHas(run("An online pharmacy delivering prescription refills in Leeds"), [
    "pharmacy",
    "uk-online-pharmacy",
  ]);
  assertHas(run("Parents find registered childminders in Bristol"), ["childcare", "gb-eng-ofsted"]);
  assertLacks(run("A plant nursery's online shop"), ["childcare"]);
  assertLacks(run("A tool for freelancers to track time and send invoices"), ["gig-work"]);
});

Deno.test("detect: using government open data does not make a public-sector product", () => {
  assertLacks(run("A dashboard that shows air quality from government open data"), ["government"]);
  assertHas(run("A portal for the government of Kerala to issue permits"), [
    "government",
    "in-gov-procurement",
  ]);
});

Deno.test("detect: influencer deals need disclosures; Ontario clinics need PHIPA", () => {
  assertHas(run("A platform where brands pay influencers for sponsored posts in the US"), [
    "influencer-marketing",
    "us-ftc-endorsements",
  ]);
  assertHas(run("Software for dentists to manage patient records in Ottawa"), [
    "clinical-care",
    "ca-on-phipa",
  ]);
});

Deno.test("detect: a background check is tenant screening only around housing", () => {
  assertHas(
    run("Applicants pay a $40 fee to apply for an apartment, and we run a background check"),
    [
      "tenant-screening",
      "payments",
    ],
  );
  const jobs = run("We run background checks on job applicants for employers in Ohio");
  assertHas(jobs, ["hiring", "us-fcra-employment"]);
  assertLacks(jobs, ["tenant-screening", "us-fair-housing"]);
});

Deno.test("detect: home health aides recording medications handle patient data", () => {
  assertHas(
    run("A platform for home health aides in Ohio to log visits and record medications given"),
    ["clinical-care", "us-hipaa"],
  );
});

Deno.test("detect: reminder texts, mental health, K-12 children, alcohol in Texas", () => {
  assertHas(
    run(
      "Appointment reminder texts and automated calls for dental offices in Colorado",
      "users: their patients",
    ),
    [
      "sms-calling",
      "us-tcpa",
      "us-10dlc",
      "clinical-care",
      "us-hipaa",
    ],
  );
  assertHas(run("A mood journal for people with anxiety in Seattle"), [
    "mental-health",
    "us-wa-mhmda",
  ]);
  assertHas(run("A gradebook for K-12 schools in Illinois"), ["children", "us-coppa", "education"]);
  assertHas(run("Same-day wine and liquor delivery from local stores in Houston"), [
    "age-restricted",
    "us-alcohol",
    "us-tx-tabc",
  ]);
  assertHas(run("An app that tells people with type 1 diabetes how much insulin to take"), [
    "medical-device",
  ]);
  assertHas(run("AI that ranks applicants for employers in Munich"), [
    "eu-gdpr-art22",
    "de-works-council",
  ]);
});

Deno.test("detect: a phone's sensors, remitting tax and teachers on payroll are not what they seem", () => {
  assertLacks(run("An app that uses the phone's sensors to count steps"), ["hardware-iot"]);
  assertLacks(run("A marketplace that collects and remits sales tax for sellers"), [
    "money-transmission",
  ]);
  assertLacks(run("A payroll tool for schools where teachers log their hours"), ["education"]);
  assertHas(run("Soil sensors with LoRa for vineyards"), ["hardware-iot"]);
});

Deno.test("detect: everyday ideas point to the products they compete with", () => {
  assertHas(run("A booking app for a hair salon in Lisbon"), ["appointment-booking"]);
  assertHas(run("A sports league manager for amateur football clubs"), ["sports-teams"]);
  assertHas(run("A book club organiser for 15 friends"), ["group-meetups"]);
  assertHas(run("Dog walking and pet sitting in Leeds"), ["pet-services"]);
  // Modal "will", "room bookings" of an escape room, and freelancers as customers are not cues.
  assertLacks(run("Users will get escape room bookings confirmed by e-mail"), [
    "legal-self-service",
    "hotel-systems",
  ]);
  assertLacks(run("A B2B invoicing tool for freelancers"), ["freelance-marketplaces"]);
});

Deno.test("detect: tools insurers use internally are not insurance distribution", () => {
  const d = run("A B2B SaaS that helps insurers in Germany detect fraudulent claims");
  assertHas(d, ["insurance"]);
  assertLacks(d, ["eu-idd"]);
  assertLacks(run("Track blood pressure to prevent pregnancy complications"), ["medical-device"]);
  assertHas(run("A grocery delivery app in Nairobi, pay with M-Pesa or card"), [
    "payments",
    "pci-dss",
  ]);
});

Deno.test("detect: general regimes per jurisdiction", () => {
  const cases: [string, string][] = [
    ["For shops in Toronto", "ca-pipeda"],
    ["For shops in Montreal", "ca-qc-law25"],
    ["For shops in São Paulo", "br-lgpd"],
    ["For shops in Lagos", "ng-ndpa"],
    ["For shops in Nairobi", "ke-dpa"],
    ["For shops in Singapore", "sg-pdpa"],
    ["For shops in Osaka", "jp-appi"],
    ["For shops in Melbourne", "au-privacy-act"],
    ["For shops in Zurich", "ch-fadp"],
    ["For shops in Oslo", "eu-gdpr"],
    ["For shops in Richmond, VA", "us-state-privacy"],
  ];
  for (const [text, reg] of cases) assertHas(run(text), [reg]);
});

Deno.test("detect: the person naming a regulation counts wherever they are", () => {
  const d = run("compliance: we need to be HIPAA and SOC 2 ready");
  assertHas(d, ["us-hipaa"]);
  assert.equal(d.regulations[0]!.evidence[0]!.questionId, "compliance");
});

Deno.test("detect: areas without rules are reported as uncovered", () => {
  const d = run("A drone delivery service for farms, and later solar panel installers");
  assert.deepEqual(d.uncovered.map((u) => u.label), [
    "drones and aviation",
    "energy supply, solar and EV charging",
  ]);
  assert.ok(d.uncovered.every((u) => u.evidence[0]!.rule.startsWith("uncovered:")));
});

Deno.test("detect: every found item in a long transcript carries evidence", () => {
  const input = clauses(
    "A marketplace where freelance nurses in Chicago book home visits with patients",
    "users: patients, nurses, and clinic coordinators",
    "features: pay by card, text reminders, video calls, AI triage",
    "compliance: HIPAA",
    "budget: $120k",
    "-no crypto",
    "~expand to Canada later",
  );
  const d = detect(input);
  assertEvidence(d, input);
  assertLacks(d, ["crypto", "CA", "ca-pipeda"]);
});

Deno.test("bounded: word boundaries only where a fragment's edge is a letter or digit", () => {
  const hit = (p: string, text: string) => new RegExp(bounded(p)).test(text);
  assert.ok(hit("u\\.s\\.(?:a\\.)?", "the u.s. market"));
  assert.ok(hit("401\\(k\\)", "matching our 401(k) plan"));
  assert.ok(hit("bogot[aá]", "based in bogotá now"));
  assert.ok(hit("₹", "₹499"));
  assert.ok(!hit("loans?", "sloans"));
  assert.ok(!hit("india", "indiana"));
  assert.ok(!hit("bogot[aá]", "bogotáx"));
});

Deno.test("detect: first names and twin city names are not places", () => {
  assert.deepEqual(
    ids(run("My co-founder Sofia and I, with advice from Charlotte").jurisdictions),
    [],
  );
  assert.deepEqual(ids(run("Clinics in Newcastle, NSW").jurisdictions), ["AU-NSW", "AU"]);
  assert.deepEqual(ids(run("Gyms in Porto Alegre").jurisdictions), ["BR"]);
});

Deno.test("detect: tracking one's own loans or being patient is not lending or patient care", () => {
  assertLacks(run("An app for graduates to track student loan repayments and interest"), [
    "consumer-credit",
  ]);
  assertLacks(run("Support staff must be patient with first-time users"), ["clinical-care"]);
  assertLacks(run("We need liability insurance to cover the events we sell tickets for"), [
    "insurance",
  ]);
});

Deno.test("detect: short words of other languages and acronyms do not trigger", () => {
  // French "j'ai" is not AI; Portuguese "eu" is "I", not the European Union.
  assertLacks(run("J'ai une idée: une application pour les boulangeries à Lyon"), ["ai-features"]);
  assert.deepEqual(ids(run("Eu quero um app para vender bolos em Recife").jurisdictions), ["BR"]);
  // The CBD of a city is not cannabis; an MDR security service is not the EU MDR.
  assertLacks(run("Offices in the Sydney CBD"), ["cannabis"]);
  assertLacks(run("An MDR service for small companies' security"), ["eu-mdr"]);
  assert.deepEqual(ids(run("We sell in the EU and the UK").jurisdictions), ["EU", "GB"]);
});

// --- Determinism and well-formedness --------------------------------------------------

Deno.test("detect: same clauses give the same detection", () => {
  const input = clauses("Clinics in Berlin and Munich keep patient records", "budget: €50k");
  assert.deepEqual(detect(input), detect(input));
  assert.deepEqual(detect([]), {
    jurisdictions: [],
    domains: [],
    regulations: [],
    alternatives: [],
    uncovered: [],
  });
});

/** A pattern compiles, is lower-case, has no capturing group and cannot match nothing. */
function assertPattern(where: string, p: Pattern) {
  const re = new RegExp(bounded(p));
  assert.equal(p, p.toLowerCase(), `${where}: not lower-case: ${p}`);
  assert.ok(!re.test(""), `${where}: matches the empty string: ${p}`);
  assert.ok(!/\((?!\?)/.test(p.replace(/\\\(/g, "")), `${where}: capturing group: ${p}`);
}

Deno.test("knowledge: every entry is well-formed", () => {
  const all = [
    ...JURISDICTIONS.map((e) => ["place", e] as const),
    ...DOMAINS.map((e) => ["domain", e] as const),
    ...REGULATIONS.map((e) => ["regulation", e] as const),
    ...ALTERNATIVES.map((e) => ["alternative", e] as const),
    ...UNCOVERED.map((e) => ["uncovered", e] as const),
  ];
  const seen = new Set<string>();
  for (const [kind, e] of all) {
    const key = `${kind}:${e.id}`;
    assert.ok(!seen.has(key), `duplicate id ${key}`);
    seen.add(key);
    assert.ok(e.label.length > 0, `${key} has no label`);
    const rule = e as {
      triggers: readonly Pattern[];
      context?: readonly (readonly Pattern[])[];
      excludes?: readonly Pattern[];
    };
    for (const p of rule.triggers) assertPattern(key, p);
    for (const g of rule.context ?? []) {
      assert.ok(g.length > 0, `${key}: empty context group`);
      for (const p of g) assertPattern(key, p);
    }
    for (const p of rule.excludes ?? []) assertPattern(key, p);
  }
  const domainIds = new Set(DOMAINS.map((d) => d.id));
  const placeIds = new Set(JURISDICTIONS.map((j) => j.id));
  const regById = new Map(REGULATIONS.map((r) => [r.id, r]));
  for (const d of DOMAINS) {
    assert.ok(d.triggers.length > 0, `domain ${d.id} has no triggers`);
    assert.ok(hasFindings(d.findings), `domain ${d.id} has no findings`);
  }
  for (const r of REGULATIONS) {
    assert.ok(r.triggers.length > 0 || r.domains.length > 0, `regulation ${r.id} never fires`);
    assert.ok(r.jurisdictions.length > 0, `regulation ${r.id} has no jurisdiction`);
    for (const j of r.jurisdictions) {
      assert.ok(j === "*" || placeIds.has(j), `regulation ${r.id}: unknown place ${j}`);
    }
    for (const d of r.domains) {
      assert.ok(domainIds.has(d), `regulation ${r.id}: unknown domain ${d}`);
    }
    assert.ok(hasFindings(r.findings), `regulation ${r.id} has no findings`);
  }
  for (const j of JURISDICTIONS) {
    if (j.parent) assert.ok(placeIds.has(j.parent), `place ${j.id}: unknown parent ${j.parent}`);
    for (const p of j.signals ?? []) assertPattern(`place:${j.id}`, p);
    for (const id of j.privacy) {
      const reg = regById.get(id);
      assert.ok(reg, `place ${j.id}: unknown regulation ${id}`);
      assert.ok(reg.jurisdictions.includes(j.id), `${id} does not list ${j.id}`);
    }
  }
  for (const a of ALTERNATIVES) {
    assert.ok(a.products.length > 0, `alternative ${a.id} has no products`);
    assert.ok(hasFindings(a.findings), `alternative ${a.id} has no findings`);
  }
});

Deno.test("knowledge: findings are specific sentences, never templates or shared filler", () => {
  const owners = new Map<string, string>();
  const entries = [...JURISDICTIONS, ...DOMAINS, ...REGULATIONS, ...ALTERNATIVES];
  for (const e of entries) {
    const f = e.findings;
    const sentences = [
      ...(f.risks ?? []).flatMap((r) => [r.title, r.mitigation]),
      ...(f.requirements ?? []).flatMap((r) => [r.text, r.rationale]),
      ...(f.integrations ?? []).flatMap((i) => [i.name, i.purpose]),
      ...(f.data ?? []).flatMap((d) => [d.entity, d.notes]),
      ...(f.components ?? []).flatMap((c) => [c.name, c.responsibility]),
      ...(f.notes ?? []),
      ...(f.question ? [f.question] : []),
    ];
    for (const t of sentences) {
      assert.ok(t.trim().length > 0, `${e.id}: empty finding`);
      assert.ok(!/\$\{|\{\w+\}|<\w+>|TODO|lorem/i.test(t), `${e.id}: template text: ${t}`);
      assert.ok(t.length <= 2_000, `${e.id}: finding too long for the brief schema`);
      const owner = owners.get(t);
      assert.ok(!owner || owner === e.id, `"${t}" is in both ${owner} and ${e.id}`);
      owners.set(t, e.id);
    }
    if (f.question) assert.ok(f.question.endsWith("?"), `${e.id}: question without ?`);
  }
});

Deno.test("knowledge: findings that apply anywhere name no one region's law", () => {
  // Domain findings and rules for everywhere appear whatever place was named, so laws and
  // regions belong in regulations gated by jurisdiction (no GDPR in a Texas brief).
  const regional =
    /\b(?:GDPR|HIPAA|FCRA|COPPA|FERPA|TCPA|CASL|PECR|DPDP|LGPD|CCPA|ADA|FTC|FDA|MDR|DSA|DMCA|BAA|EU|US|UK|Gift Aid)\b/;
  const anywhere = [
    ...DOMAINS,
    ...REGULATIONS.filter((r) => r.jurisdictions.includes("*")),
  ];
  for (const e of anywhere) {
    const f = e.findings;
    const texts = [
      ...(f.risks ?? []).flatMap((r) => [r.title, r.mitigation]),
      ...(f.requirements ?? []).flatMap((r) => [r.text, r.rationale]),
      ...(f.integrations ?? []).flatMap((i) => [i.name, i.purpose]),
      ...(f.data ?? []).flatMap((d) => [d.entity, d.notes]),
      ...(f.components ?? []).flatMap((c) => [c.name, c.responsibility]),
      ...(f.notes ?? []),
      ...(f.question ? [f.question] : []),
    ];
    for (const t of texts) assert.ok(!regional.test(t), `${e.id} names a regional law: ${t}`);
  }
});

Deno.test("detect: currencies of other markets", () => {
  assert.deepEqual(ids(run("Plans start at R$ 49").jurisdictions), ["BR"]);
  assert.deepEqual(ids(run("Tickets cost £12").jurisdictions), ["GB"]);
  assert.deepEqual(ids(run("Around 30 euros a month").jurisdictions), ["EU"]);
  assert.deepEqual(ids(run("Priced at 500 yen").jurisdictions), ["JP"]);
  assert.deepEqual(ids(run("Pay with Venmo or Zelle").jurisdictions), ["US"]);
  // Dollars alone name no country.
  assert.deepEqual(ids(run("It costs $8 a month").jurisdictions), []);
});

Deno.test("detect: payments put off for later bring no PCI DSS", () => {
  const d = run("A recipe sharing site", "~maybe card payments later");
  assertLacks(d, ["payments", "pci-dss"]);
});

function hasFindings(f: import("./knowledge/types.ts").Findings): boolean {
  return [f.risks, f.requirements, f.integrations, f.data, f.components, f.notes]
    .some((l) => (l?.length ?? 0) > 0);
}
