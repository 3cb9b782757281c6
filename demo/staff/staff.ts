// The staff pages of the demo hall load the library as the portal does (see ../main.ts).
import '../../src/index.ts';
