/**
 * Health: care of patients (where HIPAA can apply), consumer health and wellness apps (outside
 * HIPAA), and medical devices including software as a medical device.
 *
 * HIPAA needs patient data handled by or for a covered entity (a provider, health plan or
 * clearing house): the word "nurses" or "health" alone switches nothing on.
 *
 * @module
 */
import type { DomainEntry, RegulationEntry } from "./types.ts";

/** Words that show patient health data is handled, not merely health mentioned. */
const PATIENT_DATA = [
  // Plural or with a determiner: "be patient" is not a patient.
  "patients",
  "(?:a|the|each|every|my|our|their|your|new) patient",
  "patient (?:data|records?|information|charts?|notes?)",
  "medical (?:records?|histor(?:y|ies)|data|notes?)",
  "health (?:records?|data|information)",
  "diagnos(?:is|es|e|ed|ing)",
  "prescriptions?",
  "treatment (?:plans?|notes?|records?)",
  "clinical notes?",
  "lab results?",
  "ehrs?",
  "emrs?",
  "medications? (?:given|administered|records?|logs?|lists?|schedules?)",
  "medication administration",
  "care (?:notes|records|logs|plans?)",
  "vital signs",
  "vitals",
];

/** Health domains. */
export const HEALTH_DOMAINS: readonly DomainEntry[] = [
  {
    id: "clinical-care",
    label: "Patient care and medical records",
    stakes: 10,
    weeks: 4,
    triggers: [
      ...PATIENT_DATA,
      "telehealth",
      "telemedicine",
      "clinics?",
      "hospitals?",
      "(?:medical|dental|physio(?:therapy)?|therapy) practices?",
      "doctors? appointments?",
      "home health",
    ],
    context: [[
      ...PATIENT_DATA,
      "telehealth",
      "telemedicine",
      "(?:therapy|counsel(?:l)?ing) sessions?",
      "session notes",
      "clients'? (?:notes|records|sessions)",
    ]],
    findings: {
      requirements: [
        {
          text:
            "Access to patient records is limited to the care relationship and every read is logged",
          rationale: "Health-record access must be auditable to investigate snooping and breaches",
        },
        {
          text:
            "Clinicians can correct records but never silently overwrite them: keep an amendment history",
          rationale: "Medical records are legal documents; changes must be traceable",
        },
      ],
      risks: [
        {
          title: "Patient records leak through a misconfigured store or an over-broad staff role",
          category: "security",
          likelihood: "medium",
          impact: "high",
          mitigation:
            "Encryption at rest, role-based access per clinic, break-glass access with review, yearly penetration test",
        },
        {
          title: "Clinicians see patients in other states or countries without a licence there",
          category: "legal",
          likelihood: "medium",
          impact: "high",
          mitigation:
            "Record each clinician's licensed jurisdictions and route patients only to clinicians licensed where the patient is",
        },
      ],
      data: [{
        entity: "Patient record",
        notes: "Encrypted, access-logged, amendments kept; retention follows medical-records law",
      }],
      integrations: [{
        name: "EHR integration over HL7 FHIR (later)",
        purpose: "Exchange records with clinics' existing systems instead of double entry",
      }],
      question:
        "Will clinics or other health providers use the product to keep or share their patients' records, or do patients enter their own data?",
    },
  },
  {
    id: "consumer-health",
    label: "Consumer health and wellness app",
    stakes: 7,
    weeks: 1.5,
    triggers: [
      "fitness (?:app|tracking|tracker|data|goals?)",
      "workout (?:tracking|tracker|logs?|plans?)",
      "period track\\w*",
      "menstrua\\w+",
      "fertility",
      "ovulation",
      "pregnancy (?:tracking|app|tracker)",
      "sleep (?:tracking|tracker|data)",
      "mood (?:tracking|tracker|journal)",
      "mental health",
      "meditation",
      "wellness",
      "calorie (?:counting|tracking|tracker)",
      "nutrition tracking",
      "weight loss",
      "symptom (?:checker|tracker|tracking|diary|log)",
      "heart rate",
      "step count\\w*",
      "blood (?:pressure|sugar|glucose) (?:log|logging|tracking|readings?)",
      "health tracking",
      "track(?:s|ing)? (?:\\w+ ){0,3}(?:sleep|moods?|periods?|cycles?|workouts?|calories|weight|symptoms|steps|heart rate|blood pressure|glucose|meals)",
    ],
    findings: {
      requirements: [{
        text:
          "Ask for explicit opt-in before any health-related data is shared with advertisers or analytics vendors, and ship no ad-tech pixels on health screens",
        rationale:
          "Health data shared through tracking pixels is what recent privacy enforcement has targeted",
      }],
      risks: [{
        title: "Wellness content or scores are read as medical advice",
        category: "safety",
        likelihood: "medium",
        impact: "medium",
        mitigation:
          "Say what the app is not (a diagnosis or treatment), and point to a professional when readings are out of range",
      }],
      integrations: [{
        name: "Apple HealthKit and Health Connect (Android)",
        purpose: "Read steps, sleep and heart rate the phone or watch already records",
      }],
      data: [{
        entity: "Health log entry",
        notes:
          "Sensitive even where no health-privacy law applies: encrypted, never sent to ad or analytics SDKs",
      }],
      question:
        "Will the app share any health readings or logs with third parties such as insurers, employers or advertisers?",
    },
  },
  {
    id: "mental-health",
    label: "Mental health",
    stakes: 8,
    weeks: 1.5,
    triggers: [
      "mental health",
      "mood (?:tracking|tracker|journal\\w*|diary)",
      "anxiety",
      "depression",
      "(?:online |video )?therapy (?:sessions?|platform|app)",
      "counsel(?:l)?ing",
      "psycholog(?:ists?|ical)",
      "psychotherap\\w+",
      "stress (?:management|relief)",
      "wellbeing journal",
    ],
    findings: {
      requirements: [{
        text:
          "Recognise signs of crisis (self-harm, suicide) in what people write or say, and show the crisis line of the user's country at once (for example 988, or Samaritans on 116 123)",
        rationale:
          "A mental-health product will meet users in crisis and must not leave them without help",
      }],
      risks: [{
        title: "A user in crisis gets no response, or an automated reply that makes it worse",
        category: "safety",
        likelihood: "medium",
        impact: "high",
        mitigation:
          "Written emergency protocol, crisis keywords routed to people or hotlines, clinician review of any automated responses",
      }],
    },
  },
  {
    id: "medical-device",
    label: "Medical device or software as a medical device (SaMD)",
    stakes: 10,
    weeks: 8,
    triggers: [
      "medical devices?",
      "samd",
      "software as a medical device",
      "(?:pill|medication|medicine|drug) dispens\\w+",
      "dispens\\w+ (?:pills|medication|medicines|doses)",
      "insulin (?:pumps?|dosing|calculators?)",
      "dose calculat\\w+",
      "dosage calculat\\w+",
      "(?:continuous )?glucose monitors?",
      "how much (?:insulin|medication|medicine)",
      "insulin (?:doses?|bolus)",
      "dose (?:suggestions?|recommendations?|advice)",
      "(?:suggest|recommend|calculat)\\w* (?:\\w+ )?(?:doses?|dosage)",
      "contracepti\\w+",
      "(?:avoid|prevent)(?:s|ing)? (?:an? )?(?:unwanted |unplanned )?pregnan(?:cy|cies)(?![ -]\\w)",
      "birth control",
      "cgms?",
      "blood pressure (?:monitors?|cuffs?)",
      "ecgs?",
      "ekgs?",
      "pulse oximeters?",
      "hearing aids?",
      "infusion pumps?",
      "detects? (?:arrhythmias?|atrial fibrillation|afib|cancer|melanoma|tumou?rs?|seizures?|strokes?)",
      "diagnos(?:e|es|tic|tics) (?:\\w+ ){0,3}(?:from|using|with|based on)",
      "fall detection",
      "clinical decision support",
    ],
    excludes: ["toys?"],
    findings: {
      requirements: [
        {
          text:
            "Write the intended use in one sentence and have it classified (device class and route) before building features around it",
          rationale:
            "The intended use decides whether the product is a device at all and which route applies",
        },
        {
          text:
            "Plan clinical validation of what the device measures or advises, against a reference and in its intended users",
          rationale:
            "Regulators and clinicians ask for clinical evidence before clearance and adoption",
        },
        {
          text:
            "Run design controls from the first prototype: requirements, risk file, verification and traceability",
          rationale:
            "Reconstructing design history after the fact is the most expensive path to clearance",
        },
      ],
      risks: [
        {
          title: "The device harms a patient through a wrong dose, missed alarm or false reading",
          category: "safety",
          likelihood: "medium",
          impact: "high",
          mitigation:
            "Hazard analysis with mitigations verified by test, fail-safe defaults, alarms that escalate to a caregiver",
        },
        {
          title: "Regulatory clearance takes longer and costs more than the budget assumes",
          category: "financial",
          likelihood: "high",
          impact: "high",
          mitigation:
            "Pre-submission meeting with the regulator, a predicate or equivalent device identified early, regulatory consultant in the plan",
        },
      ],
      components: [{
        name: "Device event log",
        responsibility:
          "Tamper-evident record of doses, readings, alarms and faults for complaint handling and vigilance reporting",
      }],
      data: [{
        entity: "Device event",
        notes:
          "Timestamp, device serial, firmware version, event type; kept for post-market surveillance",
      }],
      question:
        "What exactly will the device decide or do for the patient (remind, dispense, measure, diagnose), and who acts on an alarm?",
    },
  },
];

/** Health regulations. */
export const HEALTH_REGULATIONS: readonly RegulationEntry[] = [
  {
    id: "us-hipaa",
    label: "HIPAA",
    triggers: ["hipaa", "business associate agreements?"],
    jurisdictions: ["US"],
    domains: ["clinical-care"],
    // A covered entity or its business associate: providers, health plans, clearing houses.
    context: [[
      "clinics?",
      "hospitals?",
      "(?:medical|dental|clinical|therapy|private) practices?",
      "(?:dental|medical|doctors?'?|physicians?'?|therapy|chiropract\\w+|optometr\\w+) (?:offices?|surgeries)",
      "(?:health ?care|medical|care) providers?",
      "doctors?",
      "physicians?",
      "therapists?",
      "dentists?",
      "pharmac(?:y|ies|ists?)",
      "health plans?",
      "insurers?",
      "ehrs?",
      "emrs?",
      "care teams?",
      "home (?:health|care) (?:agenc(?:y|ies)|aides?|nurses?|workers?|providers?)",
      "care agenc(?:y|ies)",
      "nurses?",
    ]],
    findings: {
      requirements: [
        {
          text:
            "Sign a business associate agreement with each clinic customer and with every vendor that touches patient data (hosting, e-mail, SMS)",
          rationale: "HIPAA Privacy and Security Rules, 45 CFR 164.502(e) and 164.308(b)",
        },
        {
          text:
            "Run and document a HIPAA security risk analysis before launch, and review it yearly",
          rationale: "45 CFR 164.308(a)(1); the most cited gap in OCR enforcement",
        },
      ],
      risks: [{
        title: "A vendor without a BAA (analytics, e-mail, chat widget) receives patient data",
        category: "compliance",
        likelihood: "medium",
        impact: "high",
        mitigation:
          "Inventory every third-party script and service on patient screens; use only HIPAA-eligible services with a signed BAA",
      }],
    },
  },
  {
    id: "ca-on-phipa",
    label: "PHIPA (Ontario health information)",
    triggers: ["phipa"],
    jurisdictions: ["CA-ON"],
    domains: ["clinical-care"],
    findings: {
      requirements: [{
        text:
          "Act as the custodian's agent or electronic service provider: log every access to health records and notify the custodian of any breach at the first reasonable opportunity",
        rationale:
          "Personal Health Information Protection Act 2004 (Ontario), s. 10 and 12; Alberta and Quebec have similar laws",
      }],
    },
  },
  {
    id: "br-lgpd-health",
    label: "LGPD sensitive personal data (health)",
    triggers: ["dados sens[ií]veis"],
    jurisdictions: ["BR"],
    domains: ["clinical-care", "consumer-health", "mental-health", "medical-device", "biometrics"],
    findings: {
      requirements: [{
        text:
          "Treat health and biometric data as sensitive personal data: specific, highlighted consent or another Art. 11 basis, and no sharing for economic advantage",
        rationale: "LGPD Art. 5 II and Art. 11",
      }],
    },
  },
  {
    id: "br-cfm-records",
    label: "CFM rules for medical records and telemedicine (Brazil)",
    triggers: ["cfm", "prontu[aá]rio", "sbis"],
    jurisdictions: ["BR"],
    domains: ["clinical-care"],
    findings: {
      requirements: [{
        text:
          "Keep electronic medical records (prontuário) to CFM rules, with SBIS-certified digital signatures for paperless records, and follow the CFM telemedicine resolution",
        rationale: "CFM Resolutions 1.821/2007 and 2.314/2022; Law 13.787/2018",
      }],
    },
  },
  {
    id: "ca-health-residency",
    label: "Provincial health-information laws (Canada)",
    triggers: ["provincial health privacy"],
    jurisdictions: ["CA"],
    domains: ["clinical-care", "mental-health"],
    findings: {
      requirements: [{
        text:
          "Host health data in Canada and follow the province's health-information law; clinicians must be licensed in the province where the client is",
        rationale:
          "PHIPA (Ontario), Quebec's Act respecting health and social services information, Alberta HIA; provincial regulatory colleges",
      }],
    },
  },
  {
    id: "us-ftc-hbnr",
    label: "FTC Health Breach Notification Rule",
    triggers: ["health breach notification rule", "hbnr"],
    jurisdictions: ["US"],
    domains: ["consumer-health", "mental-health"],
    findings: {
      requirements: [{
        text:
          "Notify users, the FTC and sometimes the media within 60 days of a breach of health data, including unauthorised sharing with advertisers",
        rationale:
          "FTC Health Breach Notification Rule (16 CFR 318, amended 2024) covers health apps outside HIPAA",
      }],
    },
  },
  {
    id: "us-wa-mhmda",
    label: "Washington My Health My Data Act",
    triggers: ["my health my data"],
    jurisdictions: ["US-WA"],
    domains: ["consumer-health", "clinical-care", "mental-health"],
    findings: {
      requirements: [{
        text:
          "Get separate consent to collect and to share consumer health data, publish a consumer health data privacy policy, and never geofence health facilities",
        rationale:
          "Washington My Health My Data Act (2024), with a private right of action; Nevada and Connecticut have similar rules",
      }],
    },
  },
  {
    id: "gdpr-special-category",
    label: "GDPR Art. 9 (special-category data)",
    triggers: ["special category data", "article 9"],
    jurisdictions: ["EU", "NO", "IS", "LI", "GB"],
    domains: ["clinical-care", "consumer-health", "mental-health", "medical-device", "biometrics"],
    findings: {
      requirements: [{
        text:
          "Get explicit consent (or another Art. 9 condition) for health or biometric data, and run a data-protection impact assessment before launch",
        rationale: "GDPR and UK GDPR Art. 9 and Art. 35",
      }],
    },
  },
  {
    id: "us-fda-device",
    label: "FDA medical device regulation (510(k), De Novo, QMSR)",
    triggers: ["fda", "510\\(k\\)", "de novo", "qmsr"],
    jurisdictions: ["US"],
    domains: ["medical-device"],
    findings: {
      requirements: [{
        text:
          "Decide the FDA pathway (exempt, 510(k) against a predicate, De Novo or PMA) and run a quality system that meets the QMSR (ISO 13485 based, in force February 2026)",
        rationale: "21 CFR 807 and 820; software functions follow FDA's device software guidance",
      }, {
        text: "Register the establishment and list the device before selling it in the US",
        rationale: "21 CFR 807 registration and listing; UDI labelling under 21 CFR 830",
      }],
    },
  },
  {
    id: "eu-mdr",
    label: "EU MDR (Regulation 2017/745)",
    triggers: ["eu mdr", "medical device regulation", "2017/745"],
    jurisdictions: ["EU", "NO", "IS", "LI"],
    domains: ["medical-device"],
    findings: {
      requirements: [{
        text:
          "Classify the device under MDR Annex VIII (software that informs treatment is usually class IIa or higher) and budget for a notified body",
        rationale: "MDR Rule 11 moved most medical software out of class I",
      }],
    },
  },
  {
    id: "uk-mdr",
    label: "UK Medical Devices Regulations 2002 (MHRA, UKCA)",
    triggers: ["mhra", "ukca medical"],
    jurisdictions: ["GB"],
    domains: ["medical-device"],
    findings: {
      requirements: [{
        text:
          "Register the device with the MHRA and appoint a UK Responsible Person if the manufacturer is outside the UK",
        rationale: "UK MDR 2002; CE marks are accepted in Great Britain until 2028–2030",
      }],
    },
  },
  {
    id: "in-cdsco-mdr",
    label: "Medical Devices Rules 2017 (CDSCO)",
    triggers: ["cdsco"],
    jurisdictions: ["IN"],
    domains: ["medical-device"],
    findings: {
      requirements: [{
        text:
          "Obtain a CDSCO manufacturing or import licence for the device class before selling in India",
        rationale:
          "Medical Devices Rules 2017; all device classes have been licensed since October 2023",
      }],
    },
  },
  {
    id: "au-tga",
    label: "TGA (Australian Register of Therapeutic Goods)",
    triggers: ["tga", "artg"],
    jurisdictions: ["AU"],
    domains: ["medical-device"],
    findings: {
      requirements: [{
        text: "Include the device in the ARTG through an Australian sponsor before supply",
        rationale: "Therapeutic Goods Act 1989; software-based devices are regulated since 2021",
      }],
    },
  },
  {
    id: "ca-health-canada-mdl",
    label: "Health Canada medical device licence",
    triggers: ["health canada"],
    jurisdictions: ["CA"],
    domains: ["medical-device"],
    findings: {
      requirements: [{
        text:
          "Obtain a medical device licence (class II and up) and an MDSAP audit certificate before selling in Canada",
        rationale: "Medical Devices Regulations SOR/98-282",
      }],
    },
  },
  {
    id: "iec-62304",
    label: "IEC 62304 and ISO 14971",
    triggers: ["iec 62304", "iso 14971", "iso 13485"],
    jurisdictions: ["*"],
    domains: ["medical-device"],
    findings: {
      requirements: [{
        text:
          "Follow IEC 62304 for device software (safety class, unit verification, SOUP list) and keep an ISO 14971 risk-management file",
        rationale: "The harmonised standards regulators expect for medical device software",
      }],
    },
  },
];
