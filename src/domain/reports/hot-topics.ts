// Hot topics: the largest groups of similar opinions of a month (群众反映集中的问题).
// Texts are segmented with jieba, stop words and single characters dropped, and
// opinions of the same category and street / town whose keyword sets are similar
// (Jaccard) are grouped greedily: each opinion joins the most similar group leader
// sharing a keyword, or leads a new group. Only the month's texts are read, and the
// inverted index keeps comparisons to leaders that share a word.
import type { Jieba } from '@node-rs/jieba';
import type { ReportPeriod } from './period.js';
import { categoryAtCutoffSql, reclassifiedAfterCutoffCte, reportQuery, sqlTimestamp, type FigureScope, type ReportDeps } from './figures.js';

export interface HotTopic {
  size: number;
  categoryId: number;
  streetId: number | null;
  /** The words most of the group share, most frequent first. */
  keywords: string[];
  representative: { opinionId: number; trackingNo: string; text: string };
  stationIds: number[];
  /** Big enough to be turned into a representative proposal (HOT_TOPIC_PROPOSAL_SIZE). */
  proposalCandidate: boolean;
}

export interface HotTopicOptions {
  proposalSize: number;
  /** How many topics to return, largest first. */
  limit?: number;
  /** Jaccard similarity at or above which two opinions say the same thing. */
  threshold?: number;
}

export interface TopicText {
  opinionId: number;
  trackingNo: string;
  text: string;
  categoryId: number;
  streetId: number | null;
  stationId: number;
}

const DEFAULT_THRESHOLD = 0.3;
const MIN_SHARED_WORDS = 2;

// Function words and the politeness that every opinion carries; they say nothing of the topic.
const STOP_WORDS = new Set(
  `的 了 和 与 及 或 在 是 有 也 都 就 还 又 很 太 非常 比较 一直 已经 一下 一些 一个 这个 那个 这些 那些 这里 那里 这样 那样
  我们 你们 他们 我 你 他 她 它 大家 自己 希望 建议 请求 请 要求 反映 问题 情况 相关 有关 部门 尽快 及时 能够 可以 可能 应该 需要
  没有 不是 不能 因为 所以 但是 而且 如果 虽然 然后 目前 现在 最近 经常 每天 一些 什么 怎么 为什么 如何 谢谢 感谢 麻烦 解决 处理`
    .split(/\s+/)
    .filter(Boolean),
);

let segmenter: Promise<Jieba> | undefined;

function loadJieba(): Promise<Jieba> {
  // Loaded by the first report, once per process: the native module and its dictionary (an 11 MiB
  // buffer) would otherwise cost every start time and memory, and most starts build no report.
  segmenter ??= Promise.all([import('@node-rs/jieba'), import('@node-rs/jieba/dict.js')]).then(([{ Jieba }, { dict }]) => Jieba.withDict(dict));
  return segmenter;
}

export function keywordsOf(jieba: Jieba, text: string): Set<string> {
  const words = new Set<string>();
  for (const raw of jieba.cut(text, false)) {
    const word = raw.trim().toLowerCase();
    if ([...word].length < 2 || STOP_WORDS.has(word)) continue;
    if (!/[\p{Script=Han}\p{L}]/u.test(word)) continue; // numbers, punctuation
    words.add(word);
  }
  return words;
}

function jaccard(a: Set<string>, b: Set<string>): { similarity: number; shared: number } {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  const union = a.size + b.size - shared;
  return { similarity: union === 0 ? 0 : shared / union, shared };
}

interface Group {
  leader: Set<string>;
  members: { text: TopicText; words: Set<string> }[];
}

/** Groups texts of one category and area; pure and deterministic (input order matters). */
export function groupSimilarTexts(jieba: Jieba, texts: TopicText[], threshold = DEFAULT_THRESHOLD): Group[] {
  const groups: Group[] = [];
  const byWord = new Map<string, number[]>();
  for (const text of texts) {
    const words = keywordsOf(jieba, text.text);
    let best: { index: number; similarity: number } | undefined;
    const seen = new Set<number>();
    for (const word of words) {
      for (const index of byWord.get(word) ?? []) {
        if (seen.has(index)) continue;
        seen.add(index);
        const { similarity, shared } = jaccard(words, groups[index]!.leader);
        if (shared >= MIN_SHARED_WORDS && similarity >= threshold && (!best || similarity > best.similarity)) best = { index, similarity };
      }
    }
    if (best) {
      groups[best.index]!.members.push({ text, words });
      continue;
    }
    const index = groups.push({ leader: words, members: [{ text, words }] }) - 1;
    for (const word of words) {
      const list = byWord.get(word);
      if (list) list.push(index);
      else byWord.set(word, [index]);
    }
  }
  return groups;
}

function describe(group: Group, proposalSize: number): HotTopic {
  const frequency = new Map<string, number>();
  for (const member of group.members) for (const word of member.words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  // The representative uses the group's common words most densely.
  let representative = group.members[0]!;
  let bestScore = -1;
  for (const member of group.members) {
    let score = 0;
    for (const word of member.words) score += frequency.get(word)!;
    score /= Math.max(1, member.words.size);
    if (score > bestScore) {
      bestScore = score;
      representative = member;
    }
  }
  const keywords = [...frequency.entries()]
    .filter(([, count]) => count * 2 >= group.members.length)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 8)
    .map(([word]) => word);
  const first = group.members[0]!.text;
  return {
    size: group.members.length,
    categoryId: first.categoryId,
    streetId: first.streetId,
    keywords,
    representative: { opinionId: representative.text.opinionId, trackingNo: representative.text.trackingNo, text: representative.text.text },
    stationIds: [...new Set(group.members.map((m) => m.text.stationId))].sort((a, b) => a - b),
    proposalCandidate: group.members.length >= proposalSize,
  };
}

/** Groups the texts within each category × street and returns the largest groups (size ≥ 2). */
export async function findHotTopics(texts: TopicText[], options: HotTopicOptions): Promise<HotTopic[]> {
  const jieba = await loadJieba();
  const partitions = new Map<string, TopicText[]>();
  for (const text of texts) {
    const key = `${text.categoryId}:${text.streetId ?? ''}`;
    const list = partitions.get(key);
    if (list) list.push(text);
    else partitions.set(key, [text]);
  }
  const topics: HotTopic[] = [];
  for (const list of partitions.values()) {
    for (const group of groupSimilarTexts(jieba, list, options.threshold)) {
      if (group.members.length >= 2) topics.push(describe(group, options.proposalSize));
    }
  }
  topics.sort((a, b) => b.size - a.size || a.representative.opinionId - b.representative.opinionId);
  return topics.slice(0, options.limit ?? 10);
}

const monthTextsSql = `
WITH ${reclassifiedAfterCutoffCte}
SELECT o.id, o."trackingNo" AS tracking_no, o.text, o."stationId" AS station_id,
  ${categoryAtCutoffSql(
    `(SELECT (c.data->>'categoryId')::int FROM "OpinionEvent" c
      WHERE c."opinionId" = o.id AND c.type IN ('COLLECTED', 'CLASSIFIED') AND c.data ? 'categoryId' AND c.at <= $2::timestamp
      ORDER BY c.at DESC, c.id DESC LIMIT 1)`,
    'o."categoryId"',
  )} AS category_id,
  CASE WHEN r.kind IN ('STREET', 'TOWN') THEN r.id ELSE r."parentId" END AS street_id
FROM "OpinionEvent" e
JOIN "Opinion" o ON o.id = e."opinionId"
LEFT JOIN reclassified rc ON rc.id = o.id
JOIN "Station" s ON s.id = o."stationId"
JOIN "Region" r ON r.id = s."regionId"
WHERE e.type = 'COLLECTED' AND e.at >= $1::timestamp AND e.at <= $2::timestamp
  AND ($3::int IS NULL OR (CASE WHEN r.kind IN ('STREET', 'TOWN') THEN r.id ELSE r."parentId" END) = $3::int)
ORDER BY e.at, o.id`;

/** The hot topics among the opinions received in the period, each in its category as at the cut-off (see figures.ts). */
export async function computeHotTopics(deps: Pick<ReportDeps, 'prisma'>, period: ReportPeriod, scope: FigureScope, options: HotTopicOptions): Promise<HotTopic[]> {
  const rows = await reportQuery<{ id: number; tracking_no: string; text: string; category_id: number; station_id: number; street_id: number | null }>(deps, monthTextsSql, [
    sqlTimestamp(period.start),
    sqlTimestamp(period.cutoff),
    scope.streetId ?? null,
  ]);
  const texts = rows.map((row) => ({
    opinionId: Number(row.id),
    trackingNo: row.tracking_no,
    text: row.text,
    categoryId: Number(row.category_id),
    streetId: row.street_id === null ? null : Number(row.street_id),
    stationId: Number(row.station_id),
  }));
  return findHotTopics(texts, options);
}
