// Usage: node validate.js <schema.json> <manifest.json>
// Prints {"valid":true} or {"valid":false,"errors":[...]} and exits 0 either way; exit 2 means the
// check itself could not run.
'use strict';
const fs = require('fs');
const Ajv = require('ajv');

const [schemaPath, manifestPath] = process.argv.slice(2);
try {
  const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  // strict: false because the public schema uses annotations ajv's strict mode rejects.
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  const valid = validate(manifest);
  process.stdout.write(JSON.stringify({ valid, errors: validate.errors ?? [] }) + '\n');
} catch (error) {
  process.stderr.write(String(error && error.stack || error) + '\n');
  process.exit(2);
}
