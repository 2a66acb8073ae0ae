// Parse GIFT files with gift-pegjs and print what it read, for tests/integration/test_gift_roundtrip.py.
//
// Usage: node parse_gift.mjs FILE...
// Prints one JSON object {"<file>": [question, ...], ...} on stdout. On a syntax error it prints
// "<file>:<line>:<column>: <message>" on stderr and exits with status 1.
import { readFileSync } from "node:fs";
import { parse } from "gift-pegjs";

const parsed = {};
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, "utf8");
  try {
    parsed[file] = parse(text);
  } catch (error) {
    const where = error.location ? `${error.location.start.line}:${error.location.start.column}` : "?";
    process.stderr.write(`${file}:${where}: ${error.message}\n`);
    process.exit(1);
  }
}
process.stdout.write(JSON.stringify(parsed));
