import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
const gc = (globalThis as any).gc as () => void;
const nlp = winkNLP(model, ["sbd", "negation"]);
nlp.readDoc("warm up this reader.");
const N = Number(Deno.args[0]);
const prefix = Deno.args[1] ?? "zq";
for (let r = 0; r < 3; r++) {
gc(); gc(); const h0 = Deno.memoryUsage();
let words: string[] = [];
for (let i = 0; i < N; i++) {
  words.push(prefix + r + "q" + i.toString(36) + "x");
  if (words.length === 50) { nlp.readDoc(words.join(" ")); words = []; }
}
gc(); gc(); const h1 = Deno.memoryUsage();
console.log(N, "heap", h0.heapUsed, h1.heapUsed, "per token", ((h1.heapUsed - h0.heapUsed) / N).toFixed(1), "rss per token", ((h1.rss - h0.rss)/N).toFixed(1));
}
