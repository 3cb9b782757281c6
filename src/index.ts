// The package's main entry and the CDN file (zhengwu-widgets.js): importing it registers every element a resident
// page uses. The staff elements are in staff-elements.ts, so resident pages never download them (decision 080).
export * from './core/index.js';
export * from './queue-status/index.js';
export * from './service-search/index.js';
export * from './a11y-toolbar/index.js';
export * from './rating/index.js';
