// The revocation form on /partners (API.md, "Customer revocation"): a Yes box tied to its label and a Revoke button
// for each CSP, none for an OEM, the reason shown at the entry when Yes was missing, every name escaped.
import { renderPartnersPage } from '../../../shared/pages';
import { messagesFor } from '../../../shared/pages/messages';
import { ATTRIBUTE_PAYLOAD, SCRIPT_PAYLOAD, partnersView } from './fixtures';
import { elements, visibleText } from './html';

const t = messagesFor('en');

function withRevocation(overrides: Parameters<typeof partnersView>[1] = {}) {
  const view = partnersView('en', overrides);
  return {
    ...view,
    entries: view.entries.map((entry) =>
      entry.partner.kind === 'oem'
        ? entry
        : { ...entry, revoke: { action: `/partners/${entry.consentId}/revoke`, csrfToken: `csrf-${entry.consentId}` } },
    ),
  };
}

describe('the revocation form', () => {
  it('each CSP gets a required Yes box with its own label and a Revoke button; an OEM gets none', () => {
    const html = renderPartnersPage(withRevocation()).html;
    const forms = elements(html, 'form').map((form) => form.action);
    expect(forms).toEqual([
      '/partners/consent-csp-1/remove-delegated-admin',
      '/partners/consent-csp-1/revoke',
      '/partners/consent-reseller-2/revoke',
    ]);
    const boxes = elements(html, 'input').filter((input) => input.type === 'checkbox');
    expect(boxes).toEqual([
      { type: 'checkbox', id: 'partner-1-revoke', name: 'confirm', value: 'yes', required: '' },
      { type: 'checkbox', id: 'partner-2-revoke', name: 'confirm', value: 'yes', required: '' },
    ]);
    expect(elements(html, 'label')).toEqual([{ for: 'partner-1-revoke' }, { for: 'partner-2-revoke' }]);
    const text = visibleText(html);
    expect(text).toContain(`${t.revokeConfirmLabel('Northwind Resale')} ${t.revoke}`);
    expect(text).toContain(t.revokeProvider('Litware Distribution'));
    expect(text).toContain(t.revokePartnerCenter('Fabrikam Devices'));
  });

  it('without Yes: 422, the reason at that entry, tied to its box', () => {
    const page = renderPartnersPage(
      withRevocation({ error: { kind: 'revoke-confirm-required', consentId: 'consent-reseller-2' } }),
    );
    expect(page.status).toBe(422);
    expect(visibleText(page.html)).toContain(t.revokeConfirmRequired);
    expect(elements(page.html, 'input').filter((input) => input['aria-invalid'])).toEqual([
      expect.objectContaining({ id: 'partner-2-revoke', 'aria-describedby': 'partner-2-revoke-error' }),
    ]);
  });

  it('escapes every supplied name in the form and the notice', () => {
    const view = withRevocation({
      notice: { kind: 'revoked', partnerName: SCRIPT_PAYLOAD, receiptUrl: '/partners/x/receipt' },
    });
    view.entries[1] = { ...view.entries[1]!, partner: { displayName: ATTRIBUTE_PAYLOAD, kind: 'indirect-reseller' } };
    const html = renderPartnersPage(view).html;
    expect(html).not.toContain(SCRIPT_PAYLOAD);
    expect(html).not.toContain(ATTRIBUTE_PAYLOAD);
    expect(visibleText(html)).toContain(t.revokedNotice(SCRIPT_PAYLOAD));
    expect(elements(html, 'a')).toContainEqual({ href: '/partners/x/receipt', download: '' });
  });
});
