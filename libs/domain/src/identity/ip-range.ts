/**
 * The network a session was opened from, never its address (decision 0051): an IPv4 address kept as
 * its /24, an IPv6 address as its /48 (a site). Enough for a person to tell "my office" from "not
 * me", too coarse to single out a household. Null for anything that is not an address.
 */
export function ipRangeOf(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const v4 = ipv4Range(mapped ? mapped[1] : ip);
  if (v4) return v4;
  return ipv6Range(ip);
}

function ipv4Range(ip: string): string | null {
  const parts = ip.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return `${parts.slice(0, 3).map(Number).join('.')}.0/24`;
}

function ipv6Range(ip: string): string | null {
  const address = ip.split('%')[0];
  if (!/^[0-9a-f:]+$/i.test(address) || address.split('::').length > 2) return null;
  const [head, tail] = address.split('::');
  const groups = (s: string | undefined) => (s ? s.split(':') : []);
  const h = groups(head);
  const t = groups(tail);
  const missing = 8 - h.length - t.length;
  if ((tail === undefined && missing !== 0) || (tail !== undefined && missing < 1)) return null;
  const full = [...h, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...t];
  if (!full.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  const site = full.slice(0, 3).map((g) => parseInt(g, 16).toString(16));
  return `${site.join(':')}::/48`;
}
