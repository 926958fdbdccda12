/**
 * The local registry's config, read as Verdaccio reads it: `@vodkit/*` has no uplink (a name the
 * tests did not publish can never come from the public registry), everything else proxies.
 */
import { parseConfigFile } from 'verdaccio';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UPLINK, LOCAL_SCOPE, registryConfig } from '../src/registry.ts';

interface ParsedConfig {
  storage: string;
  uplinks: Record<string, { url: string }>;
  packages: Record<string, { access?: unknown; publish?: unknown; proxy?: unknown }>;
}

async function parsed(uplink: string): Promise<ParsedConfig> {
  const folder = await mkdtemp(join(tmpdir(), 'vodkit-registry-config-'));
  try {
    const file = join(folder, 'config.yaml');
    await writeFile(file, registryConfig(folder, uplink));
    return parseConfigFile(file) as ParsedConfig;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

describe('registryConfig', () => {
  it(`serves ${LOCAL_SCOPE}/* from storage only, published by an authenticated user`, async () => {
    const config = await parsed(DEFAULT_UPLINK);
    const local = config.packages[`${LOCAL_SCOPE}/*`];
    expect(local).toBeDefined();
    expect(local?.proxy).toBeUndefined();
    expect(local?.publish).toBe('$authenticated');
    // The scope's rule comes first: Verdaccio applies the first pattern a name matches.
    expect(Object.keys(config.packages)[0]).toBe(`${LOCAL_SCOPE}/*`);
  });

  it('reads every other name through the uplink, and lets nobody publish one', async () => {
    const config = await parsed('http://127.0.0.1:9/');
    expect(config.uplinks['npmjs']?.url).toBe('http://127.0.0.1:9/');
    expect(config.packages['**']?.proxy).toBe('npmjs');
    expect(config.packages['**']?.publish).toBeUndefined();
  });

  it('keeps storage inside the folder it is given', async () => {
    const config = await parsed(DEFAULT_UPLINK);
    expect(config.storage).toMatch(/vodkit-registry-config-[^/]+\/storage$/);
  });
});
