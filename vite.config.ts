import { defineConfig } from 'vitest/config';

export default defineConfig({
	base: './',
	publicDir: 'static',
	test: {
		include: ['test/unit/**/*.test.ts'],
		env: { TZ: 'America/Los_Angeles' },
		testTimeout: 30_000,
	},
});
