/**
 * A deterministic synthetic file shaped like UCI Online Retail II: Invoice, StockCode, Description,
 * Quantity, InvoiceDate, Price, Customer ID, Country. Seasonal (a November peak), customers of very
 * different loyalty, cancellations (`C…`, negative quantities) that only begin after the first
 * rows, lines without a customer id, and descriptions with commas in quotes.
 */
import { civilFromDay, dayFromCivil } from '../src/analysis/dates';

export interface RetailOptions {
	/** Lines to write, header excluded. */
	rows: number;
	customers: number;
	seed?: number;
	/** First day as yyyy-mm-dd; the file covers `days` days. */
	start?: string;
	days?: number;
}

export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const WORDS = [
	'WHITE',
	'HANGING',
	'HEART',
	'T-LIGHT',
	'HOLDER',
	'CREAM',
	'CUPID',
	'HEARTS',
	'COAT',
	'HANGER',
	'KNITTED',
	'UNION',
	'FLAG',
	'HOT',
	'WATER',
	'BOTTLE',
	'RED',
	'WOOLLY',
	'GLASS',
	'STAR',
	'FROSTED',
	'LANTERN',
	'SET',
	'OF',
	'6',
	'CAKE',
	'CASES',
	'VINTAGE',
	'JUMBO',
	'BAG',
	'PINK',
	'POLKADOT',
	'REGENCY',
	'TEACUP',
	'SAUCER',
	'LUNCH',
	'BOX',
	'PAPER',
	'CHAIN',
	'KIT',
	'CHRISTMAS',
	'DOORMAT',
];
const COUNTRIES = [
	['United Kingdom', 0.82],
	['Germany', 0.04],
	['France', 0.035],
	['EIRE', 0.03],
	['Netherlands', 0.015],
	['Spain', 0.01],
	['Belgium', 0.01],
	['Switzerland', 0.008],
	['Portugal', 0.007],
	['Australia', 0.005],
	['Norway', 0.005],
	['Italy', 0.005],
	['Channel Islands', 0.005],
	['Japan', 0.005],
] as const;

const pad = (n: number) => (n < 10 ? '0' : '') + n;

/** Writes the file in chunks of text through `write`. */
export function generateRetail(options: RetailOptions, write: (chunk: string) => void): void {
	const rand = mulberry32(options.seed ?? 1);
	const [sy, sm, sd] = (options.start ?? '2009-12-01').split('-').map(Number);
	const startDay = dayFromCivil(sy, sm, sd);
	const days = options.days ?? 739;
	const products = Array.from({ length: 4000 }, (_, i) => {
		const words = 2 + Math.floor(rand() * 4);
		let d = '';
		for (let w = 0; w < words; w++) d += (w ? ' ' : '') + WORDS[Math.floor(rand() * WORDS.length)];
		if (rand() < 0.08) d += ', ASSORTED COLOURS';
		const code =
			String(10000 + i * 13) + (rand() < 0.3 ? 'ABCDEFGHJK'[Math.floor(rand() * 10)] : '');
		const price = Math.round((0.29 + rand() ** 2 * 12) * 100) / 100;
		return { code, desc: d.includes(',') ? `"${d}"` : d, price: price.toFixed(2) };
	});
	// Customers: a join day, a loyalty (purchase weight) and a lapse day after which they stop.
	const customers = Array.from({ length: options.customers }, (_, i) => {
		const join = Math.floor(rand() ** 1.3 * days * 0.95);
		const weight = rand() ** 3 * 20 + 0.2;
		const lapse = rand() < 0.45 ? join + Math.floor(rand() * (days - join)) : days;
		let country = COUNTRIES[0][0] as string;
		let u = rand();
		for (const [name, p] of COUNTRIES) {
			if ((u -= p) < 0) {
				country = name;
				break;
			}
		}
		return { id: String(12346 + i), join, weight, lapse, country };
	});
	// Day weights: weekly rhythm, November peak, no Saturdays (the shop was closed).
	const dayWeight = new Float64Array(days);
	let total = 0;
	for (let d = 0; d < days; d++) {
		const [, m] = civilFromDay(startDay + d);
		const weekday = (((startDay + d + 3) % 7) + 7) % 7;
		const w =
			weekday === 5
				? 0
				: (m === 11 ? 2.2 : m === 10 || m === 12 ? 1.5 : m === 9 ? 1.3 : 1) *
					(weekday === 6 ? 0.6 : 1);
		dayWeight[d] = w;
		total += w;
	}
	write('Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n');
	let invoiceNo = 489434;
	let written = 0;
	let buf = '';
	const cancelStart = Math.floor(options.rows * 0.05);
	for (let d = 0; d < days && written < options.rows; d++) {
		const share = dayWeight[d] / total;
		const lines = d === days - 1 ? options.rows - written : Math.round(options.rows * share);
		const active = customers.filter((c) => c.join <= d && c.lapse >= d);
		const weights = active.map((c) => c.weight);
		const wsum = weights.reduce((a, b) => a + b, 0);
		const [y, m, dd] = civilFromDay(startDay + d);
		let left = Math.min(lines, options.rows - written);
		let minute = 7 * 60 + 30;
		// Every customer makes a first purchase on the day they join.
		const joiners = active.filter((c) => c.join === d);
		while (left > 0) {
			const size = Math.min(left, 1 + Math.floor(rand() * 2 * 20));
			let cust = '';
			let country = 'United Kingdom';
			const joiner = joiners.pop();
			if (joiner) {
				cust = joiner.id;
				country = joiner.country;
			} else if (rand() > 0.22 && active.length > 0) {
				let u = rand() * wsum;
				let k = 0;
				while (k < active.length - 1 && (u -= weights[k]) > 0) k++;
				cust = active[k].id;
				country = active[k].country;
			}
			const cancel = written > cancelStart && cust !== '' && rand() < 0.02;
			const invoice = (cancel ? 'C' : '') + invoiceNo++;
			minute = Math.min(minute + Math.floor(rand() * 6), 20 * 60 - 1);
			const stamp = `${y}-${pad(m)}-${pad(dd)} ${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:00`;
			for (let l = 0; l < size; l++) {
				const p = products[Math.floor(rand() ** 1.5 * products.length)];
				let q = [1, 2, 3, 4, 6, 12, 12, 24, 48][Math.floor(rand() * 9)];
				if (cancel) q = -q;
				const price = rand() < 0.003 ? '0.00' : p.price;
				buf += `${invoice},${p.code},${p.desc},${q},${stamp},${price},${cust},${country}\n`;
				// An exact duplicate line now and then, as in the real export.
				if (rand() < 0.01 && l < size - 1) {
					buf += `${invoice},${p.code},${p.desc},${q},${stamp},${price},${cust},${country}\n`;
					l++;
				}
			}
			written += size;
			left -= size;
			if (buf.length > 1 << 20) {
				write(buf);
				buf = '';
			}
		}
	}
	write(buf);
}
