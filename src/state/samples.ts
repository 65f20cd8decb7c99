/** The built-in samples (`?sample=`) and the settings each opens with. */
import { defaultSettings, type AnalysisSettings } from '../analysis/settings';

export const SAMPLES = {
	retail: {
		file: 'samples/retail.csv',
		name: 'online-retail-sample.csv',
		title: { en: 'Sample: online retail', zh: '示例：在线零售' },
	},
	cdnow: {
		file: 'samples/CDNOW_sample.txt',
		name: 'CDNOW_sample.txt',
		title: { en: 'Sample: CDNOW', zh: '示例：CDNOW' },
	},
} as const;
export type SampleName = keyof typeof SAMPLES;

/**
 * The settings a sample opens with. CDNOW opens as the published analysis set it up (Fader,
 * Hardie & Lee 2005; see ../shared/data/README.md): weekly units, calibration to 1997-09-30, and
 * every row kept — its identical same-day rows are real purchases — so the CLV cell's check panel
 * can compare.
 */
export function sampleSettings(name: SampleName): AnalysisSettings {
	const settings = defaultSettings();
	if (name === 'cdnow') {
		settings.cleaning.dropDuplicates = false;
		settings.clv = { ...settings.clv, unit: 'week', calibrationEnd: '1997-09-30' };
	}
	return settings;
}
