/**
 * "Copy citation" on a clip card: Chicago or APA, formatted by citeproc-js in this page. The
 * formatter (citeproc and the CSL styles, about 1 MB) is loaded the first time it is wanted.
 */
import { useState } from 'preact/hooks';
import type { Clip } from '../core/clips/model';
import { t } from '../ui/i18n';
import type { CitationStyle } from './citation-render';

const STYLE_LABELS: Record<CitationStyle, string> = { chicago: 'Chicago', apa: 'APA' };

let renderer: Promise<typeof import('./citation-render')> | undefined;
/** The citation formatter module, imported once. */
const loadRenderer = () => (renderer ??= import('./citation-render'));

/** Buttons that copy a clip's citation to the clipboard, with a short report. */
export function CopyCitation({ clip }: { clip: Clip }) {
  const [message, setMessage] = useState('');
  const copy = async (style: CitationStyle) => {
    try {
      const { citeClip } = await loadRenderer();
      const text = citeClip(clip, style);
      await navigator.clipboard.writeText(text);
      setMessage(`${t('uiCitationCopied')} (${STYLE_LABELS[style]})`);
    } catch (err) {
      setMessage(`${t('uiError')}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  return (
    <span class="copy-citation" role="group" aria-label={t('uiCopyCitation')}>
      {(Object.keys(STYLE_LABELS) as CitationStyle[]).map((style) => (
        <button
          key={style}
          type="button"
          class={`copy-citation-${style}`}
          // Start loading on intent, so the copy still runs within the click's user activation.
          onPointerEnter={() => void loadRenderer()}
          onFocus={() => void loadRenderer()}
          onClick={() => void copy(style)}
        >
          {t('uiCopyCitation')}: {STYLE_LABELS[style]}
        </button>
      ))}
      <span class="copy-citation-status" role="status" aria-live="polite">
        {message}
      </span>
    </span>
  );
}
