// The domain's public API: pure rules and types over plain data, no I/O.
export {
  CHANNELS,
  PARTNER_KINDS,
  PARTNER_KIND_RULES,
  channelsFor,
  issuingRefusal,
  type AuthorizationBasis,
  type Channel,
  type Partner,
  type PartnerKind,
  type PartnerKindRule,
  type PartnerStatus,
} from './partners';
export { GLOBAL_ADMINISTRATOR_ROLE_ID, ROLE_CATALOG, findRole, type DirectoryRole } from './roles';
