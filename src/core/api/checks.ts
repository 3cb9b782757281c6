/*
 * The payload checker and the generated schemas, in one module fetched on demand (see payload.ts): an element needs
 * neither before the server has answered it.
 */
export { validate } from './validate.js';
export * as schemas from './schemas.gen.js';
