// library entry: mounts the page component.
import { render } from 'preact';

render(<p>Zhengwen Lens library</p>, document.getElementById('app')!);
