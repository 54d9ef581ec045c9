// Options entry: mounts the settings page.
import { render } from 'preact';
import '../ui/styles.css';
import './options.css';
import browser from 'webextension-polyfill';
import { loadSettings, saveSettings } from '../shared/settings';
import { OptionsPage } from './options-page';

const t = (key: string): string => browser.i18n.getMessage(key) || key;
document.title = t('optTitle');
render(
  <OptionsPage store={{ load: loadSettings, save: saveSettings }} t={t} />,
  document.getElementById('app')!,
);
