import { createApp } from 'vue';
import 'zhengwu-widgets/config.js';
import 'zhengwu-widgets/a11y-toolbar.js';
import 'zhengwu-widgets/service-search.js';
import 'zhengwu-widgets/queue-status.js';
import 'zhengwu-widgets/rating.js';
import App from './App.vue';

createApp(App, { api: new URLSearchParams(location.search).get('api') ?? '' }).mount('#app');
