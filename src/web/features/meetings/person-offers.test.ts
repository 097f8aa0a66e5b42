import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api.js';
import { offersOf } from './person-offers.js';

const refusal = (errors: object[]) =>
  new ApiError(400, { type: 'about:blank', title: 'Bad', status: 400, code: 'invalid_input', errors } as never, 'Bad');

describe('offersOf: the person a refused save offers instead of a new name', () => {
  it('maps each person_exists error to its name field', () => {
    const offers = offersOf(
      refusal([
        {
          in: 'body',
          path: 'head.name',
          code: 'person_exists',
          message: 'm',
          params: { personId: 'p1', name: 'Jane' },
        },
        { in: 'body', path: 'advisers.0.name', code: 'person_twice', message: 'm' },
      ]),
    );
    expect(offers).toEqual({ 'head.name': { personId: 'p1', name: 'Jane' } });
  });
  it('offers nothing for another answer', () => {
    expect(offersOf(new ApiError(409, null, 'x'))).toEqual({});
    expect(offersOf(new Error('x'))).toEqual({});
  });
});
