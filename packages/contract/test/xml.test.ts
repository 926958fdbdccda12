/** The flat XML reader the xml-answers check judges answers with. */
import { expect, it } from 'vitest';
import { parseFlatXml } from '../src/checks/xml.ts';

it('reads a flat document and decodes its entities', () => {
  expect(
    parseFlatXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><RequestId>R1</RequestId><Message>a &lt;b&gt; &amp; &#39;c&#x27;</Message></Error>',
    ),
  ).toEqual({ root: 'Error', fields: { RequestId: 'R1', Message: "a <b> & 'c'" } });
  expect(
    parseFlatXml('<DeleteImageResponse><RequestId>R</RequestId></DeleteImageResponse>'),
  ).toEqual({
    root: 'DeleteImageResponse',
    fields: { RequestId: 'R' },
  });
});

it('refuses what is not well-formed XML', () => {
  expect(parseFlatXml('<Error><Message>a & b</Message></Error>')).toBeUndefined();
  expect(parseFlatXml('<Error><Message>a > b</Message></Error>')).toBeUndefined();
  expect(parseFlatXml('<Error><Message>a \u0001 b</Message></Error>')).toBeUndefined();
  expect(parseFlatXml('<Error><Message>a <b>x</b></Message></Error>')).toBeUndefined();
  expect(parseFlatXml('<Error><Code>X</Code></Eror>')).toBeUndefined();
  expect(parseFlatXml('{"Code":"X"}')).toBeUndefined();
});
