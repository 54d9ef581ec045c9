// popup entry: mounts the page component.
import { render } from 'preact';

render(<p>Zhengwen Lens popup</p>, document.getElementById('app')!);
