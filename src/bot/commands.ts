// The command menus Telegram shows next to the input field, per language: Chinese
// by default, English for clients set to English. Staff features add their own
// scoped menus through `extra`.
import type { Api } from 'grammy';
import type { BotCommand, BotCommandScope } from 'grammy/types';
import type { Locale, Translate } from '../i18n/index.js';

export const residentCommandNames = ['new', 'my', 'stations', 'language', 'privacy', 'mydata', 'forget', 'cancel', 'help', 'start'] as const;

export interface CommandMenu {
  scope: BotCommandScope;
  commands: (locale: Locale) => BotCommand[];
}

/** The resident's commands with their descriptions (`commands-<name>` in locales/). */
export function residentCommands(translate: Translate, locale: Locale): BotCommand[] {
  return residentCommandNames.map((command) => ({ command, description: translate(locale, `commands-${command}`) }));
}

/** Publishes the resident menu as the default, then each extra menu in its scope; both languages each time. */
export async function publishCommands(api: Api, translate: Translate, extra: CommandMenu[] = []): Promise<void> {
  const menus: CommandMenu[] = [{ scope: { type: 'default' }, commands: (locale) => residentCommands(translate, locale) }, ...extra];
  for (const menu of menus) {
    await api.setMyCommands(menu.commands('zh-CN'), { scope: menu.scope });
    await api.setMyCommands(menu.commands('en'), { scope: menu.scope, language_code: 'en' });
  }
}
