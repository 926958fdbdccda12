/**
 * What an answer carries besides its code: HTTP's own headers (a `Date` from the target's clock, a
 * `content-length` that is the body's), the error body's `HostId` (the host the client addressed)
 * and `Recommend` link, and an XML answer's fields, which are the JSON answer's for the same
 * request, text included, whatever that text echoes.
 */
import type { Check, CheckContext, Exchange } from '../check.js';
import { expectError, expectThat } from '../expect.js';
import { byIds, byVideo } from '../params.js';
import { codeOf } from '../wire.js';
import { cellLabel } from './matrix.js';
import type { Signing } from './matrix.js';
import { askXml, expectXmlError, parseFlatXml } from './xml.js';

/**
 * How far the answer's `Date` may be from the suite's clock: the signature window. A target that
 * accepted the suite's timestamps keeps a clock within it.
 */
export const DATE_SKEW_MS: number = 15 * 60_000;

/** Characters an XML 1.0 document cannot carry (see `xml.ts`): an XML answer replaces or drops them. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these are exactly the characters XML forbids
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Every answer: a `Date` header (RFC 9110 §6.6.1: an origin server with a clock sends one) within
 * {@link DATE_SKEW_MS} of now, and a `content-length`, when sent, equal to the body's UTF-8 bytes.
 */
export function expectHttpHeaders(exchange: Exchange, now: number = Date.now()): void {
  const { label, answer } = exchange;
  const date = answer.headers['date'];
  const at = date === undefined ? Number.NaN : Date.parse(date);
  expectThat(
    Number.isFinite(at),
    `${label}: the answer has ${date === undefined ? 'no Date header' : `an unparseable Date ${JSON.stringify(date)}`}`,
    exchange,
  );
  expectThat(
    Math.abs(at - now) <= DATE_SKEW_MS,
    `${label}: the answer's Date ${date ?? ''} is more than 15 minutes from the suite's clock`,
    exchange,
  );
  const length = answer.headers['content-length'];
  expectThat(
    length === undefined || length === String(Buffer.byteLength(answer.text, 'utf8')),
    `${label}: content-length ${length ?? ''} is not the body's ${Buffer.byteLength(answer.text, 'utf8')} bytes`,
    exchange,
  );
}

/**
 * An error body's optional fields, when present: `HostId` is the host the request addressed (the
 * endpoint, as in the reference's `vod.cn-shanghai.aliyuncs.com`), and `Recommend` is an https
 * link naming the `Code` (the troubleshoot link also names the `RequestId`).
 */
export function expectErrorFields(
  exchange: Exchange,
  fields: Readonly<Record<string, unknown>>,
  host: string,
): void {
  const { label } = exchange;
  const { HostId: hostId, Recommend: recommend, Code: code, RequestId: requestId } = fields;
  expectThat(
    hostId === undefined || (typeof hostId === 'string' && hostId.toLowerCase() === host),
    `${label}: HostId ${JSON.stringify(hostId)} is not the host the request addressed (${host})`,
    exchange,
  );
  if (recommend === undefined) return;
  let link: URL | undefined;
  try {
    link = typeof recommend === 'string' ? new URL(recommend) : undefined;
  } catch {
    link = undefined;
  }
  const named = link === undefined ? [] : [...link.searchParams.values()];
  expectThat(
    link?.protocol === 'https:' && named.includes(String(code)),
    `${label}: Recommend ${JSON.stringify(recommend)} is not an https link naming the code ${String(code)}`,
    exchange,
  );
  expectThat(
    link?.searchParams.get('requestId') === null ||
      link?.searchParams.get('requestId') === String(requestId),
    `${label}: Recommend names another request than the RequestId ${String(requestId)}`,
    exchange,
  );
}

/** A value for a message to echo: markup, quotes, an ampersand, a control character, an emoji. */
export const ECHOED = `<b a="1">&amp;'\u0001\u{1F600}</b>`;

async function sameInXml(ctx: CheckContext, signing: Signing, host: string): Promise<void> {
  const params = byVideo(ctx.id('none'), [ECHOED]);
  const json = await ctx.call({ params, ...signing, label: 'an ImageType with markup, in JSON' });
  const code = expectError(json, ['InvalidParameter']);
  expectHttpHeaders(json);
  const body = json.answer.json as Readonly<Record<string, unknown>>;
  expectErrorFields(json, body, host);
  const xml = await askXml(ctx, signing, params, 'the same request, in XML');
  expectXmlError(xml, code);
  expectHttpHeaders(xml);
  const fields = parseFlatXml(xml.answer.text)?.fields ?? {};
  expectErrorFields(xml, fields, host);
  // The XML answer wraps the same fields: the same text, every character of it that XML can
  // carry kept (escaped, not dropped or mangled), the others replaced or left out.
  const message = typeof body['Message'] === 'string' ? body['Message'] : '';
  const xmlMessage = fields['Message'] ?? '';
  expectThat(
    xmlMessage === message.replace(NOT_XML, '\ufffd') ||
      xmlMessage === message.replace(NOT_XML, ''),
    `${xml.label}: the XML Message ${JSON.stringify(xmlMessage)} is not the JSON answer's ${JSON.stringify(message)}`,
    xml,
  );
  expectThat(
    fields['HostId'] === (typeof body['HostId'] === 'string' ? body['HostId'] : undefined),
    `${xml.label}: the XML HostId ${fields['HostId'] ?? '(none)'} differs from the JSON answer's`,
    xml,
  );
}

/** Answers carry HTTP's headers and the error body's fields as documented, in JSON and XML. */
export const answerHeaders: Check = {
  id: 'answer-headers',
  proves:
    "every answer carries a Date within 15 minutes of now and a content-length equal to its body; an error body's HostId, when present, is the host the request addressed and its Recommend, when present, an https link naming the Code and the RequestId; an XML error carries the JSON answer's Code, HostId and Message (markup, quotes, an emoji kept; only characters XML cannot carry replaced)",
  source:
    'RFC 9110 §6.6.1 (Date), §8.6 (Content-Length); reference d: error body (HostId, Recommend), XML replies wrap the same fields',
  needs: [],
  async run(ctx) {
    const host = new URL(ctx.target.url).host.toLowerCase();
    const signings: readonly Signing[] = [
      { algorithm: 'V3', shape: 'get-query' },
      { algorithm: 'V2', shape: 'post-form' },
      { algorithm: 'V2', shape: 'post-query' },
    ];
    for (const [i, signing] of signings.entries()) {
      const what = ['a missing image', 'a parameter error', 'a bad signature'][i] ?? '';
      await ctx.case(`${what} (${cellLabel(signing)})`, async () => {
        const exchange = await ctx.call({
          params: i === 1 ? { DeleteImageType: 'ImageId' } : byIds([ctx.id('none')]),
          ...signing,
          ...(i === 2
            ? { credentials: { ...ctx.target.credentials, accessKeySecret: 'a-wrong-secret' } }
            : {}),
          label: `${what} (${cellLabel(signing)})`,
        });
        expectError(exchange, [codeOf(exchange.answer) ?? '(a code)']);
        expectHttpHeaders(exchange);
        expectErrorFields(exchange, exchange.answer.json as Record<string, unknown>, host);
      });
    }
    const v2: Signing = { algorithm: 'V2', shape: 'get-query' };
    await ctx.case(`an echoed value, in JSON and in XML (${cellLabel(v2)})`, async () => {
      await sameInXml(ctx, v2, host);
    });
  },
};
