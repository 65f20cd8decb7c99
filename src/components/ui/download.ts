/** Saves text or a blob as a file through a temporary link. */
export function download(
	content: string | Blob,
	file: string,
	type = 'text/csv;charset=utf-8',
): void {
	const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
	const a = document.createElement('a');
	a.href = URL.createObjectURL(blob);
	a.download = file;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
