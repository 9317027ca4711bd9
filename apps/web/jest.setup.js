// jsdom lacks what Mantine reads at start.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query) => ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }),
});
window.ResizeObserver = class { observe() {} unobserve() {} disconnect() {} };
