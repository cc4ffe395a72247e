// The error type of the admin API and the registry. Its JSON form is { error, message, field? }; anything that is
// not an AppError reaches clients as a bare 500 `server_error` without internals (see http/errors.ts).
export type AppErrorCode = 'invalid_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'precondition_failed' | 'too_many_requests';

const STATUS: Record<AppErrorCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  too_many_requests: 429,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = STATUS[code];
  }

  toJSON(): { error: AppErrorCode; message: string; field?: string } {
    return this.field ? { error: this.code, message: this.message, field: this.field } : { error: this.code, message: this.message };
  }
}

export const invalid = (field: string, message: string) => new AppError('invalid_request', message, field);
export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const conflict = (message: string, field?: string) => new AppError('conflict', message, field);
