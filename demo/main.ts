// The demo portal loads the library the way a portal with a build step would; a portal without one uses the CDN
// file (`<script type="module" src=".../zhengwu-widgets.js">`) and the same HTML.
import '../src/index.ts';
