import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/** The fences of STYLE.md: what each folder may import. */
const pure = {
	patterns: [
		{
			group: ['svelte', 'svelte/*', '**/components/**', '**/state/**'],
			message: 'analysis is pure',
		},
		{ group: ['idb'], message: 'idb only in src/storage' },
		{ group: ['comlink'], message: 'comlink only in workers and src/worker-client' },
		{ group: ['node:*', 'fs', 'path', 'os'], message: 'analysis runs in the browser too' },
	],
};

export default tseslint.config(
	{ ignores: ['node_modules', 'dist', 'static', 'bench-out', 'test/fixtures'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
		},
	},
	{
		files: ['src/analysis/**', 'src/shared/**'],
		rules: { 'no-restricted-imports': ['error', pure] },
	},
);
