// Why a partner cannot send requests is said in the page's language, never as the API's English refusal.
import { renderPortalPage } from '../../../shared/portal/pages';
import { portalMessagesFor } from '../../../shared/portal/messages';
import { visibleText } from '../pages/html';

it('a registration that does not allow issuing yet is explained in German on a German page, with a 403', () => {
  const t = portalMessagesFor('de');
  const page = renderPortalPage({
    page: 'new-request',
    view: {
      locale: 'de',
      partner: { id: 'reseller-1', displayName: 'Contoso', kind: 'indirect-reseller' },
      canManage: true,
      mayChoose: false,
      values: {
        tenantId: '',
        domain: '',
        displayName: '',
        contactEmail: '',
        contactName: '',
        locale: 'en',
        delegatedAdmin: false,
        roles: [],
        durationDays: '730',
        autoExtend: false,
        message: '',
        expiresInDays: '30',
        sendEmail: true,
      },
      errors: {},
      cannotIssue: { kind: 'other' },
    },
  });
  expect(page.status).toBe(403);
  expect(visibleText(page.html)).toContain(t.cannotIssueOther);
  expect(page.html).not.toContain('<form method="post"');
});
