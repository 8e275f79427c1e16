// Validates SARIF logs against the official SARIF 2.1.0 JSON schema (the
// rtm.5 schema shipped in @microsoft/jest-sarif; it is draft-04, hence
// ajv-draft-04). Usage: node sarif-validate.js SCHEMA FILE...
// Exits 1 on the first invalid file, listing every schema error in it.
"use strict";
const fs = require("fs");
const Ajv = require("ajv-draft-04");
const addFormats = require("ajv-formats");

const [schemaFile, ...files] = process.argv.slice(2);
if (!schemaFile || files.length === 0) {
  console.error("usage: node sarif-validate.js SCHEMA FILE...");
  process.exit(2);
}
// unicodeRegExp: false because the schema's "language" pattern has a stray "]",
// which only non-unicode regular expressions accept.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));
let bad = 0;
for (const f of files) {
  const doc = JSON.parse(fs.readFileSync(f, "utf8"));
  if (validate(doc)) {
    const results = doc.runs.reduce((n, r) => n + r.results.length, 0);
    console.log(`valid: ${f} (${results} results)`);
  } else {
    bad++;
    console.log(`INVALID: ${f}`);
    for (const e of validate.errors) console.log(`  ${e.instancePath || "/"}: ${e.message} ${JSON.stringify(e.params)}`);
  }
}
console.log(`${files.length - bad} passed, ${bad} failed`);
process.exit(bad ? 1 : 0);
