// Every failed call becomes an ApiError: the server's `{"detail", "code"}` (detail is already
// localized through Accept-Language), or a network failure with code "network_error".

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  /** The whole error answer: some carry more than detail and code (e.g. conflict candidates). */
  readonly body: Record<string, unknown>;

  constructor(status: number, code: string, detail: string, fields: FieldError[] = [], body: Record<string, unknown> = {}) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.body = body;
  }

  /** The server's human message ("" when there is none, e.g. network failures). */
  get detail(): string {
    return this.message;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Build an ApiError from whatever the client produced for a failed call. */
export function toApiError(error: unknown, status: number | undefined): ApiError {
  if (error instanceof ApiError) return error;
  if (status === undefined || status === 0) {
    const aborted = isRecord(error) && error.name === 'AbortError';
    return new ApiError(0, aborted ? 'aborted' : 'network_error', '');
  }
  if (isRecord(error)) {
    const detail = typeof error.detail === 'string' ? error.detail : '';
    const code = typeof error.code === 'string' ? error.code : `http_${status}`;
    const fields = Array.isArray(error.errors)
      ? error.errors.filter(isRecord).map((e) => ({ field: String(e.field ?? ''), message: String(e.message ?? '') }))
      : [];
    return new ApiError(status, code, detail, fields, error);
  }
  return new ApiError(status, `http_${status}`, typeof error === 'string' ? error.slice(0, 300) : '');
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
