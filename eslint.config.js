import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output*/**', '.tmp/**', '.wxt/**', 'node_modules/**', 'coverage/**', 'tests/e2e/screenshots/**', 'demo-screenshots/**', 'bin/nemawashi.mjs', 'bin/nemawashi-cli.cjs'] }, // bin/ is built (scripts/build-cli.mjs)
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Draft text never goes through innerHTML (DESIGN.md: no innerHTML with draft text).
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM nodes with textContent; never innerHTML (draft text is hostile).' },
        { property: 'outerHTML', message: 'Never write outerHTML.' },
      ],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No insertAdjacentHTML.' }],
    },
  },
  {
    // Tests may read innerHTML to assert the editor is unchanged.
    files: ['tests/**', '**/*.test.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
