// jsdom lacks what Mantine reads at start.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query) => ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }),
});
window.ResizeObserver = class { observe() {} unobserve() {} disconnect() {} };
// jsdom lacks TextEncoder/TextDecoder, which react-router reads at import.
const { TextEncoder, TextDecoder } = require('node:util');
Object.assign(globalThis, { TextEncoder, TextDecoder });
