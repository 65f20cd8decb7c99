import { UserError } from '../../shared/errors';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** True for a legacy binary Excel file (.xls): an OLE2 compound document. */
export function isLegacyXls(bytes: Uint8Array): boolean {
	return bytes.length >= OLE2.length && OLE2.every((b, i) => bytes[i] === b);
}

/**
 * The error for a legacy .xls file: no maintained library reads it safely in the browser, so the
 * user is asked to save it in a format we read.
 */
export function legacyXlsError(): UserError {
	return new UserError('unknown_format', {
		en: 'This is an old binary Excel file (.xls), which cannot be read. Open it in Excel or LibreOffice, save it as .xlsx (Excel Workbook) or CSV, and try again.',
		zh: '这是旧版二进制 Excel 文件（.xls），无法读取。请在 Excel 或 LibreOffice 中打开，另存为 .xlsx（Excel 工作簿）或 CSV 后重试。',
	});
}
