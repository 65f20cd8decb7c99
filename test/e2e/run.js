// Runs the browser tests: finds (or on Debian installs) Chromium, serves the production build under
// a sub-path as a static host would, and runs vitest over test/e2e against it.
import { execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from '../../scripts/chromium.js';
import { serve } from '../../scripts/serve.js';

let chromium = findChromium();
if (!chromium && existsSync('/etc/debian_version')) {
	console.log('No Chromium found: installing Debian’s chromium (apt-get install -y chromium)…');
	const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
	try {
		execSync(
			`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`,
			{
				stdio: 'inherit',
			},
		);
	} catch {
		console.error('Installing chromium failed.');
	}
	chromium = findChromium();
}
if (!chromium) {
	console.error(
		'The browser tests need Chromium. Install it (Debian/Ubuntu: apt-get install chromium; macOS: brew install --cask chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable.',
	);
	process.exit(1);
}

// E2E_DIST serves another build (e.g. one made with `vite build --outDir`); arguments pick test files.
const server = await serve(process.env.E2E_DIST ?? 'dist', '/some/sub/path/');
// Not spawnSync: this process serves the pages while the tests run.
const child = spawn(
	process.execPath,
	[
		'node_modules/vitest/vitest.mjs',
		'run',
		'--config',
		'test/e2e/vitest.config.ts',
		...process.argv.slice(2),
	],
	{
		stdio: 'inherit',
		env: { ...process.env, CHROMIUM_PATH: chromium, E2E_BASE_URL: server.url },
	},
);
const status = await new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
await server.close();
process.exit(status);
