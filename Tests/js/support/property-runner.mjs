// Runs the property tests' random cases: which seeds (a fixed default, so CI runs the same cases every
// time, and a few derived from it), one pseudo-random stream per case, and failures that name their seed,
// their case and the command that replays them.
//
//   DEVKIT_PROPERTY_SEED=<n>   the run's first seed (the others are derived from it)
//   DEVKIT_PROPERTY_CASE=<i>   with it, only case i of that seed runs (to replay one failure)
import assert from "node:assert/strict";
import { Random, mix } from "./random.mjs";

/** The run's first seed when DEVKIT_PROPERTY_SEED is not set. */
export const DEFAULT_SEED = 0x13c0ffee;

function envNumber(name) {
  const text = process.env[name];
  if (text === undefined || text === "") return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new Error(`${name} must be a whole number from 0 to 4294967295, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** The seeds of this run: DEVKIT_PROPERTY_SEED (or DEFAULT_SEED), then `count - 1` derived from it; one seed when replaying a case. */
export function runSeeds(count = 3) {
  const first = envNumber("DEVKIT_PROPERTY_SEED") ?? DEFAULT_SEED;
  if (envNumber("DEVKIT_PROPERTY_CASE") !== undefined) return [first];
  return [first, ...Array.from({ length: count - 1 }, (_, i) => mix(first, i + 1))];
}

/** The stream of case `index` of `seed`: the same choices on every run. */
export const caseRandom = (seed, index) => new Random(mix(seed, index));

/** The command that runs case `index` of `seed` again. */
export const replayCommand = (seed, index) =>
  `DEVKIT_PROPERTY_SEED=${seed} DEVKIT_PROPERTY_CASE=${index} node --test ${process.argv[1] || "Tests/js/"}`;

/**
 * Runs `session(random)` for `cases` cases of every seed of the run and returns the runs, each
 * { seed, index, report }. What escapes to the process meanwhile (an uncaught exception, an unhandled
 * rejection) is added to the report's crashes.
 */
export async function runSessions(session, { cases, seeds = runSeeds() }) {
  const only = envNumber("DEVKIT_PROPERTY_CASE");
  const runs = [];
  let current = null;
  const escaped = (kind) => (error) => current && current.push(`${kind}: ${error && error.stack ? error.stack : error}`);
  const onException = escaped("uncaughtException");
  const onRejection = escaped("unhandledRejection");
  process.on("uncaughtException", onException);
  process.on("unhandledRejection", onRejection);
  try {
    for (const seed of seeds) {
      for (let index = 0; index < cases; index++) {
        if (only !== undefined && index !== only) continue;
        current = [];
        const report = await session(caseRandom(seed, index));
        await new Promise((resolve) => setImmediate(resolve)); // stray errors of this case arrive while it is current
        report.crashes.push(...current);
        current = null;
        runs.push({ seed, index, report });
      }
    }
  } finally {
    process.off("uncaughtException", onException);
    process.off("unhandledRejection", onRejection);
  }
  return runs;
}

/**
 * Asserts that no run's report lists anything under `key`, naming the first that does with its seed and
 * replay command; the test's diagnostic line gives the number of cases, the totals of `counts` and the seeds.
 */
export function expectNone(t, name, runs, key) {
  const totals = {};
  for (const { report } of runs) for (const [k, v] of Object.entries(report.counts)) totals[k] = (totals[k] || 0) + v;
  const seeds = [...new Set(runs.map((run) => run.seed))];
  const counted = Object.entries(totals).map(([k, v]) => `${v} ${k}`).join(", ");
  t.diagnostic(`${name}: ${runs.length} cases (${counted}), seeds ${seeds.join(", ")}`);
  const failing = runs.filter((run) => run.report[key].length);
  if (!failing.length) return;
  const { seed, index, report } = failing[0];
  assert.fail(`${name}: ${failing.length} of ${runs.length} cases fail; the first, case ${index} of seed ${seed}:\n` +
    `${report[key].slice(0, 3).join("\n")}\n  replay: ${replayCommand(seed, index)}`);
}
