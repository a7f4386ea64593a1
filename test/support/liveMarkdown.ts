/**
 * What Teams would render as live formatting, a link or template code in a Markdown text (a
 * TextBlock, a Fact, a chat message; a TextRun only for URLs and template code). Backslash-escaped characters count as text.
 * Used by the tests that feed hostile strings through cards and messages.
 */
const FEATURES: Record<string, RegExp> = {
  bold: /(\*\*|__)(?=\S)[\s\S]*?\S\1/,
  italic: /(^|[^\w*\\])\*(?=[^\s*])[^*\n]*[^\s*\\]\*(?!\*)|(^|[^\w\\])_(?=\S)[^_\n]*\S_(?!\w)/m,
  link: /\[[^\]\n]*\]\([^)\n]*\)/,
  html: /<\/?[a-z][^>\n]*>/i,
  url: /\b[a-z][a-z0-9+.-]*:\/\/|\bwww\./i,
  heading: /^ {0,3}#{1,6}(\s|$)/m,
  list: /^\s*([-*+]|\d+[.)])(\s|$)/m,
  quote: /^\s*>/m,
  code: /`/,
  strike: /~~/,
  template: /\$\{/,
};

/** The kinds of live Markdown in `text` (escaped characters removed first). */
export function liveMarkdown(text: string): string[] {
  const unescaped = text.replace(/\\[\\*_[\]()~`<>#+\-.!]/g, 'x');
  return Object.entries(FEATURES)
    .filter(([, pattern]) => pattern.test(unescaped))
    .map(([name]) => name);
}

/** What of a TextRun's text a client could make live: an unbroken URL, template code. */
function textRunLive(text: string): string {
  return [FEATURES['url']?.exec(text)?.[0], FEATURES['template']?.exec(text)?.[0]].filter(Boolean).join(' ');
}

/** Every Markdown text of a card with its path: TextBlock text, Fact title and value (TextRun: see above). */
export function markdownTexts(card: unknown): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (node: unknown, path: string, isFact: boolean): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}[${i}]`, isFact));
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const type = record['type'];
    if (type === 'TextBlock' && typeof record['text'] === 'string')
      out.push({ path: `${path}.text`, text: record['text'] });
    // A TextRun shows its text as it is (no Markdown in Adaptive Cards); only a link a client could
    // still make of a URL, and template code, count there.
    if (type === 'TextRun' && typeof record['text'] === 'string')
      out.push({ path: `${path}.text`, text: textRunLive(record['text']) });
    if (isFact) {
      for (const key of ['title', 'value'])
        if (typeof record[key] === 'string') out.push({ path: `${path}.${key}`, text: record[key] });
    }
    for (const [key, value] of Object.entries(record)) walk(value, `${path}.${key}`, key === 'facts');
  };
  walk(card, '$', false);
  return out;
}

/** A string with every kind of Markdown, link and template code a hostile name could carry. */
export const HOSTILE =
  '**Urgent** [Re-verify billing here](https://evil.example/login) ${$root.x} <at>x</at> _x_ ~~s~~ `c`\n' +
  '# h\n- item\n* star\n+ plus\n1. one\n> quote\nwww.evil.example';
