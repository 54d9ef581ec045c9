// Content-script entry: wires the page to the start-up module, nothing else.
import { startContent } from './startup';

void startContent(document, new AbortController().signal);
