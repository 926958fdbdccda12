/**
 * The gateway's wording of validation errors: which ajv error of a rejected request is the
 * telling one, and the `MissingParameter` / `InvalidParameter` message that names the field and
 * the rule, as Alibaba's gateway words them.
 */
import type { ErrorObject } from 'ajv';
import { IMAGE_TYPE_ALL } from '@vodkit/types';
import type { DeleteImageRequest } from '@vodkit/types';

/** The outcome of validating DeleteImage wire parameters. */
export type RequestValidation =
  | { readonly ok: true; readonly request: DeleteImageRequest }
  | {
      readonly ok: false;
      /** `MissingParameter` or `InvalidParameter`. */
      readonly code: 'MissingParameter' | 'InvalidParameter';
      /** The parameter at fault. */
      readonly field: string;
      /** The rule broken, in words. */
      readonly rule: string;
      /** The gateway-style message naming the field and the rule. */
      readonly message: string;
    };

/** A rejected request: {@link RequestValidation} with `ok: false`. */
export type RequestRejection = Extract<RequestValidation, { ok: false }>;

/** A short, stable rendering of ajv errors. */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.keyword}: ${error.message ?? ''}`,
  );
}

const shown = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 64 ? `${text.slice(0, 61)}...` : text;
};

/** `MissingParameter`: `field` is absent; `rule` says why it is needed. */
export function missing(field: string, rule: string): RequestRejection {
  return {
    ok: false,
    code: 'MissingParameter',
    field,
    rule,
    message: `The input parameter "${field}" that is mandatory for processing this request is not supplied (${rule}).`,
  };
}

/** `InvalidParameter`: `field` breaks `rule` (a sentence). */
export function invalid(field: string, rule: string): RequestRejection {
  return {
    ok: false,
    code: 'InvalidParameter',
    field,
    rule,
    message: `The specified parameter "${field}" is not valid. ${rule}`,
  };
}

/** Words for the first ajv error of the common parameter `name`. */
export function explainParameter(
  name: string,
  errors: readonly ErrorObject[] | null | undefined,
): RequestRejection {
  const e = errors?.[0];
  const p = (e?.params ?? {}) as Record<string, unknown>;
  const rule =
    e?.keyword === 'enum'
      ? `It must be one of ${(p['allowedValues'] as unknown[]).map(String).join(', ')}.`
      : e?.keyword === 'const'
        ? `It must be ${String(p['allowedValue'])}.`
        : `It ${e?.message ?? 'breaks the schema'}.`;
  return invalid(name, rule);
}

/** Picks the most telling ajv error: the deepest one, skipping `oneOf` summaries and `type`. */
export function pickError(errors: readonly ErrorObject[]): ErrorObject | undefined {
  const useful = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if');
  const pool = useful.some((e) => e.keyword !== 'type' && e.keyword !== 'const')
    ? useful.filter((e) => e.keyword !== 'type' && e.keyword !== 'const')
    : useful;
  const first = pool.find((e) => e.keyword === 'required' || e.keyword === 'additionalProperties');
  if (first !== undefined) return first;
  return [...pool].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
}

/**
 * Words for one ajv error of a decoded DeleteImage request of variant `type`; `variantFields`
 * are the fields of every variant (a field of another variant is worded as such).
 */
export function explain(
  error: ErrorObject,
  request: Readonly<Record<string, unknown>>,
  type: string,
  variantFields: ReadonlySet<string>,
): RequestRejection {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') {
    const field = String(params['missingProperty']);
    return missing(field, `it is required when DeleteImageType is ${type}`);
  }
  if (error.keyword === 'additionalProperties') {
    const field = String(params['additionalProperty']);
    return invalid(
      field,
      variantFields.has(field)
        ? `It is not accepted when DeleteImageType is ${type}.`
        : 'It is not a parameter of DeleteImage.',
    );
  }
  const [, field = '', index] = error.instancePath.split('/');
  const value = request[field];
  const item =
    index === undefined
      ? ''
      : `Item ${Number(index) + 1} (${shown((value as unknown[])[Number(index)])}) `;
  switch (error.keyword) {
    case 'maxItems':
      return invalid(
        field,
        `It holds ${(value as unknown[]).length} items; at most ${String(params['limit'])} are allowed.`,
      );
    case 'minItems':
      return invalid(field, `It must hold at least ${String(params['limit'])} item.`);
    case 'uniqueItems':
      return invalid(
        field,
        `It lists the same item twice (items ${Number(params['j']) + 1} and ${Number(params['i']) + 1}).`,
      );
    case 'minLength':
      return invalid(field, `${item === '' ? 'It' : `Item ${Number(index) + 1}`} is empty.`);
    case 'pattern':
      return invalid(
        field,
        `${item || `The value (${shown(value)}) `}does not match the pattern ${String(params['pattern'])}.`,
      );
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String);
      if (field === 'ImageType') {
        return Array.isArray(value) && value.includes(IMAGE_TYPE_ALL)
          ? invalid(
              field,
              `${IMAGE_TYPE_ALL} stands alone: it cannot be combined with a snapshot kind.`,
            )
          : invalid(
              field,
              `${item}must be ${IMAGE_TYPE_ALL} or a set of ${allowed.filter((k) => k !== IMAGE_TYPE_ALL).join(', ')}.`,
            );
      }
      return invalid(
        field,
        `${item || `The value (${shown(value)}) `}must be one of ${allowed.join(', ')}.`,
      );
    }
    default:
      return invalid(field || 'DeleteImageType', `${item}${error.message ?? 'breaks the schema'}.`);
  }
}
