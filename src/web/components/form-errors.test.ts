import { describe, expect, it } from 'vitest';
import type { FieldError } from '../../shared/problem.js';
import { ApiError } from '../app/api.js';
import { applyFieldErrors } from './form-errors.js';

function fakeForm(values: object) {
  const marked: Record<string, string> = {};
  return {
    marked,
    getValues: () => values,
    setFieldError: (path: never, error: string) => {
      marked[path] = error;
    },
  };
}

const invalid = (errors: FieldError[]) =>
  new ApiError(
    400,
    {
      type: 't',
      title: 'Invalid input',
      status: 400,
      detail: 'Some fields are invalid.',
      code: 'validation_failed',
      requestId: 'r1',
      errors,
    },
    'Some fields are invalid.',
  );

const values = { title: '', names: { fr: '' }, restrictedTo: ['FRA'] };

describe('the server’s field errors on the form', () => {
  it('marks the field of the same path, capitalised, and returns the rest as lines', () => {
    const form = fakeForm(values);
    const unmatched = applyFieldErrors(
      form,
      invalid([
        { in: 'body', path: 'names.fr', message: 'is required' },
        { in: 'body', path: 'status', message: 'is not a known field' },
        { in: 'query', path: 'title', message: 'is too long' },
      ]),
    );
    expect(form.marked).toEqual({ 'names.fr': 'Is required' });
    expect(unmatched).toEqual(['status: is not a known field', 'title: is too long']);
  });

  it('puts an error on the field the page maps its path to; the first error of a field wins', () => {
    const form = fakeForm(values);
    const unmatched = applyFieldErrors(
      form,
      invalid([
        { in: 'body', path: 'restrictedTo.0', message: 'no member has code ZZZ' },
        { in: 'body', path: 'restrictedTo.1', message: 'no member has code YYY' },
      ]),
      (path) => (path.startsWith('restrictedTo.') ? 'restrictedTo' : path),
    );
    expect(form.marked).toEqual({ restrictedTo: 'No member has code ZZZ' });
    expect(unmatched).toEqual([]);
  });

  it('leaves the form alone for an error that is not the API’s', () => {
    const form = fakeForm(values);
    expect(applyFieldErrors(form, new Error('offline'))).toEqual([]);
    expect(form.marked).toEqual({});
  });
});
