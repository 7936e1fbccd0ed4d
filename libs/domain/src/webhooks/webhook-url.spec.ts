import { checkWebhookUrl, isPrivateAddress } from './webhook-url';

const strict = { allowPrivateAddresses: false };

describe('webhook URLs (SSRF guard)', () => {
  it('accepts https and http to public hosts', () => {
    expect(checkWebhookUrl('https://hooks.northwind.example/hiring', strict).ok).toBe(true);
    expect(checkWebhookUrl('http://203.0.113.7:8443/x', strict).ok).toBe(true);
  });

  it.each(['ftp://example.com/x', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url'])('refuses %s', (url) => {
    expect(checkWebhookUrl(url, strict).ok).toBe(false);
  });

  it('refuses credentials in the URL', () => {
    expect(checkWebhookUrl('https://user:pw@example.com/x', strict)).toMatchObject({ ok: false });
  });

  it.each([
    'http://localhost:3001/v1/agencies',
    'http://127.0.0.1/',
    'http://10.1.2.3/',
    'http://172.20.0.1/',
    'http://192.168.1.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.64.0.1/',
    'http://[::1]/',
    'http://[fe80::1]/',
    'http://[fd00::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://0.0.0.0/',
    'http://metadata.google.internal/',
  ])('refuses the private address %s unless configuration allows it', (url) => {
    expect(checkWebhookUrl(url, strict).ok).toBe(false);
    expect(checkWebhookUrl(url, { allowPrivateAddresses: true }).ok).toBe(true);
  });

  it('classifies resolved addresses', () => {
    expect(isPrivateAddress('8.8.8.8')).toBe(false);
    expect(isPrivateAddress('2606:4700::1111')).toBe(false);
    expect(isPrivateAddress('127.0.0.53')).toBe(true);
    expect(isPrivateAddress('::1')).toBe(true);
  });
});
