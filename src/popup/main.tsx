// popup entry: mounts the page component.
import { render } from 'preact';
import '../ui/styles.css';
import './popup.css';
import { Popup } from './popup';

render(<Popup />, document.getElementById('app')!);
