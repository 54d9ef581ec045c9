// Content-script entry: wires page events to modules, nothing else.
// Placeholder until the in-page annotation lands: shows the panel host the tests look for.
import { send } from '../shared/messages';
import { UI_MARKER_ATTRIBUTE } from '../dom/page-text';

const host = document.createElement('zhengwen-lens-panel');
host.setAttribute(UI_MARKER_ATTRIBUTE, '');
host.attachShadow({ mode: 'closed' });
document.documentElement.append(host);
void send('ping', {}).then(
  (r) => host.setAttribute('data-background', r.version),
  () => host.setAttribute('data-background', 'unreachable'),
);
