import { defineConfig } from 'vite';

export default defineConfig({
	base: './',
	publicDir: 'static',
	test: {
		include: ['test/unit/**/*.test.ts'],
		env: { TZ: 'America/Los_Angeles' },
		testTimeout: 30_000,
	},
});
