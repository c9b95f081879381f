/** Answers the benchmark clients give, in order: a dog-walking marketplace. */
export const BENCH_ANSWERS = [
  "A marketplace where dog owners book trusted walkers and pay in the app",
  "Dog owners and walkers, many of them students",
  "iOS and Android",
  "Booking, payments, reviews and GPS tracking",
  "5,000 users in year one",
  "€40k and 4 months",
  "GDPR",
  "no",
  "no",
];
