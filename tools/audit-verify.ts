#!/usr/bin/env node
// Offline verifier for an audit export (JSON Lines, one event per line, as GET /api/audit/export.jsonl
// gives): chain order, hashes, each change against its digest, and optionally pinned heads
// (`--head head.json`, the body of GET /api/audit/head). Uses the same libs/domain code as the API.
// Streams the file: memory stays flat whatever its size.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { AuditEvent, ChainHead, ChainVerifier } from '@parley/domain';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const headAt = args.indexOf('--head');
  const headFile = headAt >= 0 ? args[headAt + 1] : null;
  const file = args.find((a, i) => !a.startsWith('--') && (headAt < 0 || i !== headAt + 1));
  if (!file) {
    console.error('usage: npm run audit:verify -- export.jsonl [--head head.json]');
    return 2;
  }
  let pinned: Record<string, ChainHead> | undefined;
  if (headFile) {
    const head = JSON.parse(await readFile(headFile, 'utf8')) as { chains: { scope: string; sequence: number; hash: string }[] };
    pinned = Object.fromEntries(head.chains.map((c) => [c.scope, { sequence: c.sequence, hash: c.hash }]));
  }
  const verifier = new ChainVerifier();
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    let event: AuditEvent;
    try {
      event = JSON.parse(line) as AuditEvent;
    } catch {
      console.error(`BROKEN at line ${lineNo}: not valid JSON`);
      return 1;
    }
    if (!verifier.add(event)) break;
  }
  const verdict = verifier.result(pinned);
  if (verdict.ok) {
    console.log(`OK: ${verdict.events} events in ${verdict.chains} chains verified${pinned ? ', pinned heads match' : ''}`);
    return 0;
  }
  const b = verdict.broken;
  console.error(`BROKEN: chain ${b.scope}, sequence ${b.sequence} (${b.problem}): ${b.detail}`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(`audit-verify: ${e.message}`);
    process.exit(2);
  },
);
