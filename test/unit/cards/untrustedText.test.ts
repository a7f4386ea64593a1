import { readdirSync } from 'node:fs';
import * as renderModule from '../../../src/cards/render';
import { templateDirectory, type AdaptiveCardJson } from '../../../src/cards/render';
import { inert, linkText, sentence, TrustedText, trustedSentence } from '../../../src/cards/untrusted';
import { translatorFor } from '../../../src/i18n/i18n';
import { HOSTILE, liveMarkdown, markdownTexts } from '../../support/liveMarkdown';
import { cardSamples } from './cardSamples';

describe('inert: outside text shown as text', () => {
  it.each([
    ['**Urgent**', '\\*\\*Urgent\\*\\*'],
    ['[Re-verify](https://evil.example/login)', '\\[Re-verify\\](https:/\u200b/evil.example/login)'],
    ['${$root.x}', '$\u200b{$root.x}'],
    ['<at>x</at>', '\\<at\\>x\\</at\\>'],
    ['_x_', '\\_x\\_'],
    ['# h', '\\# h'],
    ['- item', '\\- item'],
    ['a\n  + b', 'a\n  \\+ b'],
    ['1. one', '1\\. one'],
    ['see www.evil.example', 'see www\u200b.evil.example'],
    ['back\\slash', 'back\\\\slash'],
    // Ordinary names and domains are unchanged.
    ['Contoso Handels GmbH & Co. KG', 'Contoso Handels GmbH & Co. KG'],
    ['Fabrikam (Europe) - Sales', 'Fabrikam (Europe) - Sales'],
    ['contoso-handel.onmicrosoft.com', 'contoso-handel.onmicrosoft.com'],
    ['Müller #1 GmbH', 'Müller #1 GmbH'],
  ])('%j → %j', (input, expected) => {
    expect(inert(input)).toBe(expected);
    expect(liveMarkdown(inert(input))).toEqual([]);
  });

  it.each([
    ['https://admin.microsoft.com/Home?x=1#/a', 'https://admin.microsoft.com/Home?x=1#/a'],
    ['javascript:alert(1)', 'javascript:alert(1)'],
    ['https://evil.example/a_b_', 'https:/\u200b/evil.example/a\\_b\\_'],
    ['not a url', 'not a url'],
  ])('linkText(%j) keeps only plain http(s) links', (url, expected) => {
    expect(linkText(url)).toBe(expected);
  });

  it.each(['en-US', 'de-DE'])(
    'sentences keep their own Markdown and make parameters inert (%s)',
    (locale) => {
      const t = translatorFor(locale);
      const text = sentence(t, 'unknown.command', { text: HOSTILE });
      expect(liveMarkdown(text)).toEqual(['bold']);
      expect(text).toContain('**');
      const card = trustedSentence(t, 'remove.result.success', {
        name: '[x](https://e.example)',
        domain: '_d_',
      });
      expect(card).toBeInstanceOf(TrustedText);
      expect(liveMarkdown(card.text)).toEqual(['bold']);
    },
  );
});

/**
 * Every template in cards/, rendered with the data its card builders produce for the card samples,
 * then with every string of that data replaced by a hostile one: no Markdown text of the card may
 * have more live Markdown than with a harmless string in the same places (the bot's own **bold**
 * stays), and none may have a link, a URL, HTML or template code.
 */
describe('every card template with hostile strings in every data field', () => {
  const captured = new Map<string, object[]>();
  const real = renderModule.render;
  const spy = jest.spyOn(renderModule, 'render').mockImplementation((template, data) => {
    const list = captured.get(template.name) ?? [];
    if (list.length < 12) list.push(data);
    captured.set(template.name, list);
    return real(template, data);
  });
  for (const locale of ['en-US', 'de-DE'])
    for (const sample of Object.values(cardSamples)) sample(translatorFor(locale));
  spy.mockRestore();

  const templates = readdirSync(templateDirectory())
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();

  const replaceStrings = (value: unknown, by: string): unknown => {
    if (typeof value === 'string') return by;
    if (value instanceof TrustedText) return value;
    if (Array.isArray(value)) return value.map((v) => replaceStrings(v, by));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceStrings(v, by)]));
    return value;
  };

  it.each(templates)('%s', (name) => {
    const samples = captured.get(name) ?? [];
    expect(samples.length).toBeGreaterThan(0); // a template without sample data fails here
    for (const data of samples) {
      const template = renderModule.defineCard<object>(name);
      const hostile: AdaptiveCardJson = renderModule.render(
        template,
        replaceStrings(data, HOSTILE) as object,
      );
      const harmless = markdownTexts(
        renderModule.render(template, replaceStrings(data, 'Harmless') as object),
      );
      const texts = markdownTexts(hostile);
      expect(texts.length).toBe(harmless.length);
      expect(texts.some((x) => x.text.includes('Urgent'))).toBe(true);
      texts.forEach(({ path, text }, i) => {
        const allowed = liveMarkdown(harmless[i]!.text);
        const extra = liveMarkdown(text).filter((kind) => !allowed.includes(kind));
        expect({ path, text, extra }).toEqual({ path, text, extra: [] });
        expect(/\]\(|\$\{|<at>|:\/\/evil/.test(text.replace(/\\./g, ''))).toBe(false);
      });
      // Outside text in other displayed properties carries no template code either (Action data,
      // verbs, ids and URLs are used, not shown, and stay as they are).
      const used = new Set(['data', 'verb', 'id', 'url', 'associatedInputs']);
      const shown = JSON.stringify(hostile, (key, value: unknown) => (used.has(key) ? undefined : value));
      expect(shown.includes('${$root')).toBe(false);
    }
  });
});
