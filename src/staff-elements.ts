// The staff pages' entry and CDN file (zhengwu-widgets-staff.js): importing it registers the window console, the
// ticket kiosk and the 差评 desk, with the sign-in they share. It shares Lit and the core with zhengwu-widgets.js,
// so a staff page that also shows resident elements (a wall board) loads both and pays for the core once.
export * from './core/index.js';
export * from './core/staff/index.js';
export * from './rating-desk/index.js';
export * from './hall-ops/index.js';
