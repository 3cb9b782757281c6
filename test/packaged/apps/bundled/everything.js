// An app that imports the whole library at once.
import 'zhengwu-widgets';
