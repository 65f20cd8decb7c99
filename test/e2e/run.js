// Runs the browser tests: finds (or on Debian installs) Chromium, serves the production build
// with `vite preview`, and runs vitest over test/e2e against it.
import { execSync, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

const CANDIDATES = [
	process.env.CHROMIUM_PATH,
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome',
	'/usr/bin/google-chrome-stable',
	'/Applications/Chromium.app/Contents/MacOS/Chromium',
	'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
].filter(Boolean);

function findChromium() {
	return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

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

const port = await new Promise((resolve) => {
	const s = createServer();
	s.listen(0, '127.0.0.1', () => {
		const p = s.address().port;
		s.close(() => resolve(p));
	});
});
const preview = spawn(
	process.execPath,
	[
		'node_modules/vite/bin/vite.js',
		'preview',
		'--port',
		String(port),
		'--strictPort',
		'--host',
		'127.0.0.1',
	],
	{ stdio: ['ignore', 'pipe', 'inherit'] },
);
await new Promise((resolve, reject) => {
	const timer = setTimeout(() => reject(new Error('vite preview did not start')), 30_000);
	preview.stdout.on('data', (d) => {
		if (String(d).includes(String(port))) {
			clearTimeout(timer);
			resolve();
		}
	});
	preview.on('exit', (code) => reject(new Error(`vite preview exited with ${code}`)));
});

const result = spawnSync(
	process.execPath,
	['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/e2e/vitest.config.ts'],
	{
		stdio: 'inherit',
		env: { ...process.env, CHROMIUM_PATH: chromium, E2E_BASE_URL: `http://127.0.0.1:${port}/` },
	},
);
preview.kill();
process.exit(result.status ?? 1);
