import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type ArgumentsHost, HttpException, HttpStatus, NotFoundException } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import { IsString } from 'class-validator';
import { QueryFailedError } from 'typeorm';
import { type ProblemDetails, ProblemDetailsException } from './problem-details';
import { ProblemDetailsFilter } from './problem-details.filter';
import { CONNECTION_PROBLEMS, FRAMEWORK_PROBLEMS } from './framework-problems';
import { HTTP_STATUS_TITLES, PROBLEMS, problemStatus, problemTitle } from './problem-titles';
import { Refusal } from './refusal';
import { validationPipe } from '@motcua/http';

const ROOT = join(__dirname, '..', '..', '..');

/** A letter only Vietnamese writes (a vowel with its marks, or đ), and words that give English away. */
const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;
const ENGLISH_WORD = /\b(the|is|are|not|no|only|cannot|found|invalid|error|request|task|dossier|you|must|already|such)\b/i;
const isVietnamese = (title: string) => title === title.normalize('NFC') && VIETNAMESE_LETTER.test(title) && !ENGLISH_WORD.test(title);

/** Codes a problem carries only in `errors[]`, one per field at fault (a process definition's), never as its own code. */
const FIELD_CODES = new Set([
  'PROCESS.EMPTY',
  'PROCESS.STEP_OUT_OF_ORDER',
  'PROCESS.STEP_UNNAMED',
  'PROCESS.UNKNOWN_ROLE',
  'PROCESS.BUDGET_NOT_POSITIVE',
  'PROCESS.BUDGET_TOO_LARGE',
  'PROCESS.NO_ACTION',
  'PROCESS.UNKNOWN_ACTION',
  'PROCESS.SEND_BACK_FROM_FIRST_STEP',
  'PROCESS.FORWARD_FROM_LAST_STEP',
  'PROCESS.HAND_OVER_BEFORE_SIGN',
  'PROCESS.AGENCY_UNRESOLVABLE',
  'PROCESS.MALFORMED',
]);

/** The services' and libraries' own sources (not their tests, not the dictionary itself). */
function sources(): { file: string; text: string }[] {
  const roots = ['apps', 'libs'].flatMap((top) => readdirSync(join(ROOT, top)).map((name) => join(ROOT, top, name, 'src')));
  return roots
    .flatMap((root) => readdirSync(root, { recursive: true, encoding: 'utf8' }).map((file) => join(root, file)))
    .filter((file) => file.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(file) && !file.endsWith('problem-titles.ts'))
    .map((file) => ({ file: relative(ROOT, file), text: readFileSync(file, 'utf8') }));
}

/** `'TASK.ALREADY_OWNED'`, `"DOSSIER.NOT_FOUND"`: a stable code written as a literal. */
const CODE_LITERAL = /['"`]([A-Z][A-Z_]*(?:\.[A-Z][A-Z_]*)+)['"`]/g;

describe('problem titles', () => {
  const tree = sources();
  const used = new Set(tree.flatMap(({ text }) => [...text.matchAll(CODE_LITERAL)].map((m) => m[1])));

  it('are Vietnamese, for every code and every HTTP status', () => {
    const english = [...Object.entries(PROBLEMS).map(([code, { title }]) => [code, title] as const), ...Object.entries(HTTP_STATUS_TITLES)].filter(
      ([, title]) => !isVietnamese(title),
    );
    expect(english).toEqual([]);
  });

  it('tell English from Vietnamese', () => {
    expect(isVietnamese('The task cannot be changed so')).toBe(false);
    expect(isVietnamese('Không tìm thấy hồ sơ')).toBe(true);
    expect(isVietnamese('Không tìm thấy hồ sơ'.normalize('NFD'))).toBe(false);
  });

  it('exist, with an HTTP status, for every code the source tree uses', () => {
    expect(used.size).toBeGreaterThan(50); // the scan sees the tree
    const untitled = [...used].filter((code) => !code.startsWith('HTTP.') && !FIELD_CODES.has(code) && !Object.hasOwn(PROBLEMS, code));
    expect(untitled).toEqual([]);
    const withoutStatus = Object.entries(PROBLEMS).filter(([, { status }]) => !Number.isInteger(status) || status < 400 || status > 599);
    expect(withoutStatus).toEqual([]);
  });

  it('give the HTTP layer’s own refusals the status they are answered with', () => {
    const framework = [...Object.values(FRAMEWORK_PROBLEMS), ...Object.values(CONNECTION_PROBLEMS)];
    expect(framework.filter(({ code, status }) => problemStatus(code) !== status)).toEqual([]);
  });

  it('exist only for codes the source tree uses', () => {
    const unused = Object.keys(PROBLEMS).filter((code) => code !== 'INTERNAL' && !used.has(code));
    expect(unused).toEqual([]);
  });

  it('find every code: none is put together at run time', () => {
    const built = tree
      .flatMap(({ file, text }) => [...text.matchAll(/`([A-Z][A-Z_]*\.[A-Z_]*\$\{([^}`]*)\}[^`]*)`/g)].map((m) => ({ file, code: m[1], part: m[2] })))
      // a type (`DOSSIER.${string}`) builds nothing; the filter's generic `HTTP.<REASON>` codes are titled by their status
      .filter(({ code, part }) => part !== 'string' && !code.startsWith('HTTP.'));
    expect(built).toEqual([]);
  });

  it('exist for every error status Nest names', () => {
    const statuses = Object.values(HttpStatus).filter((status): status is number => typeof status === 'number' && status >= 400);
    expect(statuses.filter((status) => !HTTP_STATUS_TITLES[status])).toEqual([]);
    expect(problemTitle('HTTP.NOT_FOUND', 404)).toBe('Không tìm thấy');
    expect(problemTitle('HTTP.SOMETHING_NEW', 499)).toBe(HTTP_STATUS_TITLES[400]);
    expect(problemTitle('HTTP.SOMETHING_NEW', 599)).toBe(HTTP_STATUS_TITLES[500]);
  });
});

describe('the problem details filter', () => {
  /** What the filter answers for an exception thrown by an HTTP request (its headers, the guard's first, in `headers`). */
  function rendered(exception: unknown, headers: Record<string, string> = {}): ProblemDetails {
    let body: ProblemDetails | undefined;
    const adapter = {
      getRequestUrl: () => '/api/v1/tasks/x/claim',
      isHeadersSent: () => false,
      getHeader: (_: unknown, name: string) => headers[name.toLowerCase()],
      setHeader: (_: unknown, name: string, value: string) => (headers[name.toLowerCase()] = value),
      reply: (_: unknown, reply: ProblemDetails) => (body = reply),
    };
    const host = { getType: () => 'http', switchToHttp: () => ({ getRequest: () => ({}), getResponse: () => ({}) }) } as unknown as ArgumentsHost;
    const filter = new ProblemDetailsFilter({ httpAdapter: adapter } as unknown as HttpAdapterHost);
    (filter as unknown as { logger: { error: () => void; warn: () => void } }).logger = { error: () => undefined, warn: () => undefined };
    filter.catch(exception, host);
    return body!;
  }

  it('titles a problem of ours by its code, in Vietnamese (a stale claim)', () => {
    const stale = new ProblemDetailsException({
      status: HttpStatus.CONFLICT,
      code: 'TASK.VERSION_CONFLICT',
      detail: 'the task is at version 3, not 2: reload it',
    });
    expect(rendered(stale)).toMatchObject({ status: 409, code: 'TASK.VERSION_CONFLICT', title: 'Nhiệm vụ đã thay đổi, đề nghị tải lại' });
  });

  it('answers a domain refusal with its code’s status and title, and nothing of HTTP from the rule', () => {
    const owned = Refusal.ofField('TASK.ALREADY_OWNED', 'officerId', 'lan already owns the task');
    expect(rendered(owned)).toEqual({
      type: 'https://motcua.vn/problems/task-already-owned',
      title: 'Nhiệm vụ đã có cán bộ xử lý',
      status: 409,
      detail: 'lan already owns the task',
      code: 'TASK.ALREADY_OWNED',
      errors: [{ field: 'officerId', code: 'TASK.ALREADY_OWNED', message: 'lan already owns the task' }],
      instance: '/api/v1/tasks/x/claim',
    });
    expect(rendered(new Refusal('STATISTICS.LEADERS_ONLY'))).toEqual(expect.not.objectContaining({ detail: expect.anything() }));
    expect(rendered(new Refusal('DOSSIER.NOT_FOUND', 'No dossier X that you may see'))).toMatchObject({ status: 404, title: 'Không tìm thấy hồ sơ' });
  });

  it('titles Nest’s and libraries’ exceptions in Vietnamese, whatever title they carry', () => {
    expect(rendered(new NotFoundException())).toMatchObject({ status: 404, code: 'HTTP.NOT_FOUND', title: 'Không tìm thấy' });
    expect(rendered(new HttpException('ThrottlerException: Too Many Requests', 429))).toMatchObject({
      code: 'HTTP.TOO_MANY_REQUESTS',
      title: 'Quá nhiều yêu cầu, đề nghị thử lại sau',
    });
    expect(rendered(new HttpException({ code: 'AUTH.TOKEN_INVALID', title: 'Unauthenticated' }, 401))).toMatchObject({
      code: 'AUTH.TOKEN_INVALID',
      title: 'Mã truy cập không hợp lệ hoặc đã hết hạn',
    });
  });

  it('says nothing of an unknown failure but that it is the system’s', () => {
    expect(rendered(new Error('connection refused'))).toEqual(expect.objectContaining({ status: 500, code: 'INTERNAL', title: 'Lỗi hệ thống' }));
  });

  it('answers the database or the broker out of reach with 503 SERVICE.UNAVAILABLE and Retry-After, saying nothing of it', () => {
    const headers: Record<string, string> = {};
    const terminated = new QueryFailedError('INSERT INTO dossier …', [], new Error('Connection terminated unexpectedly'));
    const problem = rendered(terminated, headers);
    expect(problem).toEqual({
      type: 'https://motcua.vn/problems/service-unavailable',
      title: 'Hệ thống tạm thời gián đoạn, xin thử lại sau ít giây',
      status: 503,
      detail: expect.any(String),
      code: 'SERVICE.UNAVAILABLE',
      instance: '/api/v1/tasks/x/claim',
    });
    expect(JSON.stringify(problem)).not.toMatch(/terminated|INSERT|dossier|postgres/i);
    expect(headers['retry-after']).toBe('3');
    expect(headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(rendered(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toMatchObject({ status: 503 });
  });

  it('tells every 503 and 429 when to come back, keeping a wait the guard already set', () => {
    const notReady: Record<string, string> = {};
    expect(rendered(new Refusal('CATALOGUE.NOT_READY'), notReady)).toMatchObject({ status: 503 });
    expect(notReady['retry-after']).toBe('3');
    const throttled: Record<string, string> = {};
    rendered(new HttpException('ThrottlerException: Too Many Requests', 429), throttled);
    expect(throttled['retry-after']).toBe('3');
    const limited: Record<string, string> = { 'retry-after': '600' };
    expect(rendered(new Refusal('LOOKUP.TOO_MANY_ATTEMPTS'), limited)).toMatchObject({ status: 429 });
    expect(limited['retry-after']).toBe('600');
    const missing: Record<string, string> = {};
    rendered(new NotFoundException(), missing);
    rendered(new Error('boom'), missing);
    expect(missing['retry-after']).toBeUndefined();
  });

  it('titles the validation pipe’s refusal in Vietnamese', async () => {
    class Body {
      @IsString()
      name: string;
    }
    const refused = await validationPipe()
      .transform({ name: 1 }, { type: 'body', metatype: Body })
      .catch((e: unknown) => e);
    expect(rendered(refused)).toMatchObject({ status: 400, code: 'REQUEST.INVALID', title: 'Yêu cầu không hợp lệ' });
  });
});
