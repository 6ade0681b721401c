// Any other path under /portal: the portal's own 404 page, not the customer pages' one.
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { registerHttp } from '../shared/functionRegistry';
import { portalUnknownPage } from '../shared/portal/routes';

// A catch-all after a literal segment: every literal portal route wins over it, in the Functions host as in the local
// host, and it wins over the site-wide {*path} (functions/notFoundPage.ts).
registerHttp('portalUnknownPage', {
  route: 'portal/{*path}',
  methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'],
  handler: portalUnknownPage(deps),
});
