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
