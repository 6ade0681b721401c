// What the use cases need from the outside world, as one object: live storage in the app, wrapped stores in tests.
import { randomBytes } from 'node:crypto';
import * as apiKeys from '../storage/apiKeyStore';
import * as authorizations from '../storage/authorizationStore';
import * as consents from '../storage/consentStore';
import * as events from '../storage/eventStore';
import * as invitations from '../storage/invitationQueue';
import * as links from '../storage/linkStore';
import * as partners from '../storage/partnerStore';

export interface Dependencies {
  partners: typeof partners;
  apiKeys: typeof apiKeys;
  consents: typeof consents;
  links: typeof links;
  authorizations: typeof authorizations;
  events: typeof events;
  invitations: typeof invitations;
  now: () => Date;
  newConsentId: (now: Date) => string;
}

export const liveDependencies: Dependencies = {
  partners,
  apiKeys,
  consents,
  links,
  authorizations,
  events,
  invitations,
  now: () => new Date(),
  newConsentId,
};

/** 2^53 ms is far beyond any date we will see; subtracting from it makes newer ids sort first in a partition. */
const NEWEST_FIRST_BASE = 2 ** 53;

/**
 * Consent ids sort newest first as RowKeys (the list order partners want) and carry 64 random bits so they cannot be
 * guessed: 11 base-36 characters of inverted time, then 16 of randomness.
 */
export function newConsentId(now: Date): string {
  return consentIdOf(now, randomBytes(8).toString('hex'));
}

/** A consent id from its time and 16 hex characters: random for a new request, derived for a standing-link consent. */
export function consentIdOf(time: Date, suffix: string): string {
  const inverted = (NEWEST_FIRST_BASE - time.getTime()).toString(36).padStart(11, '0');
  return `${inverted}${suffix}`;
}
