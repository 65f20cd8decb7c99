import { mount } from 'svelte';
import App from './components/App.svelte';
import './app.css';
import { i18n } from './i18n/i18n.svelte';
import { AppState } from './state/app.svelte';

document.documentElement.lang = i18n.lang;
const app = new AppState();
mount(App, { target: document.getElementById('app')!, props: { app } });
void app.init(window.location);
