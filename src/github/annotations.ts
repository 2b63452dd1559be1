// Annotations on the pull request's files: blocking findings first, each at its file, line and column. GitHub
// shows at most 10 per level and step, so each level keeps to 10, the last one saying how many more there are.
import * as core from '@actions/core';
import type { UserError } from '../errors.js';
import type { Translate } from '../messages.js';
import type { SourceLocation } from '../location.js';
import type { Report } from '../report/model.js';
import { underPrefix } from './paths.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';
export const ANNOTATION_LEVELS: readonly AnnotationLevel[] = ['error', 'warning', 'notice'];
/** Per level and per step (actions/toolkit docs/problem-matchers.md). */
export const ANNOTATIONS_PER_LEVEL = 10;

export interface Annotation {
  level: AnnotationLevel;
  message: string;
  title?: string;
  location?: SourceLocation;
}

/**
 * error: a failing finding of a blocking criterion; warning: other failures, warnings (expiring soon) and checks
 * that could not run; notice: failures covered by an active waiver. Items to review are left to the summary.
 * The same finding shared by several criteria is one annotation naming them all.
 */
export function findingAnnotations(report: Report, prefix: string): Annotation[] {
  const byKey = new Map<string, Annotation & { ids: string[]; rank: number }>();
  report.criteria.forEach((c, order) => {
    if (c.status === 'non-applicable') return;
    for (const f of c.findings) {
      let level: AnnotationLevel | undefined;
      let rank = 0;
      // With fail-on-unverified, what could not be checked blocks like a failure.
      if ((f.outcome === 'fail' || f.outcome === 'unavailable') && c.blocking) level = 'error';
      else if (f.outcome === 'fail' && c.status === 'non-conforme' && c.waiver?.active) level = 'notice';
      else if (f.outcome === 'fail') [level, rank] = ['warning', 0];
      else if (f.outcome === 'warn') [level, rank] = ['warning', 1];
      else if (f.outcome === 'unavailable') [level, rank] = ['warning', 2];
      if (!level) continue;
      const location = f.location ? { ...f.location, file: underPrefix(prefix, f.location.file) } : undefined;
      const key = `${level}|${f.message}|${location ? JSON.stringify(location) : ''}`;
      const seen = byKey.get(key);
      if (seen) {
        seen.ids.push(c.id);
        continue;
      }
      byKey.set(key, {
        level,
        // An annotation is read alone, on the file: it carries the fix when the message does not.
        message: f.fix ? `${f.message} — ${f.fix}` : f.message,
        ids: [c.id],
        title: c.title,
        rank: rank * 10_000 + order,
        ...(location ? { location } : {}),
      });
    }
  });
  return [...byKey.values()]
    .sort(
      (a, b) => ANNOTATION_LEVELS.indexOf(a.level) - ANNOTATION_LEVELS.indexOf(b.level) || a.rank - b.rank,
    )
    .map(({ level, message, ids, title, location }) => ({
      level,
      message,
      title: ids.length > 1 ? ids.join(', ') : `${ids[0]} — ${title}`,
      ...(location ? { location } : {}),
    }));
}

export function configErrorAnnotations(t: Translate, errors: UserError[]): Annotation[] {
  return errors.map((e) => ({
    level: 'error',
    message: t(e.key, e.params),
    ...(e.location ? { location: e.location } : {}),
  }));
}

/**
 * At most ANNOTATIONS_PER_LEVEL per level, minus the slots `reserved` for annotations made elsewhere (the failure
 * message, publishing warnings). When a level overflows, its last slot says how many were left out.
 */
export function capAnnotations(
  annotations: Annotation[],
  t: Translate,
  reserved: Partial<Record<AnnotationLevel, number>> = {},
): Annotation[] {
  const out: Annotation[] = [];
  for (const level of ANNOTATION_LEVELS) {
    const all = annotations.filter((a) => a.level === level);
    const room = Math.max(0, ANNOTATIONS_PER_LEVEL - (reserved[level] ?? 0));
    if (all.length <= room) {
      out.push(...all);
      continue;
    }
    const kept = all.slice(0, Math.max(0, room - 1));
    out.push(...kept);
    if (room > 0)
      out.push({
        level,
        message: t(`github.annotations.more.${level}`, { count: all.length - kept.length }),
      });
  }
  return out;
}

export function emitAnnotation(annotation: Annotation): void {
  const { level, message, title, location } = annotation;
  const properties: core.AnnotationProperties = {};
  if (title) properties.title = title;
  if (location) {
    properties.file = location.file;
    if (location.line !== undefined) {
      properties.startLine = location.line;
      if (location.endLine !== undefined) properties.endLine = location.endLine;
      // GitHub ignores columns on an annotation spanning several lines.
      const oneLine = location.endLine === undefined || location.endLine === location.line;
      if (oneLine && location.column !== undefined) {
        properties.startColumn = location.column;
        if (location.endColumn !== undefined) properties.endColumn = location.endColumn;
      }
    }
  }
  core[level](message, properties);
}
