/**
 * A dictionary of byte strings: each distinct field value gets a dense code (0, 1, 2, …) in order
 * of first appearance. Keys are hashed and compared as bytes, so the hot loop of the reader never
 * allocates a JS string; each distinct value is decoded once, at the end.
 */
export class ByteDictionary {
	private arena = new Uint8Array(1 << 16);
	private arenaUsed = 0;
	private starts = new Int32Array(1024);
	private lengths = new Int32Array(1024);
	private hashes = new Int32Array(1024);
	private slots = new Int32Array(2048).fill(-1);
	private mask = 2047;
	size = 0;

	/** The code of bytes[start, end), adding it when new. */
	code(bytes: Uint8Array, start: number, end: number): number {
		return this.codeHashed(bytes, start, end, hashBytes(bytes, start, end));
	}

	/** The code of bytes[start, end) whose hashBytes() the caller computed while scanning them. */
	codeHashed(bytes: Uint8Array, start: number, end: number, h: number): number {
		const len = end - start;
		let slot = h & this.mask;
		const arena = this.arena;
		for (;;) {
			const c = this.slots[slot];
			if (c < 0) break;
			if (this.hashes[c] === h && this.lengths[c] === len) {
				let j = this.starts[c];
				let i = start;
				while (i < end && arena[j] === bytes[i]) {
					i++;
					j++;
				}
				if (i === end) return c;
			}
			slot = (slot + 1) & this.mask;
		}
		return this.add(bytes, start, end, h, slot);
	}

	private add(bytes: Uint8Array, start: number, end: number, h: number, slot: number): number {
		const c = this.size++;
		if (c === this.starts.length) {
			this.starts = grow(this.starts, c * 2);
			this.lengths = grow(this.lengths, c * 2);
			this.hashes = grow(this.hashes, c * 2);
		}
		const len = end - start;
		if (this.arenaUsed + len > this.arena.length) {
			const next = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + len));
			next.set(this.arena.subarray(0, this.arenaUsed));
			this.arena = next;
		}
		this.arena.set(bytes.subarray(start, end), this.arenaUsed);
		this.starts[c] = this.arenaUsed;
		this.lengths[c] = len;
		this.hashes[c] = h;
		this.arenaUsed += len;
		this.slots[slot] = c;
		if (this.size * 2 > this.mask) this.rehash();
		return c;
	}

	private rehash(): void {
		const size = (this.mask + 1) * 2;
		this.mask = size - 1;
		this.slots = new Int32Array(size).fill(-1);
		for (let c = 0; c < this.size; c++) {
			let slot = this.hashes[c] & this.mask;
			while (this.slots[slot] >= 0) slot = (slot + 1) & this.mask;
			this.slots[slot] = c;
		}
	}

	/** One value as a string: cheaper than values() when only a few are needed. */
	value(code: number): string {
		const s = this.starts[code];
		return new TextDecoder().decode(this.arena.subarray(s, s + this.lengths[code]));
	}

	/** The distinct values as strings, index = code. */
	values(): string[] {
		const out = new Array<string>(this.size);
		const decoder = new TextDecoder('utf-8');
		const arena = this.arena;
		for (let c = 0; c < this.size; c++) {
			const s = this.starts[c];
			const e = s + this.lengths[c];
			let ascii = true;
			for (let i = s; i < e; i++) {
				if (arena[i] > 127) {
					ascii = false;
					break;
				}
			}
			out[c] =
				ascii && e - s < 4096
					? String.fromCharCode.apply(null, arena.subarray(s, e) as unknown as number[])
					: decoder.decode(arena.subarray(s, e));
		}
		return out;
	}
}

export const HASH_SEED = 0x811c9dc5 | 0;
export const HASH_PRIME = 0x01000193;

/** FNV-1a over bytes[start, end). */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
	let h = HASH_SEED;
	for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], HASH_PRIME);
	return h;
}

export function grow<T extends Int32Array | Float64Array | Uint8Array>(a: T, size: number): T {
	const next = new (a.constructor as new (n: number) => T)(size);
	next.set(a);
	return next;
}
