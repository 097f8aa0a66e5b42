import { VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import './statements.css';
import { directionOf, type Language } from '../../../shared/i18n.js';
import type { Paragraph } from '../../../shared/statements.js';
import { useFormat } from '../../i18n/format.js';

/**
 * A text as members cite it: each paragraph with its number at its start, in the text's own
 * language and direction (an English text in an Arabic page reads left to right, numbers on the
 * left). The HTML is the server's, sanitized from the Markdown: nothing else is set as HTML.
 */
export function StatementText({ paragraphs, language }: { paragraphs: Paragraph[]; language: Language }) {
  const { t } = useTranslation('statements');
  const f = useFormat();
  return (
    <div className="statement-text" lang={language} dir={directionOf(language)}>
      {paragraphs.map((p) => (
        <div key={p.number} className="statement-paragraph" id={`paragraph-${p.number}`} data-paragraph={p.number}>
          <span className="statement-paragraph-number" aria-hidden="true">
            {f.number(p.number)}
          </span>
          <div className="statement-paragraph-body">
            <VisuallyHidden>{t('text.paragraph', { number: f.number(p.number) })}</VisuallyHidden>
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by the server from Markdown (no raw HTML passes) */}
            <div dangerouslySetInnerHTML={{ __html: p.html }} />
          </div>
        </div>
      ))}
    </div>
  );
}
