// Lints an OpenAPI document (JSON on stdin) with Redocly's recommended ruleset and prints the
// problems as JSON. A child process: @redocly/openapi-core is ESM only, and jest runs CommonJS.
import { createConfig, lintFromString } from '@redocly/openapi-core';

let source = '';
for await (const chunk of process.stdin) source += chunk;
const config = await createConfig({ extends: ['recommended'] });
const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config });
process.stdout.write(
  JSON.stringify(problems.map((p) => ({ ruleId: p.ruleId, severity: p.severity, message: p.message, where: p.location?.[0]?.pointer ?? null }))),
);
