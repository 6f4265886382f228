import type { FieldProblem } from '@motcua/errors';

/**
 * How deep a request's JSON may nest. The deepest request of the suite (a process version's step with its agency
 * rule) is four levels; past this, class-transformer and class-validator, which recurse, would exhaust the stack
 * ("Maximum call stack size exceeded") on a body of a few kilobytes.
 */
export const MAX_INPUT_DEPTH = 32;

/** Past this many, the rest are not listed: a body of a megabyte could otherwise answer a thousand entries. */
const MAX_PROBLEMS = 20;

/**
 * Keys that reach an object's prototype when a library copies a body key by key (`target[key] = value`, as
 * class-transformer does): JSON.parse keeps them as plain keys, so they are refused here, by name.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor']);

/**
 * What no request may carry anywhere (body, query, path), whatever its DTO says: nesting deeper than
 * `MAX_INPUT_DEPTH`, a `__proto__` or `constructor` key, and text PostgreSQL cannot store — a NUL character (text
 * columns refuse it) or a lone UTF-16 surrogate (jsonb refuses it; text would silently store U+FFFD instead). Each
 * problem names its field by its full path (`applicant.fullName`, `documents.0.name`). Iterative, so that the
 * depth of what it walks never matters.
 */
export function inputProblems(value: unknown, root = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pending: { value: unknown; field: string; depth: number }[] = [{ value, field: root, depth: 0 }];
  while (pending.length > 0 && problems.length < MAX_PROBLEMS) {
    const { value: current, field, depth } = pending.pop()!;
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) problems.push({ field, ...problem });
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      problems.push({ field, code: 'maxDepth', message: `nested deeper than ${MAX_INPUT_DEPTH} levels` });
      continue;
    }
    const entries = Array.isArray(current) ? current.map((item, index) => [String(index), item] as const) : Object.entries(current);
    // pushed in reverse, so that fields are walked in the order of the document
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i];
      const path = field ? `${field}.${key}` : key;
      const keyProblem = FORBIDDEN_KEYS.has(key) ? { code: 'forbiddenKey', message: `${key} is not a field name any request has` } : textProblem(key);
      if (keyProblem) problems.push({ field: path, ...keyProblem });
      else pending.push({ value: item, field: path, depth: depth + 1 });
    }
  }
  return problems.slice(0, MAX_PROBLEMS);
}

// With the u flag a surrogate pair is one code point; only a lone surrogate is in the Cs (surrogate) category.
const LONE_SURROGATE = /\p{Cs}/u;

function textProblem(text: string): { code: string; message: string } | undefined {
  if (text.includes('\u0000')) return { code: 'noNulCharacter', message: 'must not contain a NUL character (U+0000)' };
  if (LONE_SURROGATE.test(text)) return { code: 'wellFormedText', message: 'must be well-formed Unicode text (a lone UTF-16 surrogate is not)' };
  return undefined;
}
