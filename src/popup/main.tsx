// popup entry: mounts the page component.
import { render } from 'preact';
import '../ui/styles.css';
import './popup.css';
import { Popup, prefetchNewestClips } from './popup';

prefetchNewestClips();
render(<Popup />, document.getElementById('app')!);
