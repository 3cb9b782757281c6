import '../../src/index.ts';

// A resident's live ticket, as the kiosk's QR code opens it: `my-ticket.html?hall=<id>&ticket=<number>`. The values
// become attributes of the element (text, never markup); anything else in the address is ignored.
const query = new URLSearchParams(location.search);
const card = document.querySelector('zw-queue-status')!;
const hall = query.get('hall');
const ticket = query.get('ticket');
if (hall && /^[a-z0-9][a-z0-9-]{0,63}$/.test(hall)) card.setAttribute('hall', hall);
if (ticket && /^[A-Z]\d{3}$/.test(ticket)) card.setAttribute('ticket', ticket);
