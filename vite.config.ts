import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	// Relative asset URLs: the built app works from any sub-path of a static host.
	base: './',
	publicDir: 'static',
	plugins: [svelte()],
	worker: { format: 'es' },
	build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 2000 },
	test: {
		include: ['test/unit/**/*.test.ts'],
		testTimeout: 30_000,
	},
});
