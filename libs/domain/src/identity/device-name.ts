/**
 * What a person recognises a session by, read from the user agent it signed in with: "Firefox on
 * Windows", "Safari on iPhone", "a script (curl)". Derived when the list is read, not stored, so a
 * better reading applies to sessions already open. Proper names only: the sentence around them is
 * the reader's language's.
 */
export type DeviceName = { kind: 'browser'; browser: string; os: string | null } | { kind: 'script'; tool: string | null } | { kind: 'unknown' };

// Order matters: Edge, Opera and Samsung Internet also say "Chrome"; Chrome also says "Safari".
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\b(OPR|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/(Chrome|CriOS|Chromium)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/\biPhone\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\bAndroid\b/, 'Android'],
  [/\bWindows\b/, 'Windows'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];
const SCRIPTS: [RegExp, string][] = [
  [/^curl\//i, 'curl'],
  [/^Wget\//i, 'Wget'],
  [/^HTTPie\//i, 'HTTPie'],
  [/^python-requests\//i, 'Python'],
  [/^python-urllib|^Python-urllib|^aiohttp\/|^python-httpx\//i, 'Python'],
  [/^node-fetch|^undici$|^node$|^axios\//i, 'Node.js'],
  [/^Go-http-client\//, 'Go'],
  [/^okhttp\//i, 'OkHttp'],
  [/^Java\//, 'Java'],
  [/^PostmanRuntime\//, 'Postman'],
];

export function deviceNameOf(userAgent: string | null | undefined): DeviceName {
  const ua = (userAgent ?? '').trim();
  if (ua === '') return { kind: 'script', tool: null };
  for (const [re, tool] of SCRIPTS) if (re.test(ua)) return { kind: 'script', tool };
  if (!/^Mozilla\//.test(ua)) return { kind: 'unknown' };
  const browser = BROWSERS.find(([re]) => re.test(ua))?.[1];
  if (!browser) return { kind: 'unknown' };
  return { kind: 'browser', browser, os: SYSTEMS.find(([re]) => re.test(ua))?.[1] ?? null };
}

/** The English name, for the API's readers and the logs; the web composes its own in the reader's language. */
export function deviceLabel(d: DeviceName): string {
  if (d.kind === 'browser') return d.os ? `${d.browser} on ${d.os}` : d.browser;
  if (d.kind === 'script') return d.tool ? `script (${d.tool}, bearer token)` : 'script (bearer token)';
  return 'unknown device';
}
