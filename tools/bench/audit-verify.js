// The audit verifier's benchmark prints one JSON object; its section is written here.
const os = require('node:os');
const { machineNow, stamp, writeSection } = require('./report');

/**
 * tests/load/audit-verify.bench.ts prints one JSON object; its section is written here, with the
 * reference run of tests/load/audit-verify-floor.ts (`floor`, run right after it) beside it.
 */
function auditVerifyResult(r, floor) {
  const start = r.stdout.indexOf('{');
  if (start < 0) return null;
  try {
    const j = JSON.parse(r.stdout.slice(start, r.stdout.lastIndexOf('}') + 1));
    const m = machineNow();
    writeSection(
      'Audit verify',
      ` (${stamp()})

${m}
Workload: ${j.events.toLocaleString('en')} realistic events (vote events with affiliation snapshots, four interleaved chains) written to a
${j.fileMB} MB JSON Lines export (${j.generateSeconds} s to generate), then verified by the built command-line verifier
(\`npm run audit:verify -- file\`, worker threads for the per-event hashes), timed from the outside.

| events | verify time | events/s | goal | |
| --- | --- | --- | --- | --- |
| ${j.events.toLocaleString('en')} | ${j.verifySeconds} s | ${j.eventsPerSecond.toLocaleString('en')} | < ${j.goalSeconds} s | ${j.met ? 'met' : '**missed**'} |

The verifier said: \`${String(j.output).split('\n').slice(-1)[0]}\`
${
  floor
    ? `
The same work's floor, measured right after on one core in one process (tests/load/audit-verify-floor.ts, ${floor.measured.toLocaleString('en')} events
scaled to ${floor.events.toLocaleString('en')}): JSON.parse of every line and one SHA-256 over its bytes, ${floor.floorSeconds} s; JSON.parse and the per-event
integrity check the verifier's workers run (canonical JSON, change digest, event hash), ${floor.perEventSeconds} s, so ${(floor.perEventSeconds / os.cpus().length).toFixed(1)} s
at best on ${os.cpus().length} cores. The verifier took **${(j.verifySeconds / (floor.perEventSeconds / os.cpus().length)).toFixed(2)}×** that best case.
`
    : ''
}`,
    );
    return { ...j, bench: 'audit-verify', floor };
  } catch {
    return null;
  }
}

module.exports = { auditVerifyResult };
