// The app's entry point (package.json "main"): loads every function so each registers itself, then validates settings.
import './functions/adminConsents';
import './functions/adminKeys';
import './functions/adminPartners';
import './functions/consentLink';
import './functions/consentPage';
import './functions/consentRequests';
import './functions/consentSweep';
import './functions/customers';
import './functions/drainInvitationPoison';
import './functions/drainNoticePoison';
import './functions/drainPartnerNoticePoison';
import './functions/health';
import './functions/notFound';
import './functions/notFoundPage';
import './functions/noticeSweep';
import './functions/oemVerification';
import './functions/openapi';
import './functions/partnersPage';
import './functions/portalAccount';
import './functions/portalNotFoundPage';
import './functions/portalRequests';
import './functions/portalWebhooks';
import './functions/receipts';
import './functions/roles';
import './functions/sendInvitationEmail';
import './functions/sendNoticeEmail';
import './functions/sendPartnerNotice';
import './functions/staticFiles';
import './functions/webhooks';
import './functions/webhooksDelivery';
import { config } from './shared/config';

// Fail start-up with a message naming each bad setting, rather than on the first request.
config();
