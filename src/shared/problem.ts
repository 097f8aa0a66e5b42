import { z } from 'zod';
import { ErrorCode } from './errors.js';

/** One invalid field: where it was sent, its dotted path (`names.fr`), and a message for a person. */
export const FieldError = z.object({
  in: z.enum(['body', 'query', 'params', 'headers']),
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, as every error leaves the server. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
  instance: z.string().optional(),
  requestId: z.string(),
  errors: z.array(FieldError).optional(),
});
export type Problem = z.infer<typeof Problem>;
