// Where webhooks may point: https only, and never loopback, private, link-local or metadata addresses (SSRF).
import { isPublicAddress, targetRefusal } from '../../../shared/webhooks/targets';

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
});

describe('webhook targets on the local host', () => {
  it('also accepts http:// and loopback, so a developer can receive deliveries', async () => {
    expect(await targetRefusal('http://127.0.0.1:8080/hooks', 'local', resolvingTo('127.0.0.1'))).toBeUndefined();
    expect(await targetRefusal('ftp://127.0.0.1/', 'local', resolvingTo('127.0.0.1'))).toContain('http(s)');
  });
});
