#!/usr/bin/env node
// `npm run steward:grant -- someone@example.org`: for an operator who lost access, makes the
// person with that e-mail a steward. The act is audited like any other (actor: the command line).
import { DataSource } from 'typeorm';
import { AuditedTransaction } from '../apps/api/src/audit/audited-transaction';
import { AuditEventBus } from '../apps/api/src/audit/audit-event-bus';
import { AuditRepository } from '../apps/api/src/audit/audit.repository';
import { Clock } from '../apps/api/src/platform/clock/clock';
import { createDataSource, runMigrations } from '../apps/api/src/platform/database/data-source';
import { PLATFORM_SCOPE } from '@parley/domain';

async function main(): Promise<number> {
  const email = (process.argv[2] ?? '').trim().toLowerCase();
  const url = process.env.DATABASE_URL;
  if (!email || !url) {
    console.error('usage: DATABASE_URL=postgres://… npm run steward:grant -- person@example.org');
    return 2;
  }
  const dataSource: DataSource = createDataSource(url, 2);
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    const tx = new AuditedTransaction(dataSource, new AuditRepository(dataSource), new AuditEventBus(), new Clock());
    const name = await tx.run(async (t) => {
      const [person] = await t.manager.query(`SELECT id, name, is_steward FROM people WHERE email = $1 FOR UPDATE`, [email]);
      if (!person) throw new Error(`no account with the e-mail ${email}`);
      if (person.is_steward) return `${person.name} (already a steward)`;
      await t.manager.query(`UPDATE people SET is_steward = true WHERE id = $1`, [person.id]);
      await t.record({ scope: PLATFORM_SCOPE, actor: { id: null, name: 'operator (command line)', snapshot: null }, action: 'person.made-steward', subjectType: 'person', subjectId: person.id, change: { name: person.name, via: 'command-line' } });
      return person.name as string;
    });
    console.log(`parley: ${name} is a steward`);
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(`parley: ${e.message}`);
    process.exit(1);
  },
);
