// The CDN bundle's entry: importing it registers every element.
export * from './core/index.js';
export * from './core/staff/index.js';
export * from './queue-status/index.js';
export * from './service-search/index.js';
export * from './a11y-toolbar/index.js';
export * from './rating/index.js';
export * from './rating-desk/index.js';
export * from './hall-ops/index.js';
