/**
 * Generated blocks inside hand-written markdown: the text between
 * `<!-- bench:<name>:start -->` and `<!-- bench:<name>:end -->` belongs to the generator, the
 * rest of the file to its authors.
 */

/** The markers around the block `name`. */
export function markers(name: string): { start: string; end: string } {
  return { start: `<!-- bench:${name}:start -->`, end: `<!-- bench:${name}:end -->` };
}

const MARKER = /<!-- bench:([a-z0-9-]+):(start|end) -->/g;

/** The names of the blocks a text holds, in order. */
export function blockNames(text: string): string[] {
  return [...text.matchAll(MARKER)]
    .filter((match) => match[2] === 'start')
    .map((match) => match[1] ?? '');
}

/**
 * What lies between a block's markers, or an error naming what is wrong: a block must appear
 * exactly once, start before end.
 */
export function readBlock(text: string, name: string): string {
  const { start, end } = markers(name);
  const first = text.indexOf(start);
  if (first < 0) throw new Error(`no ${start}`);
  if (text.includes(start, first + 1)) throw new Error(`${start} appears twice`);
  const last = text.indexOf(end, first);
  if (last < 0) throw new Error(`${start} has no ${end} after it`);
  return text.slice(first + start.length, last);
}

/**
 * The block's content as it is written between the markers: a block whose name ends in
 * `-block` stands on lines of its own (a blank line on each side, so markdown reads the table),
 * any other sits inside a sentence.
 */
export function blockContent(name: string, rendered: string): string {
  return name.endsWith('-block') ? `\n\n${rendered}\n\n` : rendered;
}

/**
 * `text` with every block it holds replaced by its rendering. A block the text holds but
 * `blocks` does not render is an error: a marker with nothing to fill it is a typo.
 */
export function replaceBlocks(text: string, blocks: Readonly<Record<string, string>>): string {
  let out = text;
  for (const name of blockNames(text)) {
    const rendered = blocks[name];
    if (rendered === undefined) throw new Error(`no renderer for block ${name}`);
    const { start, end } = markers(name);
    const current = readBlock(out, name);
    const at = out.indexOf(start) + start.length;
    out = out.slice(0, at) + blockContent(name, rendered) + out.slice(at + current.length);
    if (!out.includes(end)) throw new Error(`lost ${end}`);
  }
  return out;
}
