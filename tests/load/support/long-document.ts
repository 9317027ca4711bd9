import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { expectOk, http } from './harness';

/** The 300 clauses every document benchmark reads: a heading every 50, a preamble paragraph every 10, the rest operative. */
export const LONG_DOCUMENT_CLAUSES = Array.from({ length: 300 }, (_, i) => ({
  kind: i % 50 === 0 ? 'heading' : i % 10 === 1 ? 'preamble' : 'operative',
  text: `States, companies and civil society shall cooperate to prevent malicious cyber activity of kind ${i + 1}, and report on it every year to the working group.`,
}));

/** Creates the 300-clause document over HTTP as the group's chair; answers it with its first version's id. */
export async function createLongDocument(db: Pool, base: string, groupId: string, chairToken: string, title: string) {
  const doc = await expectOk<{ id: string; version: { clauses: { id: string }[] } }>(
    http('POST', `${base}/api/working-groups/${groupId}/documents`, { token: chairToken, body: { title, clauses: LONG_DOCUMENT_CLAUSES } }),
    'create the document',
  );
  const versionId: string = (await db.query(`SELECT id FROM document_versions WHERE document_id = $1`, [doc.id])).rows[0].id;
  return { doc, versionId };
}

/** Debian's chromium, headless, in a throwaway profile, as every page benchmark measures it. */
export async function launchBenchBrowser(executablePath: string): Promise<{ context: any; profileDir: string }> {
  const { chromium } = await import('playwright-core');
  const profileDir = mkdtempSync(join(tmpdir(), 'parley-bench-browser-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    viewport: { width: 1360, height: 1000 },
    locale: 'en-GB',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return { context, profileDir };
}
