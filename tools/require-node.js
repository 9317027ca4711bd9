// Parley runs on Node 24 (docs/decisions/0012): `npm install` brings it on Linux, and npm puts it
// first on the PATH of `npm start` and `npm test`. Anything older stops here with one line.
const REQUIRED_MAJOR = 24;

function requireSupportedNode(name) {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= REQUIRED_MAJOR) return;
  process.stderr.write(
    `parley: ${name} needs Node.js ${REQUIRED_MAJOR} or later and found ${process.version}; run it through npm (\`npm install\` brings Node ${REQUIRED_MAJOR} on Linux) or install Node ${REQUIRED_MAJOR}\n`,
  );
  process.exit(1);
}

module.exports = { requireSupportedNode };
