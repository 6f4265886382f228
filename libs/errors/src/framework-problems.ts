/** A refusal of the HTTP layer itself, before any handler runs: its stable code (titled in `PROBLEMS`, with the same status there). */
export interface FrameworkProblem {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
}

/** What Fastify refuses while reading a request (routing, content type, body), by Fastify's own error code. */
export const FRAMEWORK_PROBLEMS: Readonly<Record<string, FrameworkProblem>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'REQUEST.MALFORMED_JSON',
    detail: 'The body is not valid JSON.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    detail: 'Send the body as application/json.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'REQUEST.BODY_TOO_LARGE',
    detail: 'The body is larger than the service accepts (1 MiB).',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'REQUEST.CONTENT_LENGTH_MISMATCH',
    detail: 'The body is not as long as its Content-Length header says.',
  },
  FST_ERR_BAD_URL: {
    status: 400,
    code: 'REQUEST.MALFORMED_URL',
    detail: 'The path is not valid percent-encoded UTF-8.',
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    code: 'REQUEST.URI_TOO_LONG',
    detail: 'A segment of the path is longer than 100 characters.',
  },
};

/** What Node's HTTP parser refuses before Fastify sees a request at all (the server's `clientError`). */
export const CONNECTION_PROBLEMS = {
  uriTooLong: {
    status: 414,
    code: 'REQUEST.URI_TOO_LONG',
    detail: 'The request line is longer than the service accepts (16 KiB with the headers).',
  },
  headersTooLarge: {
    status: 431,
    code: 'REQUEST.HEADERS_TOO_LARGE',
    detail: 'The headers are larger than the service accepts (16 KiB with the request line).',
  },
  timeout: {
    status: 408,
    code: 'REQUEST.TIMEOUT',
    detail: 'The request was still being sent when the time allowed ran out.',
  },
  malformed: {
    status: 400,
    code: 'REQUEST.MALFORMED_HTTP',
    detail: 'The request is not valid HTTP/1.1.',
  },
} as const satisfies Record<string, FrameworkProblem>;
