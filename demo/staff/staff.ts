// The staff pages of the demo hall load the library as a hall's pages do from the CDN: the residents' elements (the
// wall board) and the staff elements beside them (see ../main.ts).
import '../../src/index.ts';
import '../../src/staff-elements.ts';
