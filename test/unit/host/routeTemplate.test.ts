import { compileRoute, orderByPrecedence } from '../../../dev/routeTemplate';

describe('Functions route templates in the local host', () => {
  it('matches literals case-insensitively and extracts parameters', () => {
    expect(compileRoute('api/consent-requests/{id}').match('/API/Consent-Requests/abc')).toEqual({ id: 'abc' });
    expect(compileRoute('api/consent-requests/{id}').match('/api/consent-requests')).toBeUndefined();
    expect(compileRoute('api/consent-requests/{id}').match('/api/consent-requests/a/b')).toBeUndefined();
  });

  it('applies the guid constraint', () => {
    const route = compileRoute('api/customers/{tenantId:guid}/authorization');
    expect(route.match('/api/customers/8d3c6a5e-2f7b-4c1d-9e0a-1b2c3d4e5f60/authorization')).toEqual({
      tenantId: '8d3c6a5e-2f7b-4c1d-9e0a-1b2c3d4e5f60',
    });
    expect(route.match('/api/customers/not-a-guid/authorization')).toBeUndefined();
  });

  it('supports optional trailing parameters and catch-alls', () => {
    const optional = compileRoute('dev/outbox/{id?}');
    expect(optional.match('/dev/outbox')).toEqual({});
    expect(optional.match('/dev/outbox/42')).toEqual({ id: '42' });
    expect(compileRoute('api/{*path}').match('/api/a/b/c')).toEqual({ path: 'a/b/c' });
  });

  it('decodes percent-encoded segments', () => {
    expect(compileRoute('consent/{token}').match('/consent/a%2Db')).toEqual({ token: 'a-b' });
  });

  it('prefers literal routes over parameters, and catch-alls last', () => {
    const routes = ['api/{*path}', 'api/consent-requests/{id}', 'api/consent-requests/{id}/events', 'api/health'].map(
      (template) => ({ template, route: compileRoute(template) }),
    );
    const ordered = orderByPrecedence(routes).map((r) => r.template);
    expect(ordered.at(-1)).toBe('api/{*path}');
    expect(ordered.indexOf('api/health')).toBeLessThan(ordered.indexOf('api/{*path}'));
  });

  it('refuses constraints it cannot honour rather than ignoring them', () => {
    expect(() => compileRoute('api/{id:datetime}')).toThrow('not supported');
  });
});
