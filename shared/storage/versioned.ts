// A stored value with the ETag it was read at, so that the write back can be conditional.
export interface Versioned<T> {
  value: T;
  etag: string;
}
