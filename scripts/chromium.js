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
