// Reads the test log and prints one line "N passed, N failed" from the runners' own summary lines
// (Vitest prints "Tests  3 failed | 120 passed (123)"). A red run never reads as green: a file that failed
// without a failing test (its beforeAll threw: its tests count as skipped) counts as one failure from the
// "Test Files  1 failed | …" line, and a failure where no tests ran (type-check) counts as one.
import fs from "node:fs";

const [logFile, statusArg] = process.argv.slice(2);
const text = fs.readFileSync(logFile, "utf8").replace(/\x1b\[[0-9;]*m/g, "");
let passed = 0;
let failed = 0;
let failedFiles = 0;
for (const line of text.split("\n")) {
  const files = /^\s*Test Files\s+(\d+) failed/.exec(line);
  if (files) failedFiles += Number(files[1]);
  const m = /^\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line);
  if (!m) continue;
  for (const part of m[1].split("|")) {
    const n = /(\d+)\s+(passed|failed)/.exec(part);
    if (n?.[2] === "passed") passed += Number(n[1]);
    if (n?.[2] === "failed") failed += Number(n[1]);
  }
}
if (statusArg !== "0" && failed === 0) failed += Math.max(failedFiles, 1);
console.log(`${passed} passed, ${failed} failed`);
