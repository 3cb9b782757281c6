export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.gen.ts', 'src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
};
