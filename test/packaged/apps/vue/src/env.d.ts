// The zw-* elements as Vue global components, for vue-tsc and the editor, as the README tells a Vue app to add them.
/// <reference types="zhengwu-widgets/vue" />
