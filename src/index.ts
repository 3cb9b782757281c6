// The CDN bundle's entry: importing it registers every element.
export * from './core/index.js';
