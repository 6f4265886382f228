/** A refusal of the HTTP layer itself, before any handler runs: its stable code and Vietnamese title. */
export interface FrameworkProblem {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
}

/** What Fastify refuses while reading a request (routing, content type, body), by Fastify's own error code. */
export const FRAMEWORK_PROBLEMS: Readonly<Record<string, FrameworkProblem>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'REQUEST.MALFORMED_JSON',
    title: 'Nội dung yêu cầu không phải là JSON hợp lệ',
    detail: 'The body is not valid JSON.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    title: 'Kiểu nội dung không được hỗ trợ',
    detail: 'Send the body as application/json.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'REQUEST.BODY_TOO_LARGE',
    title: 'Nội dung yêu cầu quá lớn',
    detail: 'The body is larger than the service accepts (1 MiB).',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'REQUEST.CONTENT_LENGTH_MISMATCH',
    title: 'Độ dài nội dung không khớp với Content-Length',
    detail: 'The body is not as long as its Content-Length header says.',
  },
  FST_ERR_BAD_URL: {
    status: 400,
    code: 'REQUEST.MALFORMED_URL',
    title: 'Đường dẫn yêu cầu không hợp lệ',
    detail: 'The path is not valid percent-encoded UTF-8.',
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    code: 'REQUEST.URI_TOO_LONG',
    title: 'Đường dẫn yêu cầu quá dài',
    detail: 'A segment of the path is longer than 100 characters.',
  },
};

/** What Node's HTTP parser refuses before Fastify sees a request at all (the server's `clientError`). */
export const CONNECTION_PROBLEMS = {
  uriTooLong: {
    status: 414,
    code: 'REQUEST.URI_TOO_LONG',
    title: 'Đường dẫn yêu cầu quá dài',
    detail: 'The request line is longer than the service accepts (16 KiB with the headers).',
  },
  headersTooLarge: {
    status: 431,
    code: 'REQUEST.HEADERS_TOO_LARGE',
    title: 'Phần tiêu đề của yêu cầu quá lớn',
    detail: 'The headers are larger than the service accepts (16 KiB with the request line).',
  },
  timeout: {
    status: 408,
    code: 'REQUEST.TIMEOUT',
    title: 'Yêu cầu không được gửi xong trong thời gian cho phép',
    detail: 'The request was still being sent when the time allowed ran out.',
  },
  malformed: {
    status: 400,
    code: 'REQUEST.MALFORMED_HTTP',
    title: 'Yêu cầu HTTP không hợp lệ',
    detail: 'The request is not valid HTTP/1.1.',
  },
} as const satisfies Record<string, FrameworkProblem>;
