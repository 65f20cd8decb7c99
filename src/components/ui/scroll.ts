/**
 * A region that scrolls sideways (a wide table) must be reachable by keyboard to be scrolled
 * (WCAG 2.1.1; axe-core "scrollable-region-focusable"). Used as `use:keyboardScroll`; the table
 * inside names itself with its caption.
 */
export function keyboardScroll(node: HTMLElement): void {
	node.tabIndex = 0;
}
