/**
 * Comlink sends a thrown error as its name, message and stack only. A UserError also carries its
 * text in both languages, so the UI can show the Chinese message too: this keeps it. Installed on
 * both sides of the worker boundary (Comlink's receiving side copies every field it gets).
 */
import { transferHandlers, type TransferHandler } from 'comlink';

type Wire = { isError: boolean; value: Record<string, unknown> };

export function installErrorTransfer(): void {
	const original = transferHandlers.get('throw') as
		TransferHandler<{ value: unknown }, Wire> | undefined;
	if (!original || (original as { bilingual?: true }).bilingual) return;
	const handler: TransferHandler<{ value: unknown }, Wire> & { bilingual: true } = {
		bilingual: true,
		canHandle: original.canHandle,
		serialize(thrown) {
			const [wire, transfer] = original.serialize(thrown);
			const text = (thrown.value as { text?: unknown } | null)?.text;
			if (wire.isError && text) wire.value.text = text;
			return [wire, transfer];
		},
		deserialize: original.deserialize,
	};
	transferHandlers.set('throw', handler as TransferHandler<unknown, unknown>);
}
