// Saved answers an officer can pick: general ones and those of the case's category.
import type { ReplyTemplate } from '../../generated/prisma/client.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';

export async function listReplyTemplates(deps: DomainDeps, input: { categoryId: number }): Promise<ReplyTemplate[]> {
  return deps.prisma.replyTemplate.findMany({
    where: { OR: [{ categoryId: null }, { categoryId: input.categoryId }] },
    orderBy: [{ categoryId: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
  });
}

async function getReplyTemplate(deps: DomainDeps, templateId: number): Promise<ReplyTemplate> {
  const template = await deps.prisma.replyTemplate.findUnique({ where: { id: templateId } });
  if (!template) throw new DomainError('not-found', 'error-not-found');
  return template;
}

function templateBody(template: ReplyTemplate, locale: string): string {
  return locale === 'en' ? template.bodyEn : template.bodyZh;
}

/** A template's answer for a case: its body in the language the resident wrote in. */
export async function templateAnswerFor(deps: DomainDeps, input: { opinionId: number; templateId: number }): Promise<string> {
  const [template, opinion] = await Promise.all([
    getReplyTemplate(deps, input.templateId),
    deps.prisma.opinion.findUnique({ where: { id: input.opinionId }, select: { locale: true } }),
  ]);
  if (!opinion) throw new DomainError('not-found', 'error-not-found');
  return templateBody(template, opinion.locale);
}
