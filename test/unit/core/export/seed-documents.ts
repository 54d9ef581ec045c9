/** Tidy documents of the seed pages: as the CLI would map them, and as saved clips. */
import { readFileSync } from 'node:fs';
import { readHtmlPage } from '../../../../src/cli/html-page';
import { clipMeetingsOf } from '../../../../src/core/clips/clip-meetings';
import {
  documentOfClip,
  documentOfResult,
  type TidyDocument,
} from '../../../../src/core/export/document';
import { annotate } from '../../../../src/core/index';
import type { AnnotateResult } from '../../../../src/core/types';
import { makeClip } from '../../../support/clip-fixtures';

/** The engine's result for seed page `n` (000–004), read as the CLI reads it. */
export function seedResult(n: string): { result: AnnotateResult; url: string; title: string } {
  const html = readFileSync(
    new URL(`../../../fixtures/pages/seed-${n}.html`, import.meta.url),
    'utf8',
  );
  const page = readHtmlPage(html);
  const result = annotate({ text: page.text, meta: page.meta, ...(page.url && { url: page.url }) });
  return {
    result,
    url: page.url ?? `https://example.gov.cn/seed-${n}.html`,
    title: page.title ?? '',
  };
}

/** Seed pages as the CLI's per-page documents. */
export function seedPageDocuments(): TidyDocument[] {
  return ['000', '001', '002', '003', '004'].map((n) => {
    const { result, url, title } = seedResult(n);
    return documentOfResult(result, { id: `seed-${n}.html`, url, title });
  });
}

/** Seed pages saved as whole-article clips (with the page's meetings), plus one old clip. */
export function seedClipDocuments(): TidyDocument[] {
  const clips = ['001', '002', '003'].map((n, i) => {
    const { result, url, title } = seedResult(n);
    return makeClip({
      url,
      title,
      entities: result.entities,
      meetings: clipMeetingsOf(result)!,
      wholeArticle: true,
      tags: i === 0 ? ['防疫', '=SUM(A1)'] : ['防疫'],
    });
  });
  const { meetings: _none, ...old } = makeClip({ note: '-前导减号' });
  return [...clips, old].map(documentOfClip);
}
