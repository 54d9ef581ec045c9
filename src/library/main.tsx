// library entry: mounts the page component.
import { render } from 'preact';
import '../ui/styles.css';
import './library.css';
import { LibraryApp } from './library-app';

render(<LibraryApp />, document.getElementById('app')!);
