// Each partner's one standing link (R11): made on first request, stable until rotated; any customer's admin may accept it.
import type { Partner } from '../domain/partners';
import { issuingRefusal } from '../domain/partners';
import { conflict, forbidden } from '../errors';
import type { StandingLink } from '../storage/linkStore';
import { isPreconditionFailed } from '../storage/tableErrors';
import type { Dependencies } from './dependencies';

export interface StandingLinkAnswer {
  url: string;
  createdAt: string;
}

export async function standingLink(deps: Dependencies, partner: Partner): Promise<StandingLinkAnswer> {
  const existing = await existingStandingLink(deps, partner);
  if (existing) return existing;
  const first: StandingLink = { partnerId: partner.id, version: 1, createdAt: deps.now().toISOString() };
  // Token row first: a standing-link row is only ever visible once its link works.
  await saveToken(deps, first);
  if (await deps.links.insertStandingLink(first)) return answer(deps, first);
  const winner = await deps.links.findStandingLink(partner.id); // a concurrent first call made it
  return answer(deps, winner!.value);
}

/** The standing link once made, or undefined: never makes it, for pages whose GET must not change anything. */
export async function existingStandingLink(
  deps: Dependencies,
  partner: Partner,
): Promise<StandingLinkAnswer | undefined> {
  requireMayIssue(partner);
  const existing = await deps.links.findStandingLink(partner.id);
  return existing && answer(deps, existing.value);
}

/** Replaces the standing link; the old URL stops working at once (its version is no longer current; its row stays, so the page can say it was replaced). */
export async function rotateStandingLink(deps: Dependencies, partner: Partner): Promise<StandingLinkAnswer> {
  requireMayIssue(partner);
  const existing = await deps.links.findStandingLink(partner.id);
  if (!existing) return standingLink(deps, partner);
  const next: StandingLink = {
    partnerId: partner.id,
    version: existing.value.version + 1,
    createdAt: deps.now().toISOString(),
  };
  await saveToken(deps, next);
  try {
    await deps.links.replaceStandingLink(next, existing.etag);
  } catch (error) {
    if (isPreconditionFailed(error))
      throw conflict('The standing link was rotated by another request at the same moment.');
    throw error;
  }
  return answer(deps, next);
}

function requireMayIssue(partner: Partner): void {
  const refusal = issuingRefusal(partner);
  if (refusal) throw forbidden(refusal);
}

async function saveToken(deps: Dependencies, link: StandingLink): Promise<void> {
  const { tokenHash } = deps.consentLinks.standing(link.partnerId, link.version);
  await deps.links.saveLinkToken(
    tokenHash,
    { kind: 'standing-link', partnerId: link.partnerId, linkVersion: link.version },
    new Date(link.createdAt),
  );
}

function answer(deps: Dependencies, link: StandingLink): StandingLinkAnswer {
  return { url: deps.consentLinks.standing(link.partnerId, link.version).url, createdAt: link.createdAt };
}
