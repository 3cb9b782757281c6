// An app that imports each family the way the README shows, for its bundler to tree-shake. `<zw-config>` comes
// last, as the README mentions it last: the elements inside it are defined (and connected) before it is.
import 'zhengwu-widgets/a11y-toolbar.js';
import 'zhengwu-widgets/service-search.js';
import 'zhengwu-widgets/queue-status.js';
import 'zhengwu-widgets/rating.js';
import 'zhengwu-widgets/config.js';
