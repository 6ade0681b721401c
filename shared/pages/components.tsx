// Small pieces several customer pages show: a partner's facts, what it may do, a role list.
import { visibleLine } from '../domain/suppliedText';
import { includesGlobalAdministrator as includesGlobalAdministratorId } from '../domain/roles';
import type { Messages } from './messages';
import type { Channel, PartnerView, RoleView } from './viewModels';

/** R10: Global Administrator is recognized by its role template id, whatever the display name says. */
export function includesGlobalAdministrator(roles: RoleView[]): boolean {
  return includesGlobalAdministratorId(roles.map((role) => role.id));
}

export function PartnerFacts(props: {
  t: Messages;
  partner: PartnerView;
  customer?: { displayName?: string; domain?: string };
}) {
  const { t, partner, customer } = props;
  const requestedFor = [
    customer?.displayName && visibleLine(customer.displayName),
    customer?.domain && `(${customer.domain})`,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <dl>
      <dt>{t.kindLabel}</dt>
      <dd>{t.kind[partner.kind]}</dd>
      {partner.verifiedDomain && (
        <>
          <dt>{t.verifiedDomainLabel}</dt>
          <dd>{partner.verifiedDomain}</dd>
        </>
      )}
      {partner.microsoftPartnerId && (
        <>
          <dt>{t.partnerIdLabel}</dt>
          <dd>{partner.microsoftPartnerId}</dd>
        </>
      )}
      {requestedFor && (
        <>
          <dt>{t.requestedForLabel}</dt>
          <dd>{requestedFor}</dd>
        </>
      )}
    </dl>
  );
}

export function ChannelList(props: { t: Messages; channels: readonly Channel[] }) {
  return (
    <ul>
      {props.channels.map((channel) => (
        <li key={channel}>{props.t.channel[channel]}</li>
      ))}
    </ul>
  );
}

export function RoleList(props: { roles: RoleView[] }) {
  return (
    <ul>
      {props.roles.map((role) => (
        <li key={role.id}>{role.displayName}</li>
      ))}
    </ul>
  );
}
