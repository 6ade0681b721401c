// Turning a consent's link nonce or a partner's standing-link version into the URL a customer opens, and its hash.
import { hashLinkToken, invitationLinkToken, standingLinkToken } from '../auth/linkTokens';

/** A link as handed out (`url`) and as stored (`tokenHash`): the token itself is never kept. */
export interface ConsentLink {
  url: string;
  tokenHash: string;
}

/** This deployment's consent links: tokens made with its link key, URLs on its public base URL. */
export interface ConsentLinks {
  invitation(nonce: string): ConsentLink;
  standing(partnerId: string, version: number): ConsentLink;
}

export function consentLinksFor(settings: { linkKey: Buffer; publicBaseUrl: string }): ConsentLinks {
  // Built from the configured public base URL, never from request headers (a forged Host must not forge links).
  const linkFor = (token: string): ConsentLink => ({
    url: `${settings.publicBaseUrl}/consent/${token}`,
    tokenHash: hashLinkToken(token),
  });
  return {
    invitation: (nonce) => linkFor(invitationLinkToken(settings.linkKey, nonce)),
    standing: (partnerId, version) => linkFor(standingLinkToken(settings.linkKey, partnerId, version)),
  };
}
