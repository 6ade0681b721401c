// Link tokens (PartitionKey = token hash: one point read per page view) and each partner's current standing link.
import { tableClient } from './clients';
import { TABLES } from './tableNames';
import { getOrUndefined } from './entities';
import { isAlreadyExists } from './tableErrors';
import type { Versioned } from './versioned';

const TOKEN_ROW = 'token';
const STANDING_ROW = 'current';

/** What a link token points at. A link is live only while its version is the consent's (or standing link's) current one. */
export type LinkTarget =
  | { kind: 'invitation'; partnerId: string; consentId: string; linkVersion: number }
  | { kind: 'standing-link'; partnerId: string; linkVersion: number };

interface LinkTokenEntity {
  partitionKey: string;
  rowKey: string;
  kind: LinkTarget['kind'];
  partnerId: string;
  consentId?: string;
  linkVersion: number;
  createdAt: string;
}

export interface StandingLink {
  partnerId: string;
  version: number;
  createdAt: string;
}

interface StandingLinkEntity {
  partitionKey: string;
  rowKey: string;
  version: number;
  createdAt: string;
}

export async function saveLinkToken(tokenHash: string, target: LinkTarget, now: Date): Promise<void> {
  const table = await tableClient(TABLES.consentTokens);
  await table.upsertEntity<LinkTokenEntity>(
    {
      partitionKey: tokenHash,
      rowKey: TOKEN_ROW,
      kind: target.kind,
      partnerId: target.partnerId,
      consentId: target.kind === 'invitation' ? target.consentId : undefined,
      linkVersion: target.linkVersion,
      createdAt: now.toISOString(),
    },
    'Replace',
  );
}

/** One point read. */
export async function findLinkTarget(tokenHash: string): Promise<LinkTarget | undefined> {
  const table = await tableClient(TABLES.consentTokens);
  const entity = await getOrUndefined<LinkTokenEntity>(table, tokenHash, TOKEN_ROW);
  if (!entity) return undefined;
  if (entity.kind === 'invitation' && entity.consentId) {
    return {
      kind: 'invitation',
      partnerId: entity.partnerId,
      consentId: entity.consentId,
      linkVersion: entity.linkVersion,
    };
  }
  return { kind: 'standing-link', partnerId: entity.partnerId, linkVersion: entity.linkVersion };
}

export async function findStandingLink(partnerId: string): Promise<Versioned<StandingLink> | undefined> {
  const table = await tableClient(TABLES.standingLinks);
  const entity = await getOrUndefined<StandingLinkEntity>(table, partnerId, STANDING_ROW);
  return entity && { value: { partnerId, version: entity.version, createdAt: entity.createdAt }, etag: entity.etag };
}

/** Creates version 1 if the partner has none; false when another request created it first. */
export async function insertStandingLink(link: StandingLink): Promise<boolean> {
  const table = await tableClient(TABLES.standingLinks);
  try {
    await table.createEntity<StandingLinkEntity>(toStandingEntity(link));
    return true;
  } catch (error) {
    if (isAlreadyExists(error)) return false;
    throw error;
  }
}

/** Moves to a new version only if nobody rotated since `etag` (412 otherwise). */
export async function replaceStandingLink(link: StandingLink, etag: string): Promise<void> {
  const table = await tableClient(TABLES.standingLinks);
  await table.updateEntity<StandingLinkEntity>(toStandingEntity(link), 'Replace', { etag });
}

function toStandingEntity(link: StandingLink): StandingLinkEntity {
  return { partitionKey: link.partnerId, rowKey: STANDING_ROW, version: link.version, createdAt: link.createdAt };
}
