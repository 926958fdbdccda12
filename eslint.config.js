// One flat config for the whole monorepo. Packages run `eslint .` from their own folder and
// ESLint finds this file by walking up, so the rules are the same everywhere.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.turbo/**',
      '**/.reports/**',
      '**/coverage/**',
      // Stryker's backups of the files it mutates in place (tools/mutation).
      '**/.stryker-tmp/**',
      // Generated from the spec: checked for drift instead of linted.
      '**/src/generated/**',
      // A downstream team's project, type-checked and run inside scratch projects by the consumer
      // tests against the installed packages (some of its files must fail to type-check).
      'tools/consumers/fixtures/app/**',
    ],
  },
  {
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/consistent-type-exports': 'error',
      // isolatedDeclarations asks for explicit types on exported values; this rule asks for none.
      '@typescript-eslint/no-inferrable-types': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportAllDeclaration',
          message: 'Use explicit named exports (house style): no `export *`.',
        },
      ],
    },
  },
  {
    // Plain JavaScript config files are not covered by a tsconfig's type information.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Build scripts run on Node; name the few globals they use rather than pulling in a list.
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: { URL: 'readonly', console: 'readonly', process: 'readonly' },
    },
  },
);
