#!/usr/bin/env node
// `npm run migrations:generate -- name`: writes an empty, reviewed-SQL migration and reminds you to list it in migrations/index.ts.
const fs = require('node:fs');
const path = require('node:path');
const name = (process.argv[2] || '').replace(/[^a-z0-9-]/gi, '-').toLowerCase();
if (!name) {
  console.error('usage: npm run migrations:generate -- short-name');
  process.exit(2);
}
const ts = Date.now();
const cls = name.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase()) + ts;
const file = path.join(__dirname, '..', 'migrations', `${ts}-${name}.ts`);
fs.writeFileSync(file, `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${cls} implements MigrationInterface {
  name = '${cls}';

  async up(q: QueryRunner): Promise<void> {
    await q.query(\`\`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(\`\`);
  }
}
`);
console.log(`parley: wrote ${path.relative(process.cwd(), file)}; add ${cls} at the end of MIGRATIONS in migrations/index.ts`);
