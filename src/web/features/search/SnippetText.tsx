import { Fragment } from 'react';
import type { SnippetPart } from '../../../shared/search.js';

/** A title or a passage with the words the query found in <mark>; isolated, since it may be in another script. */
export function SnippetText({ parts }: { parts: SnippetPart[] }) {
  return (
    <bdi>
      {parts.map((part, i) =>
        // The parts never change order for one answer: the index is their identity.
        part.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one text, in a fixed order
          <mark key={i}>{part.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one text, in a fixed order
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </bdi>
  );
}
