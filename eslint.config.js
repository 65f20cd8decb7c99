import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** The fences of STYLE.md: what each folder may import. */
const pure = {
	patterns: [
		{
			group: ['svelte', 'svelte/*', '**/components/**', '**/state/**'],
			message: 'analysis is pure',
		},
		{ group: ['idb', '**/storage/**'], message: 'idb only in src/storage' },
		{ group: ['comlink'], message: 'comlink only in workers and src/worker-client' },
		{ group: ['node:*', 'fs', 'path', 'os'], message: 'analysis runs in the browser too' },
	],
};

export default tseslint.config(
	{ ignores: ['node_modules', 'dist', 'static', 'bench-out', 'test/fixtures'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
			],
			// Maps and URLs here are local working values, never state that the UI reads.
			'svelte/prefer-svelte-reactivity': 'off',
		},
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: { parser: tseslint.parser, svelteConfig, extraFileExtensions: ['.svelte'] },
		},
	},
	{
		files: ['src/analysis/**', 'src/shared/**'],
		rules: { 'no-restricted-imports': ['error', pure] },
	},
	{
		files: ['src/**'],
		ignores: ['src/storage/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ paths: [{ name: 'idb', message: 'idb only in src/storage' }] },
			],
		},
	},
);
