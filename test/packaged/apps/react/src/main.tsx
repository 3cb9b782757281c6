import { createRoot } from 'react-dom/client';
import 'zhengwu-widgets/config.js';
import 'zhengwu-widgets/a11y-toolbar.js';
import 'zhengwu-widgets/service-search.js';
import 'zhengwu-widgets/queue-status.js';
import 'zhengwu-widgets/rating.js';
import { App } from './app.tsx';

const api = new URLSearchParams(location.search).get('api') ?? '';
createRoot(document.getElementById('root')!).render(<App api={api} />);
