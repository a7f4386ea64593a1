/** Reading the `admin access` list card in tests. */

export interface ListedRow {
  section: string;
  customer: string;
  status: string;
  roles: string;
  meta: string;
}

type Node = Record<string, any>;

const runText = (block: Node | undefined): string =>
  ((block?.['inlines'] as Node[] | undefined) ?? []).map((r) => String(r['text'])).join('');

/** The rows of the list card, each with its section's title, in card order. */
export function listRows(card: Node): ListedRow[] {
  const rows: ListedRow[] = [];
  for (const section of (card['body'] as Node[]).filter((b) => b['type'] === 'Container')) {
    const [heading, ...items] = section['items'] as Node[];
    for (const item of items) {
      const [columns, roles, meta] = item['items'] as Node[];
      const [left, right] = columns!['columns'] as Node[];
      rows.push({
        section: String(heading!['text']),
        customer: runText(left!['items'][0]),
        status: String(right!['items'][0]['text']),
        roles: String(roles!['text']),
        meta: runText(meta),
      });
    }
  }
  return rows;
}

/** The subtitle: "16 relationships · page 1 of 2". */
export const subtitleOf = (card: Node): string => String((card['body'] as Node[])[1]!['text']);

/** Titles and data of the list's buttons. */
export const buttonsOf = (card: Node): { title: string; data: Record<string, unknown> }[] =>
  ((card['actions'] as Node[] | undefined) ?? []).map((a) => ({
    title: String(a['title']),
    data: a['data'],
  }));
