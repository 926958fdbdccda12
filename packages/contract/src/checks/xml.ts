/**
 * Answers in XML, for the requests that ask for them (`Format=XML`, V2): the service's other
 * documented format. The fields are those of the JSON answers, inside `<Error>` or
 * `<DeleteImageResponse>`, and the document stays well-formed whatever a request echoed into it.
 */
import { defaultSpecValidator } from '@vodkit/emulator';
import type { Credentials } from '@vodkit/signer';
import type { Check, CheckContext, Exchange } from '../check.js';
import { expectThat } from '../expect.js';
import { statusOfCode } from '../expect.js';
import { byIds, byVideo } from '../params.js';
import { forge } from './forge.js';
import { cellLabel } from './matrix.js';
import type { Signing } from './matrix.js';

/** A flat XML document: its root element and its child elements' text. */
export interface FlatXml {
  readonly root: string;
  readonly fields: Readonly<Record<string, string>>;
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};
// XML 1.0 allows tab, LF, CR and everything from U+0020 except the surrogates, FFFE and FFFF.
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these are exactly the characters XML forbids
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const TEXT = /^(?:[^<>&]|&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)*$/;
const DOCUMENT =
  /^(?:<\?xml version=["']1\.0["'] encoding=["']UTF-8["']\?>)?\s*<(\w+)>([\s\S]*)<\/\1>\s*$/;
const FIELD = /<(\w+)>([^<]*)<\/\1>/y;

/** Parses a flat, well-formed XML document; `undefined` when it is anything else. */
export function parseFlatXml(text: string): FlatXml | undefined {
  if (NOT_XML.test(text)) return undefined;
  const m = DOCUMENT.exec(text);
  if (m === null) return undefined;
  const [, root = '', body = ''] = m;
  const fields: Record<string, string> = {};
  FIELD.lastIndex = 0;
  let at = 0;
  while (at < body.length) {
    FIELD.lastIndex = at;
    const f = FIELD.exec(body);
    if (f === null) return undefined;
    const [whole, name = '', raw = ''] = f;
    if (!TEXT.test(raw)) return undefined;
    fields[name] = raw.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_, e: string) =>
      e.startsWith('#x')
        ? String.fromCodePoint(parseInt(e.slice(2), 16))
        : e.startsWith('#')
          ? String.fromCodePoint(Number(e.slice(1)))
          : (ENTITIES[e] ?? ''),
    );
    at += whole.length;
  }
  return { root, fields };
}

const XML_TYPE = /^(?:text|application)\/xml\s*(?:;.*)?$/i;

/** The answer's flat XML document, once its content-type was judged XML. */
function xmlOf(exchange: Exchange): ReturnType<typeof parseFlatXml> {
  const { label, answer } = exchange;
  const type = answer.headers['content-type'] ?? '';
  expectThat(
    XML_TYPE.test(type.trim()),
    `${label}: content-type ${JSON.stringify(type)} is not XML`,
    exchange,
  );
  return parseFlatXml(answer.text);
}

/** An XML error answer: its content-type, a well-formed document, the code at its status, a VodError. */
export function expectXmlError(exchange: Exchange, code: string): void {
  const { label, answer } = exchange;
  const xml = xmlOf(exchange);
  expectThat(
    xml !== undefined,
    `${label}: the answer is not a well-formed flat XML document`,
    exchange,
  );
  expectThat(
    xml?.root === 'Error',
    `${label}: the XML root is <${xml?.root ?? ''}>, not <Error>`,
    exchange,
  );
  const fields = xml?.fields ?? {};
  expectThat(
    fields['Code'] === code,
    `${label}: expected ${code}, got ${fields['Code'] ?? '(no Code)'}`,
    exchange,
  );
  const status = statusOfCode(code);
  expectThat(
    status === undefined || status === answer.status,
    `${label}: ${code} must answer HTTP ${status ?? ''}, got ${answer.status}`,
    exchange,
  );
  const problems = defaultSpecValidator().validate('VodError', fields);
  expectThat(
    problems.length === 0,
    `${label}: the XML fields do not match the spec's VodError: ${problems.join('; ')}`,
    exchange,
  );
}

/** An XML success: 200, `<DeleteImageResponse>` with a RequestId. */
export function expectXmlAccepted(exchange: Exchange): void {
  const { label, answer } = exchange;
  expectThat(answer.status === 200, `${label}: expected 200, got ${answer.status}`, exchange);
  const xml = xmlOf(exchange);
  expectThat(
    xml?.root === 'DeleteImageResponse',
    `${label}: not a well-formed <DeleteImageResponse>`,
    exchange,
  );
  const problems = defaultSpecValidator().validate('DeleteImageResponse', xml?.fields ?? {});
  expectThat(
    problems.length === 0,
    `${label}: the XML fields do not match the spec's DeleteImageResponse: ${problems.join('; ')}`,
    exchange,
  );
}

/** A V2 call asking for XML (`format` spelt as given: the service reads it in any case). */
export const askXml = (
  ctx: CheckContext,
  signing: Signing,
  params: Readonly<Record<string, string>>,
  label: string,
  credentials: Credentials = ctx.target.credentials,
  format: string = 'XML',
): Promise<Exchange> =>
  ctx.call({ params, ...signing, credentials, sign: forge({ common: { Format: format } }), label });

/** Errors asked for in XML come in XML. */
export const xmlAnswers: Check = {
  id: 'xml-answers',
  proves:
    'a V2 request with Format=XML (in any case) is answered in XML: an error as a well-formed <Error> with the documented Code at its status and the VodError fields, whatever the request echoed into it (markup, quotes, ampersands, control characters)',
  source: 'reference: Format=JSON or XML; XML replies wrap the same fields in an <Error> element',
  needs: [],
  async run(ctx) {
    const cases: readonly (readonly [string, Signing, () => Promise<Exchange>, string])[] = [
      [
        'a missing image',
        { algorithm: 'V2', shape: 'get-query' },
        () =>
          askXml(
            ctx,
            { algorithm: 'V2', shape: 'get-query' },
            byIds([ctx.id('none')]),
            'a missing image, in XML',
          ),
        'NoSuchResource',
      ],
      [
        'a value with markup and a control character',
        { algorithm: 'V2', shape: 'post-form' },
        () =>
          askXml(
            ctx,
            { algorithm: 'V2', shape: 'post-form' },
            byVideo(ctx.id('none'), [`<b a="1">&amp;'\u0001</b>`]),
            'an ImageType with markup, in XML',
          ),
        'InvalidParameter',
      ],
      [
        'Format=xml in lowercase',
        { algorithm: 'V2', shape: 'get-query' },
        () =>
          askXml(
            ctx,
            { algorithm: 'V2', shape: 'get-query' },
            byIds([ctx.id('none')]),
            'a missing image, Format=xml',
            ctx.target.credentials,
            'xml',
          ),
        'NoSuchResource',
      ],
      [
        'a bad signature',
        { algorithm: 'V2', shape: 'post-query' },
        () =>
          askXml(
            ctx,
            { algorithm: 'V2', shape: 'post-query' },
            byIds([ctx.id('none')]),
            'a bad signature, in XML',
            { ...ctx.target.credentials, accessKeySecret: 'a-wrong-secret' },
          ),
        'SignatureDoesNotMatch',
      ],
    ];
    for (const [what, signing, send, code] of cases) {
      await ctx.case(`${what} (${cellLabel(signing)}, XML)`, async () => {
        expectXmlError(await send(), code);
      });
    }
  },
};
