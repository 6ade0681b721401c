// A page of a list route: its query read, the client's token opened for this list only, the next one sealed for it.
import type { HttpRequest } from '@azure/functions';
import type { z } from 'zod';
import { config } from '../config';
import { invalid } from '../errors';
import type { Page, PageRequest } from '../storage/paging';
import { openPageToken, sealPageToken, type PageScope } from './pageTokens';
import { readQuery } from './request';

/** The paging part of every list's query (shared/schemas/common.ts pageQuerySchema); the rest are its filters. */
interface PageQuery {
  pageSize: number;
  continuationToken?: string;
}

/**
 * Reads a list route's query with `schema` and answers the page `list` finds. `caller` is whose view is paged (the
 * partner's id, the operator's key id): a token works only on the route, for the caller and with the filters that it
 * came from, and anything else — another list's token, an altered one, one of an older APP_SECRET — is a 400 asking
 * to start again, never a page of something else.
 */
export async function listPage<S extends z.ZodType<PageQuery>, T>(
  request: HttpRequest,
  schema: S,
  caller: string,
  list: (filters: Omit<z.infer<S>, keyof PageQuery>, page: PageRequest) => Promise<Page<T>>,
): Promise<Page<T>> {
  const { pageSize, continuationToken, ...filters } = readQuery(request, schema);
  const scope: PageScope = { route: new URL(request.url).pathname.toLowerCase(), caller, filters };
  const key = config().keys.pages;
  const position = continuationToken === undefined ? undefined : openPageToken(key, scope, continuationToken);
  if (continuationToken !== undefined && position === undefined) throw foreignToken();
  const found = await list(filters, { pageSize, continuationToken: position });
  if (found.continuationToken === undefined) return found;
  return { ...found, continuationToken: sealPageToken(key, scope, found.continuationToken) };
}

function foreignToken() {
  const message =
    'is not a token of this list: pass back, unchanged, the continuationToken of the previous page of the same ' +
    'route with the same filters, or start again from the first page without a token';
  return invalid(`continuationToken ${message}.`, [{ path: 'continuationToken', message }]);
}
