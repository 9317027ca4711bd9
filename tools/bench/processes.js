// Each benchmark or drill runs in its own process group, with a time limit; its output is read back.
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');

/** Runs one compiled script with a time limit; resolves with its exit code and everything it printed. */
function runScript(file, minutes, env = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [file], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => process.stderr.write(d));
    const timer = setTimeout(() => {
      process.stderr.write(`bench: ${path.basename(file)} ran out of its ${minutes} min: stopping it\n`);
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {}
      }, 10_000).unref();
    }, minutes * 60_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), signal, stdout, seconds: (Date.now() - started) / 1000 });
    });
  });
}

function lastResult(kind, stdout) {
  const lines = stdout.split('\n').filter((l) => l.startsWith(`${kind}-RESULT `));
  if (!lines.length) return null;
  try {
    return JSON.parse(lines[lines.length - 1].slice(kind.length + 8));
  } catch {
    return null;
  }
}

module.exports = { runScript, lastResult };
