// ESLint flat config: @eslint/js and typescript-eslint's recommended rules, tuned to the code as it is.
// Decision: the syntactic presets, not the type-checked ones (recommendedTypeChecked). `npm run lint` already runs
// tsc over the whole tree; the type-aware rules would build the program a second time inside ESLint and roughly
// double the run on this 2-core machine, past the ~60 s budget. tsc's strict mode covers much of what they add.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Node's globals for the plain JavaScript files (bench/, configs); TypeScript files get them from @types/node.
const node = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'fetch',
    'AbortController',
    'AbortSignal',
    'TextEncoder',
    'TextDecoder',
    'structuredClone',
    'performance',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'clearImmediate',
    'queueMicrotask',
  ].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'drizzle/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: node },
    rules: {
      // The house style drops fields with a rest destructuring (`const { secret: _s, ...view } = row`) and marks
      // deliberately unused names with a leading underscore.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Input validation matches control characters on purpose (/[\x00-\x1f]/ refuses them in names and URIs).
      'no-control-regex': 'off',
      // A `let` read in a closure declared before its assignment (a timer handle cleared by a callback) is fine.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests read arbitrary JSON answers (OpenAPI documents, discovery, token responses) and poke at them; an `any`
      // there is deliberate, and typing each answer would be churn without a finding. src/ keeps the rule.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...node, module: 'writable', require: 'readonly', __dirname: 'readonly' } },
  },
);
