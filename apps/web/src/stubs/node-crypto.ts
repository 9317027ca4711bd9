// Stands in for node:crypto in the browser bundle. libs/domain hashes audit events with it; the web
// app never hashes, so reaching this is a bug worth a loud error rather than a silent wrong hash.
function unavailable(): never {
  throw new Error('node:crypto is not available in the browser (audit hashing runs on the server)');
}

export const createHash = unavailable;
export const createHmac = unavailable;
export const randomBytes = unavailable;
export default { createHash, createHmac, randomBytes };
