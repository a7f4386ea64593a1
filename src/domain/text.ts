/** Shortens text to at most `max` characters (code points), ending with "…" when cut. */
export function truncateText(text: string, max: number): string {
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points on purpose (see above); graphemes would need Intl.Segmenter
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}
