// The whole configuration, read once from the environment and validated.
// Every variable is documented, with its default, in .env.example.
import { existsSync } from 'node:fs';
import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** An optional URL whose scheme is one of `schemes`; `example` says what is expected. */
const optionalUrl = (schemes: string[], example: string) =>
  optionalString.refine(
    (value) => {
      if (value === undefined) return true;
      try {
        return schemes.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `expected a URL such as ${example}` },
  );

const optionalFile = optionalString.refine((value) => value === undefined || existsSync(value), { message: 'expected the path of an existing file' });

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const configSchema = z.object({
  BOT_TOKEN: optionalString,
  DATABASE_URL: optionalUrl(['postgres:', 'postgresql:'], 'postgresql://user:password@localhost:5432/minyi'),
  DATA_DIR: z.string().default('./data'),
  REDIS_URL: optionalUrl(['redis:', 'rediss:'], 'redis://localhost:6379'),
  TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org'),
  WEBHOOK_URL: z.url().optional().or(z.literal('').transform(() => undefined)),
  WEBHOOK_SECRET: optionalString.pipe(
    z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'only A-Z, a-z, 0-9, _ and - (Telegram’s rule)').optional(),
  ),
  HTTP_HOST: z.string().default('0.0.0.0'),
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  TIME_ZONE: z.string().refine(isTimeZone, { message: 'expected an IANA time zone such as Asia/Shanghai' }).default('Asia/Shanghai'),
  DEFAULT_LOCALE: z.enum(['zh-CN', 'en']).default('zh-CN'),
  OPINIONS_PER_HOUR: z.coerce.number().int().min(1).default(5),
  OPINION_TEXT_MIN: z.coerce.number().int().min(1).default(10),
  OPINION_TEXT_MAX: z.coerce.number().int().min(10).max(4000).default(2000),
  OPINION_MAX_PHOTOS: z.coerce.number().int().min(0).max(10).default(5),
  DATA_RETENTION_MONTHS: z.coerce.number().int().min(1).default(36),
  INVITATION_TTL_HOURS: z.coerce.number().int().min(1).default(72),
  STAGE_LIMITS_FILE: optionalFile,
  CALENDAR_FILE: optionalFile,
  OVERDUE_DISTRICT_AFTER_WORKING_DAYS: z.coerce.number().int().min(1).default(3),
  OVERDUE_GRACE_WORKING_DAYS: z.coerce.number().int().min(1).default(3),
  DISSATISFACTION_REASON_WAIT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  REPORT_HOUR: z.coerce.number().int().min(0).max(23).default(8),
  HOT_TOPIC_PROPOSAL_SIZE: z.coerce.number().int().min(2).default(5),
  SILENCE_COUNTS_AS_SOLVED: booleanFlag,
  LITTLE_USED_STATION_MAX_ACTIVITY: z.coerce.number().int().min(0).default(0),
  PROPOSAL_ANSWER_MONTHS: z.coerce.number().int().min(1).max(24).default(3),
  PROPOSAL_REHANDLING_MONTHS: z.coerce.number().int().min(1).max(24).default(1),
  PROPOSAL_SECOND_EVALUATION_MONTH: z.coerce.number().int().min(1).max(12).default(12),
  DEMO_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DEMO_HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  BOT_DROP_PENDING_UPDATES: booleanFlag,
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A bad value of one variable, said in one sentence: which variable, what is expected. */
export function configProblem(variable: string, problem: string): ConfigError {
  return new ConfigError(`Invalid configuration: ${variable} — ${problem}.`);
}

/** Reads the configuration; a bad value stops with one sentence (one line) per variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => configProblem(issue.path.join('.'), issue.message).message);
    throw new ConfigError(problems.join('\n'));
  }
  return parsed.data;
}
