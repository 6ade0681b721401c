// What a role lets a partner do, in the reader's language; the names stay Microsoft's, and German sentences use them.
import { ROLE_CATALOG } from '../../../shared/domain/roles';
import { renderConsentPage, roleDescription } from '../../../shared/pages';
import { GLOBAL_ADMINISTRATOR, consentView } from './fixtures';
import { visibleText } from './html';

describe('role descriptions', () => {
  it.each(ROLE_CATALOG.map((role) => [role.displayName, role] as const))(
    'R10: %s has a German description of its own, and the English one is still Microsoft’s',
    (_name, role) => {
      const german = roleDescription(role, 'de');
      expect(german).not.toBe(role.description);
      expect(german).toMatch(/^(Kann|Eingeschränkter) /);
      expect(roleDescription(role, 'en')).toBe(role.description);
    },
  );
});

describe('a German consent page that asks for Global Administrator', () => {
  const page = renderConsentPage(
    consentView('de', { delegatedAdmin: { roles: [GLOBAL_ADMINISTRATOR], durationDays: 30, autoExtend: false } }),
  );

  it('R10: the warning names the role as the list of roles shows it', () => {
    expect(page.html).toContain('<li>Global Administrator</li>');
    expect(visibleText(page.html)).toContain('Diese Anfrage enthält die Rolle „Global Administrator“');
    expect(visibleText(page.html)).not.toMatch(/\bglobale[nrs]? Administrator/i);
  });
});
