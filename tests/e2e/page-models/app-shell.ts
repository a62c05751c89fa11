import type { Page } from 'playwright-core';
import { MESSAGES, type Messages } from './messages.ts';

type Language = keyof typeof MESSAGES;

/** The header every screen shares: app name, language switcher, skip link. */
export class AppShell {
  constructor(readonly page: Page, readonly messages: Messages = MESSAGES.fi) {}

  get appName() {
    return this.page.getByRole('banner').getByRole('link', { name: this.messages.app.name });
  }

  get skipLink() {
    return this.page.getByRole('link', { name: this.messages.app.skipToContent });
  }

  get main() {
    return this.page.getByRole('main');
  }

  /** Language names are written in their own language, the same in every message file. */
  languageButton(language: Language) {
    return this.page.getByRole('button', { name: this.messages.language[language], exact: true });
  }

  /** Switches the UI language and returns the messages to use from then on. */
  async switchLanguage(language: Language): Promise<Messages> {
    await this.languageButton(language).click();
    await this.page.waitForFunction((lang) => document.documentElement.lang === lang, language);
    return MESSAGES[language];
  }

  htmlLang(): Promise<string | null> {
    return this.page.locator('html').getAttribute('lang');
  }
}
