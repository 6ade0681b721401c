// TEST STAND-IN for the platform's front (App Service Authentication, "Easy Auth"), for hosts shaped like a deployment.
import type { HeaderRewrite } from '../../dev/httpServer';
import { CLIENT_PRINCIPAL_HEADER } from '../../shared/auth/principal';

/**
 * What the platform's sign-in does with a principal header a client sent itself: drops it, so only the platform's
 * own (from its session, absent here: nobody signs in through this stand-in) reaches the app.
 */
export const platformFront: HeaderRewrite = (headers) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== CLIENT_PRINCIPAL_HEADER));
