// Validates `sfo-lint check --format sarif` output against the SARIF 2.1.0 JSON schema
// (the OASIS schema as shipped in @microsoft/jest-sarif; ajv 6 reads its draft-04 dialect).
// Usage: node validate.js BIN FILE...
'use strict';
const { execFileSync } = require('child_process');
const Ajv = require('ajv');
const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

const ajv = new Ajv({ schemaId: 'auto', validateSchema: false, allErrors: true });
ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
const validate = ajv.compile(schema);

const [bin, ...files] = process.argv.slice(2);
if (!bin || files.length === 0) {
  console.error('usage: node validate.js BIN FILE...');
  process.exit(2);
}

let output;
try {
  output = execFileSync(bin, ['check', '--format', 'sarif', ...files], { encoding: 'utf8' });
} catch (e) {
  // Exit 1 means findings: the SARIF is still on stdout.
  if (e.status !== 1) throw e;
  output = e.stdout;
}
const log = JSON.parse(output);
const results = log.runs[0].results.length;
if (!validate(log)) {
  console.error('SARIF output does not validate:\n' + JSON.stringify(validate.errors, null, 2));
  process.exit(1);
}
if (results === 0) {
  console.error('expected findings in the SARIF output, found none');
  process.exit(1);
}
// The validator must be able to fail: a log without its version must not validate.
const broken = JSON.parse(output);
delete broken.version;
broken.runs[0].results[0].level = 'severe';
if (validate(broken)) {
  console.error('the schema accepted a broken log: the validator is not checking');
  process.exit(1);
}
console.log(`SARIF valid: ${results} results from ${files.length} file(s)`);
