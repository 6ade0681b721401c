// Where webhooks may point: https only, and never loopback, private, link-local or metadata addresses (SSRF).
import { isAllowedAddress, isPublicAddress, targetRefusal } from '../../../shared/webhooks/targets';

const resolvingTo =
  (...addresses: string[]) =>
  async () =>
    addresses;

describe('webhook targets in Azure (public)', () => {
  it('accepts an https URL whose host resolves only to public addresses', async () => {
    expect(await targetRefusal('https://hooks.partner.example/in', 'public', resolvingTo('20.50.2.1'))).toBeUndefined();
  });

  it.each([
    ['http://hooks.partner.example/', 'https://'],
    ['https://user:pw@hooks.partner.example/', 'user name'],
    ['https://127.0.0.1/', '127.0.0.1'],
    ['https://169.254.169.254/latest/meta-data', '169.254.169.254'],
    ['https://[::1]/', '::1'],
    ['https://[::ffff:127.0.0.1]/', '::ffff:7f00:1'],
    ['https://[fd00:ec2::254]/', 'fd00:ec2::254'],
    ['https://168.63.129.16/', '168.63.129.16'],
    ['not a url', 'https://'],
  ])('refuses %s', async (url, named) => {
    expect(await targetRefusal(url, 'public', resolvingTo('20.50.2.1'))).toContain(named);
  });

  it('refuses a name that resolves to a private address among public ones, or to nothing', async () => {
    const url = 'https://hooks.partner.example/';
    expect(await targetRefusal(url, 'public', resolvingTo('20.50.2.1', '10.0.0.7'))).toContain('10.0.0.7');
    expect(await targetRefusal(url, 'public', resolvingTo())).toContain('does not resolve');
    const failing = async () => {
      throw new Error('ENOTFOUND');
    };
    expect(await targetRefusal(url, 'public', failing)).toContain('does not resolve');
  });

  it('judges addresses by their range', () => {
    const refused = ['10.1.2.3', '172.31.0.1', '192.168.1.1', '100.64.0.1', '0.0.0.0', 'fe80::1', '::ffff:10.0.0.1'];
    expect(refused.filter(isPublicAddress)).toEqual([]);
    expect(['8.8.8.8', '20.50.2.1', '2606:4700::1111', '172.32.0.1'].every(isPublicAddress)).toBe(true);
  });

  it.each([
    ['0.1.2.3', '"this" network 0.0.0.0/8'],
    ['100.100.100.200', 'carrier-grade NAT 100.64.0.0/10 (Alibaba metadata)'],
    ['192.0.0.8', 'IETF protocol assignments 192.0.0.0/24'],
    ['192.0.2.10', 'documentation 192.0.2.0/24'],
    ['198.51.100.10', 'documentation 198.51.100.0/24'],
    ['203.0.113.10', 'documentation 203.0.113.0/24'],
    ['198.18.0.1', 'benchmarking 198.18.0.0/15'],
    ['198.19.255.254', 'benchmarking 198.18.0.0/15'],
    ['224.0.0.1', 'multicast 224.0.0.0/4'],
    ['239.255.255.250', 'multicast 224.0.0.0/4'],
    ['240.0.0.1', 'reserved 240.0.0.0/4'],
    ['255.255.255.255', 'broadcast'],
    ['::', 'unspecified'],
    ['::127.0.0.1', 'IPv4-compatible loopback'],
    ['::7f00:1', 'IPv4-compatible loopback, in hex'],
    ['::8.8.8.8', 'IPv4-compatible, even of a public address'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:8.8.8.8', 'IPv4-mapped, even of a public address'],
    ['2002:7f00:1::', '6to4 embedding 127.0.0.1'],
    ['2002:a9fe:a9fe::1', '6to4 embedding 169.254.169.254'],
    ['2002:808:808::1', '6to4, even of a public address'],
    ['64:ff9b::7f00:1', 'NAT64 64:ff9b::/96 embedding 127.0.0.1'],
    ['64:ff9b:1::1', 'local-use NAT64 64:ff9b:1::/48'],
    ['2001::1', 'Teredo 2001::/32'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo 2001::/32'],
    ['2001:db8::1', 'documentation 2001:db8::/32'],
    ['3fff::1', 'documentation 3fff::/20'],
    ['100::1', 'discard 100::/64'],
    ['fec0::1', 'deprecated site-local'],
    ['ff02::1', 'multicast ff00::/8'],
    ['5f00::1', 'segment routing 5f00::/16'],
    ['4000::1', 'outside global unicast 2000::/3'],
    ['168.63.129.16', "Azure's WireServer"],
    ['not an address', 'no address at all'],
  ])('refuses %s (%s)', (address) => {
    expect(isPublicAddress(address)).toBe(false);
    expect(isAllowedAddress(address, 'local')).toBe(false);
  });

  it('names the refused address when the URL spells it out', async () => {
    expect(await targetRefusal('https://[::127.0.0.1]/', 'public', resolvingTo())).toContain('::7f00:1');
    expect(await targetRefusal('https://[2002:7f00:1::]/', 'public', resolvingTo())).toContain('2002:7f00:1::');
    expect(await targetRefusal('https://203.0.113.10/', 'public', resolvingTo())).toContain('203.0.113.10');
  });
});

describe('webhook targets on the local host', () => {
  it('also accepts http:// and loopback, so a developer can receive deliveries', async () => {
    expect(await targetRefusal('http://127.0.0.1:8080/hooks', 'local', resolvingTo('127.0.0.1'))).toBeUndefined();
    expect(await targetRefusal('http://[::1]:8080/hooks', 'local', resolvingTo())).toBeUndefined();
    expect(await targetRefusal('http://localhost:8080/', 'local', resolvingTo('::1', '127.0.0.1'))).toBeUndefined();
    expect(await targetRefusal('http://hooks.partner.example/', 'local', resolvingTo('20.50.2.1'))).toBeUndefined();
    expect(await targetRefusal('ftp://127.0.0.1/', 'local', resolvingTo('127.0.0.1'))).toContain('http(s)');
  });

  it.each([
    ['http://169.254.169.254/latest/meta-data', '169.254.169.254'],
    ['http://10.0.0.1/x', '10.0.0.1'],
    ['http://192.168.1.20/x', '192.168.1.20'],
    ['http://[fe80::1]/x', 'fe80::1'],
    ['http://[fd00:ec2::254]/x', 'fd00:ec2::254'],
    ['http://[::ffff:127.0.0.1]/x', '::ffff:7f00:1'],
    ['http://168.63.129.16/x', '168.63.129.16'],
    ['http://0.0.0.0/x', '0.0.0.0'],
  ])('refuses %s as in Azure', async (url, named) => {
    expect(await targetRefusal(url, 'local', resolvingTo())).toContain(named);
  });

  it('refuses a name that resolves to a private address', async () => {
    expect(await targetRefusal('http://intranet.example/', 'local', resolvingTo('127.0.0.1', '10.0.0.7'))).toContain(
      '10.0.0.7',
    );
  });

  it('refuses a user name or password, which would be stored and shown back', async () => {
    for (const url of ['https://user:pw@example.com/x', 'http://user@127.0.0.1/x', 'http://:pw@127.0.0.1/x']) {
      expect(await targetRefusal(url, 'local', resolvingTo('20.50.2.1'))).toBe(
        'must not carry a user name or password',
      );
    }
  });

  it('allows loopback addresses only in local mode', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1'].every((address) => isAllowedAddress(address, 'local'))).toBe(true);
    expect(['127.0.0.1', '::1'].some((address) => isAllowedAddress(address, 'public'))).toBe(false);
  });
});
