// Recognising the Table service's expected refusals (the code is in details.errorCode, not in code).
import { isRestError } from '@azure/core-rest-pipeline';

/** 404: the entity (or table) is not there. */
export function isNotFound(error: unknown): boolean {
  return isRestError(error) && error.statusCode === 404;
}

/** 409 on insert: an entity with these keys exists already. */
export function isAlreadyExists(error: unknown): boolean {
  return isRestError(error) && error.statusCode === 409;
}

/** 412: someone else changed the entity since we read it (ETag mismatch). */
export function isPreconditionFailed(error: unknown): boolean {
  return isRestError(error) && error.statusCode === 412;
}

/**
 * Whether a value can be a PartitionKey or RowKey at all (no / \ # ?, no control characters, at most 1 KiB). Ids from
 * URLs are checked with this before a read, so a malformed id is simply "not found" instead of a storage error.
 */
export function isUsableKey(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what Table Storage refuses
  return value.length > 0 && value.length <= 512 && !/[/\\#?\u0000-\u001f\u007f-\u009f]/.test(value);
}
