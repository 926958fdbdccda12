/** Reads the spec as a plain object (YAML anchors resolved), for the generators that walk it. */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

/** The parts of an OpenAPI document the generators look at; everything else stays `unknown`. */
export interface OpenApiDocument {
  readonly openapi: string;
  readonly info: { readonly version: string };
  readonly servers: readonly {
    readonly url: string;
    readonly variables?: Readonly<
      Record<
        string,
        {
          readonly default: string;
          readonly enum?: readonly string[];
          readonly 'x-region-names'?: Readonly<Record<string, string>>;
          readonly 'x-deactivated-regions'?: Readonly<Record<string, unknown>>;
        }
      >
    >;
  }[];
  readonly paths: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly components: {
    readonly schemas: Readonly<Record<string, Record<string, unknown>>>;
    readonly securitySchemes: Readonly<Record<string, Record<string, unknown>>>;
    readonly parameters: Readonly<
      Record<string, { readonly name: string; readonly in: string; readonly schema: unknown }>
    >;
  };
}

/** Parses the YAML text of the spec; aliases are expanded so every node is a plain value. */
export function parseSpec(text: string): OpenApiDocument {
  return parse(text, { maxAliasCount: -1 }) as OpenApiDocument;
}

/** Reads and parses the spec file at `path`. */
export async function loadSpec(path: string): Promise<OpenApiDocument> {
  return parseSpec(await readFile(path, 'utf8'));
}
