import { deviceLabel, deviceNameOf } from './device-name';

const UA = {
  firefoxWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  chromeAndroid: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  safariIphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  safariMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  chromeIpad: 'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
  firefoxIphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/133.0 Mobile/15E148 Safari/605.1.15',
  edgeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  operaMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0',
  samsung: 'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
  chromeLinux: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  headlessChrome: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
  chromebook: 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
};

describe('deviceNameOf', () => {
  it.each([
    [UA.firefoxWindows, 'Firefox on Windows'],
    [UA.chromeAndroid, 'Chrome on Android'],
    [UA.safariIphone, 'Safari on iPhone'],
    [UA.safariMac, 'Safari on macOS'],
    [UA.chromeIpad, 'Chrome on iPad'],
    [UA.firefoxIphone, 'Firefox on iPhone'],
    [UA.edgeWindows, 'Edge on Windows'],
    [UA.operaMac, 'Opera on macOS'],
    [UA.samsung, 'Samsung Internet on Android'],
    [UA.chromeLinux, 'Chrome on Linux'],
    [UA.chromebook, 'Chrome on ChromeOS'],
    [UA.headlessChrome, 'Chrome on Linux'],
    ['Mozilla/5.0 (compatible; Firefox/120.0)', 'Firefox'],
  ])('%s → %s', (ua, label) => expect(deviceLabel(deviceNameOf(ua))).toBe(label));

  it('scripts, and a request with no user agent, are a script with a bearer token', () => {
    expect(deviceNameOf('curl/8.5.0')).toEqual({ kind: 'script', tool: 'curl' });
    expect(deviceNameOf('python-requests/2.32.3')).toEqual({ kind: 'script', tool: 'Python' });
    expect(deviceNameOf('node')).toEqual({ kind: 'script', tool: 'Node.js' });
    expect(deviceNameOf('Go-http-client/1.1')).toEqual({ kind: 'script', tool: 'Go' });
    expect(deviceNameOf(null)).toEqual({ kind: 'script', tool: null });
    expect(deviceNameOf('  ')).toEqual({ kind: 'script', tool: null });
    expect(deviceLabel(deviceNameOf('curl/8.5.0'))).toBe('script (curl, bearer token)');
    expect(deviceLabel(deviceNameOf(undefined))).toBe('script (bearer token)');
  });

  it('what it cannot read is an unknown device, never a guess', () => {
    expect(deviceNameOf('SomeBot/1.0')).toEqual({ kind: 'unknown' });
    expect(deviceNameOf('Mozilla/5.0 (Windows NT 10.0) Trident/7.0')).toEqual({ kind: 'unknown' });
    expect(deviceLabel({ kind: 'unknown' })).toBe('unknown device');
  });
});
