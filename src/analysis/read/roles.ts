import type { ColumnType } from './values';

/** The roles a column can play in a file of orders (§1). */
export const ROLES = [
	'customer_id',
	'date',
	'invoice_id',
	'amount',
	'quantity',
	'unit_price',
] as const;
export type Role = (typeof ROLES)[number];

/** Column name per role, null when the file has none. */
export type Mapping = Record<Role, string | null>;

/** Header names per role, normalised (lower case, no spaces, `_`, `-` or `.`), best first. */
const NAMES: Record<Role, string[]> = {
	customer_id: [
		'customerid',
		'customer',
		'custid',
		'customerno',
		'customernumber',
		'customercode',
		'clientid',
		'client',
		'userid',
		'user',
		'memberid',
		'member',
		'buyerid',
		'buyer',
		'accountid',
		'shopperid',
		'客户编号',
		'客户id',
		'客户号',
		'客户代码',
		'客户',
		'客户名称',
		'会员id',
		'会员编号',
		'会员号',
		'会员',
		'用户id',
		'用户编号',
		'用户',
		'顾客id',
		'顾客编号',
		'顾客',
		'买家id',
		'买家',
		'masterid',
	],
	invoice_id: [
		'invoice',
		'invoiceno',
		'invoiceid',
		'invoicenumber',
		'orderid',
		'orderno',
		'ordernumber',
		'order',
		'transactionid',
		'transaction',
		'receiptid',
		'receipt',
		'billno',
		'salesorder',
		'订单号',
		'订单编号',
		'订单id',
		'订单',
		'发票号',
		'发票编号',
		'单号',
		'交易号',
		'交易编号',
		'流水号',
	],
	date: [
		'invoicedate',
		'orderdate',
		'date',
		'purchasedate',
		'transactiondate',
		'saledate',
		'salesdate',
		'datetime',
		'timestamp',
		'time',
		'createdat',
		'ordertime',
		'purchasetime',
		'day',
		'下单日期',
		'订单日期',
		'日期',
		'购买日期',
		'交易日期',
		'消费日期',
		'下单时间',
		'订单时间',
		'交易时间',
		'购买时间',
		'时间',
	],
	amount: [
		'amount',
		'totalprice',
		'total',
		'totalamount',
		'sales',
		'revenue',
		'value',
		'spend',
		'ordervalue',
		'ordertotal',
		'orderamount',
		'lineamount',
		'linetotal',
		'payment',
		'paid',
		'金额',
		'订单金额',
		'销售额',
		'消费金额',
		'实付金额',
		'支付金额',
		'实付',
		'总价',
		'总金额',
		'交易金额',
		'付款金额',
		'成交金额',
	],
	quantity: [
		'quantity',
		'qty',
		'units',
		'unitssold',
		'pieces',
		'数量',
		'购买数量',
		'销售数量',
		'件数',
	],
	unit_price: [
		'unitprice',
		'price',
		'priceeach',
		'itemprice',
		'unitcost',
		'单价',
		'价格',
		'商品单价',
		'售价',
	],
};

export function normaliseHeader(name: string): string {
	return name.toLowerCase().replace(/[\s_\-.()（）:：]/g, '');
}

export interface ColumnProfile {
	name: string;
	type: ColumnType;
	/** Distinct non-missing values in the sample. */
	distinct: number;
	/** Non-missing values in the sample. */
	present: number;
	/** True when some sample value has a fractional part. */
	fractional: boolean;
	/** Share of the non-missing values that read as numbers. */
	numericShare: number;
}

/**
 * Roles suggested from header names in English and Chinese, then from the values for roles still
 * open: a date column; an amount with decimals; a customer id that repeats across rows.
 */
export function suggestRoles(columns: ColumnProfile[], hasHeader: boolean): Mapping {
	const mapping: Mapping = {
		customer_id: null,
		date: null,
		invoice_id: null,
		amount: null,
		quantity: null,
		unit_price: null,
	};
	const used = new Set<string>();
	if (hasHeader) {
		const normal = columns.map((c) => normaliseHeader(c.name));
		for (const role of ROLES) {
			let bestRank = Infinity;
			let best: string | null = null;
			normal.forEach((n, i) => {
				if (used.has(columns[i].name)) return;
				const rank = NAMES[role].indexOf(n);
				if (rank >= 0 && rank < bestRank && fits(role, columns[i]))
					[bestRank, best] = [rank, columns[i].name];
			});
			if (best !== null) {
				mapping[role] = best;
				used.add(best);
			}
		}
		// Names that contain a known word (e.g. "Customer ID (CRM)", "订单金额(元)").
		for (const role of ROLES) {
			if (mapping[role] !== null) continue;
			const i = normal.findIndex(
				(n, i) =>
					!used.has(columns[i].name) &&
					NAMES[role].some((w) => w.length >= 2 && n.includes(w)) &&
					fits(role, columns[i]),
			);
			if (i >= 0) {
				mapping[role] = columns[i].name;
				used.add(columns[i].name);
			}
		}
	}
	const free = columns.filter((c) => !used.has(c.name));
	if (mapping.date === null) {
		const dates = free.filter((c) => c.type === 'date').sort((a, b) => b.distinct - a.distinct);
		if (dates.length > 0) take('date', dates[0]);
	}
	if (mapping.amount === null && (mapping.quantity === null || mapping.unit_price === null)) {
		const money = free.find((c) => !used.has(c.name) && c.type === 'number' && c.fractional);
		if (money) take('amount', money);
	}
	if (mapping.customer_id === null) {
		const id = free.find(
			(c) =>
				!used.has(c.name) &&
				(c.type === 'string' || (c.type === 'number' && !c.fractional)) &&
				c.distinct > 1 &&
				c.distinct < c.present,
		);
		if (id) take('customer_id', id);
	}
	return mapping;

	function take(role: Role, c: ColumnProfile) {
		mapping[role] = c.name;
		used.add(c.name);
	}
}

function fits(role: Role, c: ColumnProfile): boolean {
	switch (role) {
		case 'date':
			return c.type !== 'boolean';
		case 'amount':
		case 'quantity':
		case 'unit_price':
			return c.type === 'number' || c.present === 0 || c.numericShare >= 0.8;
		default:
			// An id is never a date column ("Ordered" is not an order number).
			return c.type !== 'date';
	}
}
