/**
 * Runs API Extractor over every reported entry point (see entries.ts) with one TypeScript program
 * for all of them, the costly part, built once. `check` compares each report with the committed
 * one and fails on any difference; `update` writes the reports. Both fail on an unresolved
 * `{@link}`, a tsdoc syntax error or a compiler error in the declarations.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CompilerState,
  Extractor,
  ExtractorConfig,
  ExtractorLogLevel,
} from '@microsoft/api-extractor';
import type { ExtractorMessage, IConfigFile } from '@microsoft/api-extractor';
import { TSDocConfigFile } from '@microsoft/tsdoc-config';
import { repoRoot } from '@vodkit/release-check/workspace-packages';
import { reportedEntries } from './entries.ts';
import type { ReportedEntry } from './entries.ts';

/** `check`: fail when a report differs from the committed one. `update`: write the reports. */
export type ReportMode = 'check' | 'update';

/** A problem API Extractor found, as one printable line. */
export interface ReportProblem {
  readonly id: string;
  readonly text: string;
  /** `packages/signer/dist/index.d.ts:12:3`, when the message has a place. */
  readonly where?: string;
}

/** What one entry point's run found. */
export interface EntryOutcome {
  readonly entry: ReportedEntry;
  /** The committed report differs from what the declarations say (or is missing). */
  readonly changed: boolean;
  /** Errors: unresolved links, tsdoc syntax, compiler errors. Any of them fails the run. */
  readonly problems: readonly ReportProblem[];
  /** In `check` mode, the differences, as API Extractor prints them. */
  readonly diff?: string;
}

/**
 * Why each message is kept, raised or silenced. API Extractor's defaults are warnings; here a
 * message either fails the run or is not reported at all, so there is nothing to ignore.
 */
const MESSAGES: NonNullable<IConfigFile['messages']> = {
  compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Error } },
  extractorMessageReporting: {
    default: { logLevel: ExtractorLogLevel.Error },
    // The point of the check: a `{@link}` that names nothing a reader can follow.
    'ae-unresolved-link': { logLevel: ExtractorLogLevel.Error },
    // No release tags (@public, @beta): every export of an entry point is public by being there.
    'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None },
    // A type used by an export but not exported itself is part of the surface all the same:
    // the report lists it (as "Warning: ... not exported"), so a change to it shows in the diff.
    'ae-forgotten-export': { logLevel: ExtractorLogLevel.None, addToApiReportFile: true },
    // Every export has tsdoc (house style, reviewed); members of generated types may not.
    'ae-undocumented': { logLevel: ExtractorLogLevel.None },
  },
  // Every tsdoc message is a syntax or tag error in a comment users read in their editor.
  tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.Error } },
};

/**
 * One compiler setup for every entry (browser and Node declarations alike, as users load them),
 * whose files are every entry's declarations: one program serves all the runs.
 */
const tsconfig = (files: readonly string[]): object => ({
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    types: ['node'],
    strict: true,
    skipLibCheck: true,
  },
  files,
});

/** TSDoc's standard tags, API Extractor's, and openapi-typescript's `@description`. */
const tsdocConfigFile = (): TSDocConfigFile => {
  const file = TSDocConfigFile.loadFile(fileURLToPath(new URL('../tsdoc.json', import.meta.url)));
  if (file.hasErrors) throw new Error(`tsdoc.json: ${file.getErrorSummary()}`);
  return file;
};

function prepare(
  entry: ReportedEntry,
  tempFolder: string,
  files: readonly string[],
  tsdoc: TSDocConfigFile,
): ExtractorConfig {
  const configObject: IConfigFile = {
    projectFolder: entry.packageDir,
    mainEntryPointFilePath: entry.declarations,
    bundledPackages: [],
    newlineKind: 'lf',
    compiler: { overrideTsconfig: tsconfig(files) },
    apiReport: {
      enabled: true,
      reportFileName: entry.reportName,
      reportFolder: entry.reportFolder,
      reportTempFolder: join(tempFolder, entry.reportName),
      includeForgottenExports: false,
    },
    docModel: { enabled: false },
    dtsRollup: { enabled: false },
    tsdocMetadata: { enabled: false },
    messages: MESSAGES,
  };
  return ExtractorConfig.prepare({
    configObject,
    configObjectFullPath: join(entry.packageDir, 'api-extractor.json'),
    packageJsonFullPath: join(entry.packageDir, 'package.json'),
    tsdocConfigFile: tsdoc,
  });
}

function problemOf(message: ExtractorMessage): ReportProblem {
  const file = message.sourceFilePath;
  const where =
    file === undefined
      ? undefined
      : `${relative(repoRoot, file)}:${message.sourceFileLine ?? 0}:${message.sourceFileColumn ?? 0}`;
  return { id: message.messageId, text: message.text, ...(where === undefined ? {} : { where }) };
}

/** Runs `entries` (every reported entry point by default) in `mode`; never throws for findings. */
export function extractReports(
  mode: ReportMode,
  entries: readonly ReportedEntry[] = reportedEntries(),
): EntryOutcome[] {
  const tempFolder = mkdtempSync(join(tmpdir(), 'vodkit-api-report-'));
  try {
    const files = entries.map((entry) => entry.declarations);
    const tsdoc = tsdocConfigFile();
    const configs = entries.map((entry) => prepare(entry, tempFolder, files, tsdoc));
    const [first] = configs;
    if (first === undefined) return [];
    // One program for every entry: API Extractor analyses each entry inside it.
    const compilerState = CompilerState.create(first);
    return entries.map((entry, i) => {
      const problems: ReportProblem[] = [];
      const diffs: string[] = [];
      if (mode === 'update') mkdirSync(entry.reportFolder, { recursive: true });
      const config = configs[i];
      if (config === undefined) throw new Error(`no config for ${entry.specifier}`);
      const result = Extractor.invoke(config, {
        compilerState,
        localBuild: mode === 'update',
        printApiReportDiff: mode === 'check',
        messageCallback: (message) => {
          message.handled = true;
          if (message.messageId === 'console-api-report-diff') diffs.push(message.text);
          else if (message.logLevel === ExtractorLogLevel.Error) problems.push(problemOf(message));
        },
      });
      return {
        entry,
        changed: result.apiReportChanged,
        problems,
        ...(diffs.length > 0 ? { diff: diffs.join('\n') } : {}),
      };
    });
  } finally {
    rmSync(tempFolder, { recursive: true, force: true });
  }
}
