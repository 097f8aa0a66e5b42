import { describe, expect, it } from 'vitest';
import type { Remark } from '../../../shared/meetings.js';
import { fromRemark, toRemarkBody } from './remark-form.js';

const kerry: Remark = {
  id: '5a0c4f3e-1d2b-4c5a-9e8f-7a6b5c4d3e2f',
  person: { id: '0b6f3f7c-7a9e-4a53-8d43-4c8b7b9b6a11', name: 'John Kerry', title: 'Secretary of State' },
  context: 'Opening remarks',
  quotes: [
    { id: 'q1', text: 'This is a coalition of partners.', context: null },
    { id: 'q2', text: 'It will take time.', context: 'at the press conference' },
  ],
  version: 3,
};

describe('remarks edited', () => {
  it('fills the form from the remarks, blanks for what they lack', () => {
    expect(fromRemark(kerry)).toEqual({
      context: 'Opening remarks',
      quotes: [
        { key: 'q1', text: 'This is a coalition of partners.', context: '' },
        { key: 'q2', text: 'It will take time.', context: 'at the press conference' },
      ],
    });
    expect(fromRemark({ ...kerry, context: null, quotes: [] })).toEqual({ context: '', quotes: [] });
  });

  it('sends what it read unchanged: the context, and every quote in order', () => {
    expect(toRemarkBody(fromRemark(kerry))).toEqual({
      context: 'Opening remarks',
      quotes: [
        { text: 'This is a coalition of partners.', context: null },
        { text: 'It will take time.', context: 'at the press conference' },
      ],
    });
  });

  it('trims, sends blanks as null, and drops a quote left empty', () => {
    const body = toRemarkBody({
      context: '   ',
      quotes: [
        { key: 'a', text: '  Kept.  ', context: '  ' },
        { key: 'b', text: '   ', context: 'a context alone' },
      ],
    });
    expect(body).toEqual({ context: null, quotes: [{ text: 'Kept.', context: null }] });
  });
});
