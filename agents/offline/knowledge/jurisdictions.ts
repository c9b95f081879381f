/**
 * Places the person can name, as jurisdictions: countries, US states and big cities, Indian
 * states and cities, EU members and their capitals, UK nations, Canadian and Australian states,
 * and more, each with the data-protection regimes in force (ids of entries in regulations.ts)
 * and hosting or residency notes. Currencies, demonyms and payment rails are weaker `signals`,
 * used only when no place is named.
 *
 * A country listed with no `privacy` is one the engine recognises but has no rules for: the
 * brief says so instead of guessing.
 *
 * @module
 */
import type { Findings, JurisdictionEntry, Pattern } from "./types.ts";

const NONE: Findings = {};

/** A state, province or nation inside `parent`, recognised by its name and cities. */
function sub(
  id: string,
  label: string,
  parent: string,
  triggers: readonly Pattern[],
  privacy: readonly string[] = [],
  findings: Findings = NONE,
): JurisdictionEntry {
  return { id, label, parent, triggers, privacy, findings };
}

/** A country the engine recognises but has no rules for. */
function bare(id: string, label: string, triggers: readonly Pattern[]): JurisdictionEntry {
  return { id, label, triggers, privacy: [], findings: NONE };
}

/** People nouns after a demonym: "Indian farmers" is a signal, "Indian restaurant" is not. */
const PEOPLE =
  "(?:users|customers|people|residents|citizens|businesses|companies|market|families|students|patients|farmers|smes|merchants|consumers|buyers|sellers|workers|employees|dentists|doctors|clinics|teachers|schools|hospitals|landlords|tenants|drivers|freelancers|startups|retailers|shopkeepers|parents|women|creators|developers|nurses|lawyers)";

const US_STATE_PRIVACY = ["us-state-privacy"];

/** Every jurisdiction, countries before their parts (order does not change detection). */
export const JURISDICTIONS: readonly JurisdictionEntry[] = [
  // --- United States -------------------------------------------------------------------
  {
    id: "US",
    label: "United States",
    triggers: [
      "united states",
      "usa",
      "u\\.s\\.(?:a\\.)?",
      "the us",
      "us[- ](?:based|only|market|customers|users|companies|businesses|residents|citizens|wide|launch|states)",
      "(?:across|throughout) the states",
      "(?<!latin |south |central |north )\\bamerica",
      "nationwide in the us",
    ],
    signals: [
      "americans",
      `american ${PEOPLE}`,
      "usd",
      "us dollars?",
      "venmo",
      "zelle",
      "cash app",
      "social security numbers?",
      "ssns?",
      "401\\(k\\)",
      "the irs",
    ],
    privacy: ["us-ftc-act"],
    findings: {
      requirements: [{
        text:
          "Publish a privacy policy that matches what the product really collects and shares, and honour it",
        rationale:
          "The US has no general privacy law, but the FTC treats a broken privacy promise as a deceptive practice (FTC Act section 5)",
      }],
      notes: [
        "No US law requires US hosting for private-sector data; US business customers' security questionnaires usually expect a US region and a SOC 2 report",
      ],
    },
  },
  sub("US-AL", "Alabama", "US", ["alabama", "montgomery, al", "birmingham, al(?:abama)?"]),
  sub("US-AK", "Alaska", "US", ["alaska", "anchorage"]),
  sub("US-AZ", "Arizona", "US", ["arizona", "phoenix, az", "in phoenix", "tucson", "scottsdale"]),
  sub("US-AR", "Arkansas", "US", ["arkansas", "little rock"]),
  sub(
    "US-CA",
    "California",
    "US",
    [
      "california",
      "san francisco",
      "bay area",
      "silicon valley",
      "los angeles",
      "san diego",
      "san jose",
      "oakland",
      "sacramento",
      "palo alto",
    ],
    ["us-ccpa"],
    {
      notes: [
        "California residents can opt out of the sale or sharing of their data, and ad-tech pixels count as sharing under the CPRA",
      ],
    },
  ),
  sub(
    "US-CO",
    "Colorado",
    "US",
    ["colorado", "denver", "boulder, co", "in boulder"],
    US_STATE_PRIVACY,
  ),
  sub("US-CT", "Connecticut", "US", ["connecticut", "hartford", "new haven"], US_STATE_PRIVACY),
  sub("US-DE", "Delaware", "US", ["delaware", "wilmington, de"], US_STATE_PRIVACY),
  sub("US-DC", "District of Columbia", "US", ["washington,? d\\.?c\\.?", "district of columbia"]),
  sub("US-FL", "Florida", "US", [
    "florida",
    "miami",
    "orlando, fl",
    "in orlando",
    "tampa",
    "jacksonville",
  ]),
  sub("US-GA", "Georgia", "US", ["georgia", "atlanta", "savannah, ga", "in savannah"]),
  sub("US-HI", "Hawaii", "US", ["hawaii", "honolulu"]),
  sub("US-ID", "Idaho", "US", ["idaho", "boise"]),
  sub("US-IL", "Illinois", "US", ["illinois", "chicago"]),
  sub("US-IN", "Indiana", "US", ["indiana", "indianapolis"], US_STATE_PRIVACY),
  sub("US-IA", "Iowa", "US", ["iowa", "des moines"], US_STATE_PRIVACY),
  sub("US-KS", "Kansas", "US", ["kansas(?! city)", "wichita"]),
  sub("US-KY", "Kentucky", "US", ["kentucky", "louisville"], US_STATE_PRIVACY),
  sub("US-LA", "Louisiana", "US", ["louisiana", "new orleans", "baton rouge"]),
  sub("US-ME", "Maine", "US", ["maine", "portland, me(?:aine)?"]),
  sub("US-MD", "Maryland", "US", ["maryland", "baltimore"], US_STATE_PRIVACY),
  sub("US-MA", "Massachusetts", "US", ["massachusetts", "boston", "cambridge, ma"]),
  sub("US-MI", "Michigan", "US", ["michigan", "detroit", "ann arbor"]),
  sub("US-MN", "Minnesota", "US", ["minnesota", "minneapolis", "st\\.? paul"], US_STATE_PRIVACY),
  sub("US-MS", "Mississippi", "US", ["mississippi", "jackson, ms"]),
  sub("US-MO", "Missouri", "US", ["missouri", "st\\.? louis", "kansas city"]),
  sub("US-MT", "Montana", "US", ["montana", "billings"], US_STATE_PRIVACY),
  sub("US-NE", "Nebraska", "US", ["nebraska", "omaha"], US_STATE_PRIVACY),
  sub("US-NV", "Nevada", "US", ["nevada", "las vegas", "reno"]),
  sub("US-NH", "New Hampshire", "US", ["new hampshire"], US_STATE_PRIVACY),
  sub("US-NJ", "New Jersey", "US", ["new jersey", "newark", "jersey city"], US_STATE_PRIVACY),
  sub("US-NM", "New Mexico", "US", ["new mexico", "albuquerque", "santa fe"]),
  sub("US-NY", "New York", "US", ["new york(?! city)", "ny state", "upstate", "buffalo", "albany"]),
  sub("US-NY-NYC", "New York City", "US-NY", [
    "new york city",
    "nyc",
    "manhattan",
    "brooklyn",
    "the bronx",
    "staten island",
  ]),
  sub("US-NC", "North Carolina", "US", [
    "north carolina",
    "charlotte, nc",
    "in charlotte",
    "raleigh",
  ]),
  sub("US-ND", "North Dakota", "US", ["north dakota", "fargo"]),
  sub("US-OH", "Ohio", "US", ["ohio", "columbus, oh(?:io)?", "cleveland", "cincinnati"]),
  sub("US-OK", "Oklahoma", "US", ["oklahoma", "tulsa"]),
  sub("US-OR", "Oregon", "US", ["oregon", "portland(?!, me)"], US_STATE_PRIVACY),
  sub("US-PA", "Pennsylvania", "US", ["pennsylvania", "philadelphia", "pittsburgh"]),
  sub("US-RI", "Rhode Island", "US", ["rhode island", "providence, ri"], US_STATE_PRIVACY),
  sub("US-SC", "South Carolina", "US", ["south carolina", "charleston, sc"]),
  sub("US-SD", "South Dakota", "US", ["south dakota", "sioux falls"]),
  sub("US-TN", "Tennessee", "US", ["tennessee", "nashville", "memphis"], US_STATE_PRIVACY),
  sub("US-TX", "Texas", "US", [
    "texas",
    "houston",
    "dallas",
    "austin, tx",
    "(?:in|around|near|from|across) austin",
    "austin, texas",
    "san antonio",
    "fort worth",
    "el paso",
    "dfw",
  ], ["us-tdpsa"]),
  sub("US-UT", "Utah", "US", ["utah", "salt lake city"], US_STATE_PRIVACY),
  sub("US-VT", "Vermont", "US", ["vermont", "burlington, vt"]),
  sub(
    "US-VA",
    "Virginia",
    "US",
    ["(?<!west )virginia", "richmond, va", "arlington, va"],
    US_STATE_PRIVACY,
  ),
  sub("US-WA", "Washington", "US", [
    "washington state",
    "seattle",
    "spokane",
    "tacoma",
    "bellevue",
  ], ["us-wa-mhmda"]),
  sub("US-WV", "West Virginia", "US", ["west virginia"]),
  sub("US-WI", "Wisconsin", "US", ["wisconsin", "milwaukee", "madison, wi"]),
  sub("US-WY", "Wyoming", "US", ["wyoming", "cheyenne"]),
  sub("US-PR", "Puerto Rico", "US", ["puerto rico", "san juan"]),

  // --- Canada --------------------------------------------------------------------------
  {
    id: "CA",
    label: "Canada",
    triggers: ["canada"],
    signals: ["canadians", `canadian ${PEOPLE}`, "cad ?\\$", "\\d+ ?cad", "c\\$", "interac"],
    privacy: ["ca-pipeda"],
    findings: {
      notes: [
        "PIPEDA allows hosting outside Canada if users are told their data may be accessed under foreign law; a Canadian region (Montreal, Toronto, Calgary) avoids the question for public-sector and health customers",
      ],
    },
  },
  sub("CA-ON", "Ontario", "CA", ["ontario", "toronto", "ottawa", "mississauga", "hamilton, on"]),
  sub("CA-QC", "Quebec", "CA", ["qu[eé]bec", "montr[eé]al", "laval"], ["ca-qc-law25"], {
    requirements: [{
      text:
        "Run a privacy impact assessment before personal information of Quebec residents is stored or processed outside Quebec",
      rationale: "Quebec Law 25 (Act respecting the protection of personal information, s. 17)",
    }, {
      text: "Offer the product, its terms and its privacy notice in French",
      rationale: "Quebec Charter of the French Language as amended by Bill 96",
    }],
  }),
  sub("CA-BC", "British Columbia", "CA", ["british columbia", "vancouver(?!, wa)"], ["ca-pipa"]),
  sub("CA-AB", "Alberta", "CA", ["alberta", "calgary", "edmonton"], ["ca-pipa"]),
  sub("CA-MB", "Manitoba", "CA", ["manitoba", "winnipeg"]),
  sub("CA-SK", "Saskatchewan", "CA", [
    "saskatchewan",
    "regina, sk(?:atchewan)?",
    "in regina",
    "saskatoon",
  ]),
  sub("CA-NS", "Nova Scotia", "CA", ["nova scotia", "halifax"]),
  sub("CA-NB", "New Brunswick", "CA", ["new brunswick", "fredericton", "moncton"]),
  sub("CA-NL", "Newfoundland and Labrador", "CA", ["newfoundland", "labrador"]),
  sub("CA-PE", "Prince Edward Island", "CA", ["prince edward island", "charlottetown"]),

  // --- United Kingdom ------------------------------------------------------------------
  {
    id: "GB",
    label: "United Kingdom",
    triggers: [
      "uk",
      "u\\.k\\.",
      "united kingdom",
      "great britain",
      "britain",
      "nhs",
      "hmrc",
      "gift aid",
      "companies house",
    ],
    signals: ["£", "gbp", "pounds? sterling", `british ${PEOPLE}`, "quid"],
    privacy: ["uk-gdpr"],
    findings: {
      notes: [
        "UK adequacy covers hosting in the EU; US sub-processors need the UK Extension to the EU–US Data Privacy Framework or an IDTA, and a London region avoids the question",
      ],
    },
  },
  sub("GB-ENG", "England", "GB", [
    "(?<!new )\\bengland",
    "london",
    "manchester",
    "birmingham(?!, al)",
    "leeds",
    "liverpool",
    "bristol",
    "sheffield",
    "newcastle(?!,? nsw)",
    "nottingham",
    "oxford",
    "brighton",
  ]),
  sub(
    "GB-SCT",
    "Scotland",
    "GB",
    ["scotland", "scottish", "edinburgh", "glasgow", "aberdeen", "dundee"],
    [],
    {
      notes: [
        "Scottish public bodies and charities are regulated separately (OSCR for charities, the Scottish Information Commissioner for FOI requests)",
      ],
    },
  ),
  sub("GB-WLS", "Wales", "GB", ["(?<!south )\\bwales", "welsh", "cardiff", "swansea"], [], {
    notes: [
      "Welsh public bodies must offer services in Welsh under the Welsh Language Standards",
    ],
  }),
  sub("GB-NIR", "Northern Ireland", "GB", ["northern ireland", "belfast", "derry"]),

  // --- European Union and EEA ----------------------------------------------------------
  {
    id: "EU",
    label: "European Union",
    triggers: [
      // "eu" alone is also Portuguese for "I": only in English phrasing.
      "(?:the|in|across|within|to|for|from|outside|inside|throughout) (?:the )?eu",
      "eu[- ](?:based|only|market|customers|users|citizens|residents|countries|member states?|wide|hosting|region|data|law|rules|launch)",
      "(?:uk|us|usa) (?:and|&|/|or) (?:the )?eu",
      "eu (?:and|&|/|or) (?:the )?(?:uk|us|usa)",
      "e\\.u\\.",
      "european union",
      "europe",
      "eea",
      "schengen",
    ],
    signals: ["€", "eur", "euros?", "sepa", "europeans", `european ${PEOPLE}`],
    privacy: ["eu-gdpr"],
    findings: {
      requirements: [{
        text:
          "Host personal data in an EU region, or document the transfer basis (EU–US Data Privacy Framework or standard contractual clauses) for every non-EU sub-processor",
        rationale: "GDPR Chapter V restricts transfers of personal data out of the EEA",
      }],
    },
  },
  sub("AT", "Austria", "EU", ["austria", "vienna", "wien", "graz", "salzburg"]),
  sub("BE", "Belgium", "EU", ["belgium", "brussels", "antwerp", "ghent"]),
  sub("BG", "Bulgaria", "EU", ["bulgaria", "sofia, bulgaria", "in sofia"]),
  sub("HR", "Croatia", "EU", ["croatia", "zagreb"]),
  sub("CY", "Cyprus", "EU", ["cyprus", "nicosia", "limassol"]),
  sub("CZ", "Czechia", "EU", ["czechia", "czech republic", "prague", "brno"]),
  sub("DK", "Denmark", "EU", ["denmark", "copenhagen", "aarhus"]),
  sub("EE", "Estonia", "EU", ["estonia", "tallinn"]),
  sub("FI", "Finland", "EU", ["finland", "helsinki"]),
  sub("FR", "France", "EU", [
    "france",
    "paris(?!,? (?:tx|texas))",
    "lyon",
    "marseille",
    "toulouse",
    "bordeaux",
    "lille",
  ]),
  sub("DE", "Germany", "EU", [
    "germany",
    "deutschland",
    "berlin",
    "munich",
    "münchen",
    "hamburg",
    "frankfurt",
    "cologne",
    "köln",
    "stuttgart",
    "düsseldorf",
    "dusseldorf",
    "leipzig",
  ]),
  sub("GR", "Greece", "EU", ["greece", "athens", "thessaloniki"]),
  sub("HU", "Hungary", "EU", ["hungary", "budapest"]),
  sub("IE", "Ireland", "EU", ["(?<!northern )ireland", "dublin", "galway", "cork, ireland"]),
  sub("IT", "Italy", "EU", [
    "italy",
    "rome",
    "milan",
    "milano",
    "naples",
    "turin",
    "florence, italy",
    "in florence",
    "bologna",
  ]),
  sub("LV", "Latvia", "EU", ["latvia", "riga"]),
  sub("LT", "Lithuania", "EU", ["lithuania", "vilnius"]),
  sub("LU", "Luxembourg", "EU", ["luxembourg"]),
  sub("MT", "Malta", "EU", ["malta", "valletta"]),
  sub("NL", "Netherlands", "EU", [
    "netherlands",
    "holland",
    "amsterdam",
    "rotterdam",
    "the hague",
    "utrecht",
    "eindhoven",
  ]),
  sub("PL", "Poland", "EU", ["poland", "warsaw", "krak[oó]w", "wroc[lł]aw", "gda[nń]sk"]),
  sub("PT", "Portugal", "EU", ["portugal", "lisbon", "lisboa", "porto(?! alegre)"]),
  sub("RO", "Romania", "EU", ["romania", "bucharest", "cluj"]),
  sub("SK", "Slovakia", "EU", ["slovakia", "bratislava"]),
  sub("SI", "Slovenia", "EU", ["slovenia", "ljubljana"]),
  sub("ES", "Spain", "EU", [
    "spain",
    "madrid",
    "barcelona",
    "valencia",
    "seville",
    "sevilla",
    "bilbao",
    "málaga",
    "malaga",
  ]),
  sub("SE", "Sweden", "EU", ["sweden", "stockholm", "gothenburg", "malmö", "malmo"]),
  {
    id: "NO",
    label: "Norway",
    triggers: ["norway", "oslo", "bergen"],
    signals: ["nok", "norwegian kroner?"],
    privacy: ["eu-gdpr"],
    findings: NONE,
  },
  {
    id: "IS",
    label: "Iceland",
    triggers: ["iceland", "reykjav[ií]k"],
    privacy: ["eu-gdpr"],
    findings: NONE,
  },
  {
    id: "LI",
    label: "Liechtenstein",
    triggers: ["liechtenstein", "vaduz"],
    privacy: ["eu-gdpr"],
    findings: NONE,
  },
  {
    id: "CH",
    label: "Switzerland",
    triggers: ["switzerland", "zurich", "zürich", "geneva", "basel", "lausanne", "bern"],
    signals: ["chf", "swiss francs?", `swiss ${PEOPLE}`],
    privacy: ["ch-fadp"],
    findings: NONE,
  },

  // --- India ---------------------------------------------------------------------------
  {
    id: "IN",
    label: "India",
    triggers: ["india", "bharat", "pan[- ]india"],
    signals: [
      "₹",
      "rs\\.? ?\\d[\\d,]*",
      "inr",
      "rupees?",
      "lakhs?",
      "crores?",
      "upi",
      "paytm",
      "aadhaar",
      "indians",
      `indian ${PEOPLE}`,
    ],
    privacy: ["in-dpdp"],
    findings: {
      notes: [
        "The DPDP Act lets personal data leave India except to countries the government restricts; an Indian region (Mumbai, Hyderabad) is still what enterprise and public-sector buyers ask for",
      ],
    },
  },
  sub("IN-MH", "Maharashtra", "IN", [
    "maharashtra",
    "mumbai",
    "bombay",
    "pune",
    "nagpur",
    "thane",
    "nashik",
  ]),
  sub("IN-KA", "Karnataka", "IN", [
    "karnataka",
    "bengaluru",
    "bangalore",
    "mysuru",
    "mysore",
    "mangaluru",
  ]),
  sub("IN-TN", "Tamil Nadu", "IN", ["tamil nadu", "chennai", "madras", "coimbatore", "madurai"]),
  sub("IN-DL", "Delhi", "IN", ["delhi", "new delhi", "ncr"]),
  sub("IN-TG", "Telangana", "IN", ["telangana", "hyderabad(?!, pakistan)", "secunderabad"]),
  sub("IN-AP", "Andhra Pradesh", "IN", ["andhra pradesh", "visakhapatnam", "vijayawada"]),
  sub("IN-WB", "West Bengal", "IN", ["west bengal", "kolkata", "calcutta"]),
  sub("IN-GJ", "Gujarat", "IN", ["gujarat", "ahmedabad", "surat", "vadodara"]),
  sub("IN-KL", "Kerala", "IN", ["kerala", "kochi", "cochin", "thiruvananthapuram", "trivandrum"]),
  sub("IN-RJ", "Rajasthan", "IN", ["rajasthan", "jaipur", "udaipur", "jodhpur"]),
  sub("IN-UP", "Uttar Pradesh", "IN", [
    "uttar pradesh",
    "lucknow",
    "noida",
    "kanpur",
    "varanasi",
    "agra",
  ]),
  sub("IN-HR", "Haryana", "IN", ["haryana", "gurgaon", "gurugram", "faridabad"]),
  sub("IN-PB", "Punjab", "IN", ["punjab(?!, pakistan)", "chandigarh", "ludhiana", "amritsar"]),
  sub("IN-GA", "Goa", "IN", ["goa", "panaji"]),
  sub("IN-MP", "Madhya Pradesh", "IN", ["madhya pradesh", "indore", "bhopal"]),
  sub("IN-BR", "Bihar", "IN", ["bihar", "patna"]),
  sub("IN-OR", "Odisha", "IN", ["odisha", "bhubaneswar"]),
  sub("IN-AS", "Assam", "IN", ["assam", "guwahati"]),

  // --- Other countries with rules ------------------------------------------------------
  {
    id: "BR",
    label: "Brazil",
    triggers: [
      "brazil",
      "brasil",
      "s[aã]o paulo",
      "rio de janeiro",
      "bras[ií]lia",
      "belo horizonte",
      "porto alegre",
      "curitiba",
      "recife",
      "salvador, bahia",
    ],
    signals: [
      "r\\$",
      "reais",
      "brl",
      "brazilians",
      `brazilian ${PEOPLE}`,
      "pix (?:payments?|transfers?|keys?)",
    ],
    privacy: ["br-lgpd"],
    findings: {
      notes: [
        "LGPD transfers out of Brazil need an adequacy decision or the ANPD's standard contractual clauses (Resolution 19/2024); a São Paulo region avoids the question",
      ],
    },
  },
  {
    id: "KE",
    label: "Kenya",
    triggers: ["kenya", "nairobi", "mombasa", "kisumu", "nakuru", "eldoret"],
    signals: [
      "ksh\\.?",
      "kes",
      "kenyan shillings?",
      "shillings?",
      "m-?pesa",
      "kenyans",
      `kenyan ${PEOPLE}`,
      "safaricom",
    ],
    privacy: ["ke-dpa"],
    findings: {
      requirements: [{
        text:
          "Register with the Office of the Data Protection Commissioner before processing personal data of people in Kenya",
        rationale:
          "Kenya Data Protection Act 2019 and the Registration Regulations 2021 (most businesses that process data above small thresholds must register)",
      }],
    },
  },
  {
    id: "NG",
    label: "Nigeria",
    triggers: ["nigeria", "lagos", "abuja", "kano", "ibadan", "port harcourt", "enugu"],
    signals: ["naira", "₦", "ngn", "nigerians", `nigerian ${PEOPLE}`, "paystack", "flutterwave"],
    privacy: ["ng-ndpa"],
    findings: {
      notes: [
        "The Nigeria Data Protection Act lets data leave Nigeria only to places with adequate protection or under approved safeguards; data controllers of major importance register with the NDPC",
      ],
    },
  },
  {
    id: "SG",
    label: "Singapore",
    triggers: ["singapore"],
    signals: ["sgd", "s\\$", "singaporeans", `singaporean ${PEOPLE}`, "paynow"],
    privacy: ["sg-pdpa"],
    findings: {
      notes: [
        "Under the PDPA's Transfer Limitation Obligation, overseas hosts must protect data to a comparable standard (contract clauses do it); a Singapore region is the default for regional customers",
      ],
    },
  },
  {
    id: "JP",
    label: "Japan",
    triggers: ["japan", "tokyo", "osaka", "kyoto", "yokohama", "nagoya", "fukuoka", "sapporo"],
    signals: ["yen", "¥", "jpy", `japanese ${PEOPLE}`],
    privacy: ["jp-appi"],
    findings: {
      notes: [
        "APPI lets personal data go abroad only with the person's informed consent or to a recipient with an equivalent protection system; Tokyo and Osaka regions keep it in Japan",
      ],
    },
  },
  {
    id: "AU",
    label: "Australia",
    triggers: ["australia", "oz market"],
    signals: ["aud", "a\\$", "australians", `australian ${PEOPLE}`, `aussie ${PEOPLE}`],
    privacy: ["au-privacy-act"],
    findings: {
      notes: [
        "APP 8 keeps the Australian business accountable for what overseas hosts do with personal information; Sydney and Melbourne regions avoid it",
      ],
    },
  },
  sub("AU-NSW", "New South Wales", "AU", ["new south wales", "nsw", "sydney", "newcastle, nsw"]),
  sub("AU-VIC", "Victoria", "AU", ["victoria, australia", "melbourne", "geelong"]),
  sub("AU-QLD", "Queensland", "AU", ["queensland", "brisbane", "gold coast"]),
  sub("AU-WA", "Western Australia", "AU", ["western australia", "perth"]),
  sub("AU-SA", "South Australia", "AU", [
    "south australia",
    "adelaide, (?:sa|australia)",
    "in adelaide",
  ]),
  sub("AU-TAS", "Tasmania", "AU", ["tasmania", "hobart"]),
  sub("AU-ACT", "Australian Capital Territory", "AU", ["canberra"]),

  // --- Recognised, no rules (the brief says so) ----------------------------------------
  bare("MX", "Mexico", ["(?<!new )\\bmexico", "guadalajara", "monterrey"]),
  bare("AR", "Argentina", ["argentina", "buenos aires"]),
  bare("CO", "Colombia", ["colombia", "bogot[aá]", "medell[ií]n"]),
  bare("CL", "Chile", ["chile", "santiago de chile"]),
  bare("PE", "Peru", ["peru", "lima, peru"]),
  bare("ZA", "South Africa", ["south africa", "johannesburg", "cape town", "durban", "pretoria"]),
  bare("GH", "Ghana", ["ghana", "accra", "kumasi"]),
  bare("EG", "Egypt", ["egypt", "cairo"]),
  bare("UG", "Uganda", ["uganda", "kampala"]),
  bare("TZ", "Tanzania", ["tanzania", "dar es salaam"]),
  bare("RW", "Rwanda", ["rwanda", "kigali"]),
  bare("ET", "Ethiopia", ["ethiopia", "addis ababa"]),
  bare("MA", "Morocco", ["morocco", "casablanca", "rabat", "marrakesh"]),
  bare("AE", "United Arab Emirates", ["uae", "united arab emirates", "dubai", "abu dhabi"]),
  bare("SA", "Saudi Arabia", ["saudi arabia", "saudi", "riyadh", "jeddah"]),
  bare("IL", "Israel", ["israel", "tel aviv", "jerusalem"]),
  bare("TR", "Turkey", ["turkey(?! sandwich)", "türkiye", "istanbul", "ankara"]),
  bare("PK", "Pakistan", ["pakistan", "karachi", "lahore", "islamabad"]),
  bare("BD", "Bangladesh", ["bangladesh", "dhaka"]),
  bare("LK", "Sri Lanka", ["sri lanka", "colombo"]),
  bare("NP", "Nepal", ["nepal", "kathmandu"]),
  bare("CN", "China", ["china", "beijing", "shanghai", "shenzhen", "guangzhou"]),
  bare("HK", "Hong Kong", ["hong kong"]),
  bare("TW", "Taiwan", ["taiwan", "taipei"]),
  bare("KR", "South Korea", ["south korea", "(?<!north )\\bkorea", "seoul", "busan"]),
  bare("ID", "Indonesia", ["indonesia", "jakarta", "bali", "surabaya"]),
  bare("MY", "Malaysia", ["malaysia", "kuala lumpur"]),
  bare("TH", "Thailand", ["thailand", "bangkok"]),
  bare("VN", "Vietnam", ["vietnam", "viet nam", "hanoi", "ho chi minh"]),
  bare("PH", "Philippines", ["philippines", "manila", "cebu"]),
  bare("NZ", "New Zealand", ["new zealand", "auckland", "wellington"]),
  bare("UA", "Ukraine", ["ukraine", "kyiv", "kiev", "lviv"]),
];
