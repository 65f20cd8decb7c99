// Where a Chromium or Chrome is: CHROMIUM_PATH, then the usual install paths.
import { existsSync } from 'node:fs';

export const CHROMIUM_CANDIDATES = [
	process.env.CHROMIUM_PATH,
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome',
	'/usr/bin/google-chrome-stable',
	'/Applications/Chromium.app/Contents/MacOS/Chromium',
	'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
].filter(Boolean);

export function findChromium() {
	return CHROMIUM_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/**
 * Headless flags for this machine: no sandbox as root, and none of Chromium's own network traffic
 * (the network is closed; its background requests would only fail, many at a time).
 */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
