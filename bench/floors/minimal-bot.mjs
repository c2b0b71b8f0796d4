// The floor of `npm run bench:startup`: the smallest grammY bot that long-polls, in plain
// JavaScript (no TypeScript loader), as a grammY user would write it.
import { Bot } from 'grammy';

const bot = new Bot(process.env.BOT_TOKEN, { client: { apiRoot: process.env.TELEGRAM_API_ROOT } });
bot.on('message', (ctx) => ctx.reply('ok'));
process.once('SIGTERM', () => void bot.stop().then(() => process.exit(0)));
await bot.start();
