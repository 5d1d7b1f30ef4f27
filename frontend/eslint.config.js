// The page's lint: the recommended JavaScript and TypeScript rules, run by `npm run build` (and so by Maven's build
// through Quinoa), so a lint error fails the build as a type error does.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'src/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `== null` is the one loose comparison worth keeping: it says null or undefined, as a JSON field may be.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'prefer-const': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['bench-pow.mjs', 'scripts/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', performance: 'readonly', URL: 'readonly' } },
  },
);
