/** esbuild/vite `define` entries: `__VODKIT_CLIENT_VERSION__`, this package's version as a string literal. */
export declare const versionDefine: Readonly<Record<string, string>>;
