// The bot's @username for invitation deep links, when the CLI knows the token and Telegram answers.
import { Api } from 'grammy';

export async function botUsername(token: string | undefined, apiRoot: string): Promise<string | undefined> {
  if (!token) return undefined;
  try {
    return (await new Api(token, { apiRoot }).getMe()).username;
  } catch {
    return undefined;
  }
}
