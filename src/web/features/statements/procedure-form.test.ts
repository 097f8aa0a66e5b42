import { describe, expect, it } from 'vitest';
import { emptyResponse, toExtendBody, toOpenBody, toRespondBody } from './procedure-form.js';

describe('toOpenBody', () => {
  const values = {
    kind: 'silence' as const,
    textVersion: '2',
    deadline: '2014-12-05T17:00',
    timeZone: 'Europe/Brussels',
    allMembers: true,
    members: ['FRA'],
  };

  it('sends the deadline as an instant of the chosen zone, and every member by leaving them out', () => {
    expect(toOpenBody(values)).toEqual({
      kind: 'silence',
      textVersion: 2,
      deadline: '2014-12-05T16:00:00.000Z',
      timeZone: 'Europe/Brussels',
    });
  });

  it('sends the members chosen', () => {
    expect(toOpenBody({ ...values, allMembers: false, members: ['FRA', 'IRQ'] }).members).toEqual(['FRA', 'IRQ']);
  });

  it('sends a deadline that is no time as typed, for the server to name', () => {
    expect(toOpenBody({ ...values, deadline: '' }).deadline).toBe('');
  });
});

describe('toRespondBody', () => {
  it('breaks silence with a reason, a paragraph and its wording', () => {
    expect(
      toRespondBody('FRA', 'silence', { reason: ' Too strong ', paragraph: '3', proposedText: ' We note ' }),
    ).toEqual({ memberCode: 'FRA', response: 'break', reason: 'Too strong', paragraph: 3, proposedText: 'We note' });
  });

  it('sends no wording without a paragraph, and a blank reason as null for the server to require', () => {
    expect(toRespondBody('FRA', 'silence', { ...emptyResponse, proposedText: 'We note' })).toEqual({
      memberCode: 'FRA',
      response: 'break',
      reason: null,
      paragraph: null,
      proposedText: null,
    });
  });

  it('endorses with nothing more', () => {
    expect(toRespondBody('FRA', 'endorsement', { reason: 'x', paragraph: '1', proposedText: 'y' })).toEqual({
      memberCode: 'FRA',
      response: 'endorse',
    });
  });
});

describe('toExtendBody', () => {
  it('reads the new deadline in the procedure zone', () => {
    expect(toExtendBody({ deadline: '2014-12-08T12:00', reason: ' Capitals ' }, 'Asia/Baghdad')).toEqual({
      deadline: '2014-12-08T09:00:00.000Z',
      reason: 'Capitals',
    });
  });
});
