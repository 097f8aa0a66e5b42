import type { Remark, UpdateRemarkBody } from '../../../shared/meetings.js';
import { orNull } from '../../components/form-values.js';

/** One quote as the form edits it; `key` keeps React's rows apart while quotes come and go. */
export interface QuoteRow {
  key: string;
  text: string;
  context: string;
}

/** Remarks as the form edits them: absent values are empty strings, for the inputs. */
export interface RemarkFormValues {
  context: string;
  quotes: QuoteRow[];
}

export function fromRemark(remark: Remark): RemarkFormValues {
  return {
    context: remark.context ?? '',
    quotes: remark.quotes.map((q) => ({ key: q.id, text: q.text, context: q.context ?? '' })),
  };
}

/** The change as the API takes it: the context, and the quotes as a whole (a quote left empty is dropped). */
export function toRemarkBody(v: RemarkFormValues): UpdateRemarkBody {
  return {
    context: orNull(v.context),
    quotes: v.quotes
      .filter((q) => q.text.trim() !== '')
      .map((q) => ({ text: q.text.trim(), context: orNull(q.context) })),
  };
}
