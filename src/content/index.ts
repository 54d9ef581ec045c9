// Content-script entry: wires page events to modules, nothing else.
import { send } from '../shared/messages';

document.documentElement.setAttribute('data-zhengwen-lens', 'loaded');
void send('ping', {}).then(
  (r) => document.documentElement.setAttribute('data-zhengwen-lens-background', r.version),
  () => undefined,
);
