import { ipRangeOf } from './ip-range';

describe('ipRangeOf keeps the network, never the address', () => {
  it.each([
    ['203.0.113.57', '203.0.113.0/24'],
    ['10.1.2.3', '10.1.2.0/24'],
    ['::ffff:198.51.100.7', '198.51.100.0/24'],
    ['127.0.0.1', '127.0.0.0/24'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3::/48'],
    ['2001:0db8:0001::1', '2001:db8:1::/48'],
    ['2001:db8::1', '2001:db8:0::/48'],
    ['::1', '0:0:0::/48'],
    ['fe80::1%eth0', 'fe80:0:0::/48'],
  ])('%s → %s', (ip, range) => expect(ipRangeOf(ip)).toBe(range));

  it.each([null, undefined, '', 'localhost', '256.1.1.1', '1.2.3', '1:2:3:4:5:6:7:8:9', '1::2::3', 'g::1', '1.2.3.4.5'])('%s → null', (ip) =>
    expect(ipRangeOf(ip)).toBeNull(),
  );
});
