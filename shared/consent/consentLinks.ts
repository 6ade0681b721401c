// Turning a consent's link nonce or a partner's standing-link version into the URL a customer opens, and back.
import { hashLinkToken, invitationLinkToken, standingLinkToken } from '../auth/linkTokens';
import { config } from '../config';

export function invitationUrl(nonce: string): { url: string; tokenHash: string } {
  return linkFor(invitationLinkToken(config().keys.links, nonce));
}

export function standingLinkUrl(partnerId: string, version: number): { url: string; tokenHash: string } {
  return linkFor(standingLinkToken(config().keys.links, partnerId, version));
}

function linkFor(token: string) {
  // Built from the configured public base URL, never from request headers (a forged Host must not forge links).
  return { url: `${config().publicBaseUrl}/consent/${token}`, tokenHash: hashLinkToken(token) };
}
