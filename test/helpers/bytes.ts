/** UTF-8 bytes of a text, for feeding the reader. */
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
