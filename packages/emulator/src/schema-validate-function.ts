import type { ErrorObject } from 'ajv';

/**
 * A validator of one schema: true when `data` is valid; otherwise `errors` lists the problems.
 * ajv's compiled and standalone validate functions both are one. A module of its own so that
 * the generated validators and the spec validator that loads them both name it without
 * importing each other.
 */
export interface SchemaValidateFunction {
  (data: unknown): boolean;
  /** The problems of the last call that returned false. */
  errors?: ErrorObject[] | null;
}
