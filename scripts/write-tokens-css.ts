/** `npx tsx scripts/write-tokens-css.ts`: writes src/ui/tokens.css from src/ui/design-tokens.ts. */
import { writeFileSync } from 'node:fs';
import { tokensFileText } from '../src/ui/design-tokens';

writeFileSync(new URL('../src/ui/tokens.css', import.meta.url), tokensFileText());
