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
		// Dates must never depend on the machine's zone: tests run in one far from UTC.
		env: { TZ: 'America/Los_Angeles' },
		testTimeout: 30_000,
	},
});
