/**
 * Drives the Agents Playground's chat page as a person would: types into the message box, reads
 * the bot's messages and Adaptive Cards, clicks card buttons by their visible title and fills
 * card inputs by their visible label.
 *
 * Selectors (Playground 0.2.x, React + Fluent UI v9 + the Adaptive Cards renderer):
 * - message box: the Lexical editor `[data-lexical-editor="true"][role="textbox"]`; Enter sends;
 * - a message: the element whose child is `[aria-label="Message header"]`; the bot's messages have
 *   `[aria-label="Message author"]` in that header, the user's own have none;
 * - a card: `.ac-adaptiveCard` inside the message; buttons are `role=button` named by the title
 *   (Action.OpenUrl renders as `role=link`); inputs have a `<label for>` with the card label
 *   (required ones get " *"); a compact Input.ChoiceSet is a Fluent combobox whose options open in
 *   a popup at page level (`role=option`); Input.Toggle is a checkbox named by its title;
 * - Action.Execute: the invoke response's card replaces the card in place, inside the same message
 *   element, so a message found by index keeps pointing at the refreshed card.
 * Not supported by the Playground: Action.Submit whose data carries `msteams` (imBack/messageBack)
 * sends nothing at all, so such buttons (help, welcome, notification cards) cannot be clicked here.
 */
import type { Locator, Page } from 'playwright-core';

export const SELECTORS = {
  messageBox: '[data-lexical-editor="true"][role="textbox"]',
  botMessage: 'div:has(> [aria-label="Message header"] [aria-label="Message author"])',
  card: '.ac-adaptiveCard',
} as const;

export const DEFAULT_WAIT_MS = 20_000;
/**
 * Loading the Playground page (a large script bundle, served by the Playground's own server): the
 * first load on a busy machine took more than the 15 s default, so loads get longer.
 */
const PAGE_LOAD_MS = 60_000;

/** Text as a person reads it: markdown emphasis gone, whitespace collapsed. */
export function readable(text: string): string {
  return text.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
}

function matches(haystack: string, needle: string | RegExp): boolean {
  const text = readable(haystack);
  return typeof needle === 'string' ? text.includes(readable(needle)) : needle.test(text);
}

export class PlaygroundChat {
  constructor(
    readonly page: Page,
    readonly url: string,
  ) {}

  botMessages(): Locator {
    return this.page.locator(SELECTORS.botMessage);
  }

  /** Number of bot messages so far: pass it as `since` to find only newer ones. */
  async mark(): Promise<number> {
    return this.botMessages().count();
  }

  /** Loads the Playground (it reconnects and the bot sends its welcome card) with an empty chat view. */
  async open(welcomeTitle: string): Promise<void> {
    await this.page.goto(this.url, { waitUntil: 'load', timeout: PAGE_LOAD_MS });
    await this.page.locator(SELECTORS.messageBox).waitFor({ state: 'visible', timeout: PAGE_LOAD_MS });
    await this.waitForMessage(welcomeTitle, 0);
  }

  /** Types a message into the message box and sends it with Enter; returns the mark before it. */
  async send(text: string): Promise<number> {
    const since = await this.mark();
    const box = this.page.locator(SELECTORS.messageBox);
    await box.click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    return since;
  }

  /** The newest bot message at index >= since whose visible text contains `text`. */
  async waitForMessage(text: string | RegExp, since: number, timeoutMs = DEFAULT_WAIT_MS): Promise<Locator> {
    const deadline = Date.now() + timeoutMs;
    const messages = this.botMessages();
    for (;;) {
      const count = await messages.count();
      for (let i = count - 1; i >= since; i--) {
        const message = messages.nth(i);
        const content = await message.innerText().catch(() => '');
        if (matches(content, text)) return message;
      }
      if (Date.now() > deadline) {
        const last = count > 0 ? readable(await messages.nth(count - 1).innerText()).slice(0, 400) : '(none)';
        throw new Error(
          `no bot message containing ${JSON.stringify(String(text))} within ${timeoutMs} ms ` +
            `(${count - since} new bot message(s); the last one reads: ${JSON.stringify(last)})`,
        );
      }
      await this.page.waitForTimeout(150);
    }
  }

  /** Waits until `message` (e.g. a card refreshed in place) shows `text`. */
  async waitForText(message: Locator, text: string | RegExp, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const content = await message.innerText().catch(() => '');
      if (matches(content, text)) return;
      if (Date.now() > deadline) {
        throw new Error(
          `the card did not show ${JSON.stringify(String(text))} within ${timeoutMs} ms; it reads: ` +
            JSON.stringify(readable(content).slice(0, 600)),
        );
      }
      await this.page.waitForTimeout(150);
    }
  }

  /** Clicks the card button with exactly this visible title. */
  async click(message: Locator, title: string): Promise<void> {
    const button = message.getByRole('button', { name: title, exact: true });
    const count = await button.count();
    if (count === 0) {
      const titles = await message.getByRole('button').allInnerTexts();
      throw new Error(`no button "${title}" on the card; its buttons: ${JSON.stringify(titles)}`);
    }
    await button.last().click();
  }

  /** The card's text input (Input.Text) labelled `label`. */
  input(message: Locator, label: string): Locator {
    return message
      .getByLabel(label, { exact: false })
      .and(message.locator('textarea, input:not([role="combobox"]):not([type="checkbox"])'))
      .first();
  }

  async fill(message: Locator, label: string, value: string): Promise<void> {
    const field = this.input(message, label);
    await field.click();
    await field.fill(value);
  }

  /** Opens the compact choice set labelled `label` and picks the option with this title. */
  async choose(message: Locator, label: string, option: string): Promise<void> {
    const combo = message.getByRole('combobox', { name: label });
    await combo.click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** All option titles of the compact choice set labelled `label`. */
  async options(message: Locator, label: string): Promise<string[]> {
    const combo = message.getByRole('combobox', { name: label });
    await combo.click();
    const options = this.page.getByRole('option');
    await options.first().waitFor({ state: 'visible', timeout: 5000 });
    const titles = (await options.allInnerTexts()).map(readable);
    await this.page.keyboard.press('Escape');
    return titles;
  }

  async toggle(message: Locator, title: string, on = true): Promise<void> {
    await message.getByRole('checkbox', { name: title }).setChecked(on);
  }

  async screenshot(file: string): Promise<void> {
    await this.page.screenshot({ path: file });
  }
}
