import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(__dirname, '../..');

/** The offline verifier as an outsider runs it: the built command (npm test builds it first). Exit code and everything it said. */
export async function verifyExport(file: string, head?: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(root, 'dist/api/tools/audit-verify.js'), file, ...(head ? ['--head', head] : [])]);
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}
