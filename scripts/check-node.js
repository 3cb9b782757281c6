// `npm start` on an unsupported Node prints one line instead of a cryptic syntax error from a dependency.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`zhengwu-widgets needs Node.js 20.19 or newer (this is ${process.versions.node}).`);
  process.exit(1);
}
