// Which URLs an agency may register. A webhook makes our servers send
// requests to an address someone else chose, so an unchecked URL is a
// server-side request forgery: it could reach our own admin ports, the cloud
// metadata service or the internal network. Only http(s) to public
// addresses; loopback and private ranges only when configuration allows it
// (tests and a laptop).

export interface WebhookUrlRules {
  allowPrivateAddresses: boolean;
}

export type WebhookUrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

const MAX_URL_LENGTH = 2048;

export function checkWebhookUrl(text: string, rules: WebhookUrlRules): WebhookUrlCheck {
  if (text.length > MAX_URL_LENGTH) return { ok: false, reason: `must be at most ${MAX_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'must be an absolute URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'must use https (or http)' };
  if (url.username || url.password) return { ok: false, reason: 'must not carry credentials; the signature authenticates us' };
  if (url.hash) return { ok: false, reason: 'must not have a fragment' };
  if (!rules.allowPrivateAddresses && isPrivateHost(url.hostname)) {
    return { ok: false, reason: 'must point to a public address (loopback, private and link-local addresses are refused)' };
  }
  return { ok: true, url };
}

/** A host name or address literal that must not be reached from our servers. Names are checked again after DNS, at delivery. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal') || host.endsWith('.local')) return true;
  const v4 = parseIpv4(host);
  if (v4) return isPrivateIpv4(v4);
  if (host.includes(':')) return isPrivateIpv6(host);
  return false;
}

export function isPrivateAddress(address: string): boolean {
  const v4 = parseIpv4(address);
  if (v4) return isPrivateIpv4(v4);
  return isPrivateIpv6(address.toLowerCase());
}

function parseIpv4(host: string): number[] | undefined {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return undefined;
  const octets = parts.map(Number);
  return octets.every((o) => o <= 255) ? octets : undefined;
}

function isPrivateIpv4([a, b]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b! >= 64 && b! <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b! >= 16 && b! <= 31) ||
    (a === 192 && b === 168) ||
    a! >= 224
  );
}

function isPrivateIpv6(host: string): boolean {
  if (host === '::' || host === '::1') return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
  if (mapped?.[1]) return isPrivateAddress(mapped[1]);
  // The URL parser writes an IPv4-mapped address in hex (::ffff:7f00:1 for 127.0.0.1).
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (mappedHex?.[1] && mappedHex[2]) {
    const hi = parseInt(mappedHex[1], 16);
    const lo = parseInt(mappedHex[2], 16);
    return isPrivateIpv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
  }
  // fc00::/7 unique local, fe80::/10 link-local, ff00::/8 multicast
  return /^(f[cd][0-9a-f]{0,2}|fe[89ab][0-9a-f]?|ff[0-9a-f]{0,2}):/.test(host);
}
