// options entry: mounts the page component.
import { render } from 'preact';

render(<p>Zhengwen Lens options</p>, document.getElementById('app')!);
