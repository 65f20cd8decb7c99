/**
 * A second file of customer attributes (age band, gender, city, channel …), joined to the orders
 * on the customer id. Its columns become breakdowns; ids that match no customer are reported.
 */
import type { ReadTable } from './analyze';
import { unknownColumn } from './clean';
import { isMissing } from './read/values';

/** Attribute values per customer: for each attribute column, a value per customer index or null. */
export interface CustomerAttributes {
	idColumn: string;
	columns: string[];
	/** values[c][i]: customer i's value of column c, null when missing or unmatched. */
	values: (string | null)[][];
	/** Customers of the orders that the attributes file describes. */
	matched: number;
	/** Ids of the attributes file that are no customer of the orders. */
	unmatched: number;
	unmatchedExamples: string[];
}

export interface AttributeColumnSummary {
	name: string;
	/** The most frequent values (at most 30) with their customer counts, largest first. */
	values: { value: string; customers: number }[];
	/** Customers without a value. */
	missing: number;
}

/** The id column: the file's suggested customer role, else its first column. */
export function attributeIdColumn(table: ReadTable, forced: string | null): string {
	const names = table.source.names;
	if (forced !== null) {
		if (!names.includes(forced)) throw unknownColumn(forced, names);
		return forced;
	}
	return table.source.suggested.customer_id ?? names[0];
}

/** Joins the attributes file to the customers `ids` (trimmed ids, first row wins). */
export function joinAttributes(
	table: ReadTable,
	ids: string[],
	idColumn: string,
): CustomerAttributes {
	const names = table.source.names;
	const idIndex = names.indexOf(idColumn);
	const idCol = table.columns.columns[idIndex];
	if (idCol === null || idCol === undefined) throw unknownColumn(idColumn, names);
	const customerIndex = new Map(ids.map((id, i) => [id, i]));
	const rowOf = new Int32Array(ids.length).fill(-1);
	let unmatched = 0;
	const unmatchedExamples: string[] = [];
	const seen = new Set<string>();
	for (let r = 0; r < table.columns.rows; r++) {
		const code = idCol.codes[r];
		if (code < 0 || isMissing(idCol.values[code])) continue;
		const id = idCol.values[code].trim();
		if (seen.has(id)) continue;
		seen.add(id);
		const c = customerIndex.get(id);
		if (c === undefined) {
			unmatched++;
			if (unmatchedExamples.length < 5) unmatchedExamples.push(id);
		} else rowOf[c] = r;
	}
	const columns = names.filter((n) => n !== idColumn);
	const values = columns.map((name) => {
		const col = table.columns.columns[names.indexOf(name)];
		return Array.from(rowOf, (r) => {
			if (r < 0 || col === null) return null;
			const code = col.codes[r];
			return code < 0 || isMissing(col.values[code]) ? null : col.values[code].trim();
		});
	});
	let matched = 0;
	for (const r of rowOf) if (r >= 0) matched++;
	return { idColumn, columns, values, matched, unmatched, unmatchedExamples };
}

/** The frequent values of each attribute, for choosing a breakdown. */
export function summariseAttributes(a: CustomerAttributes): AttributeColumnSummary[] {
	return a.columns.map((name, c) => {
		const counts = new Map<string, number>();
		let missing = 0;
		for (const v of a.values[c]) {
			if (v === null) missing++;
			else counts.set(v, (counts.get(v) ?? 0) + 1);
		}
		const values = [...counts.entries()]
			.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
			.slice(0, 30)
			.map(([value, customers]) => ({ value, customers }));
		return { name, values, missing };
	});
}
