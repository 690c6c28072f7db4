// Loaded before the elements: counts what code on the page keeps alive — intervals,
// pending timeouts, listeners on long-lived targets, open BroadcastChannels — so the
// soak can check that removing the elements releases all of it.
(() => {
  const intervals = new Set();
  const timeouts = new Set();
  const listeners = new Map(); // target → Set of "type|id"
  const channels = new Set();
  const ids = new WeakMap();
  let nextId = 0;
  const idOf = (fn) => {
    if (!ids.has(fn)) ids.set(fn, ++nextId);
    return ids.get(fn);
  };
  const { setInterval, clearInterval, setTimeout, clearTimeout } = window;
  window.setInterval = (...args) => {
    const id = setInterval(...args);
    intervals.add(id);
    return id;
  };
  window.clearInterval = (id) => (intervals.delete(id), clearInterval(id));
  window.setTimeout = (fn, ms, ...rest) => {
    const id = setTimeout((...a) => (timeouts.delete(id), typeof fn === 'function' && fn(...a)), ms, ...rest);
    timeouts.add(id);
    return id;
  };
  window.clearTimeout = (id) => (timeouts.delete(id), clearTimeout(id));
  const { addEventListener, removeEventListener } = EventTarget.prototype;
  const longLived = (target) =>
    target === window || target === document || target instanceof BroadcastChannel || target instanceof MediaQueryList;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (listener && longLived(this)) {
      if (!listeners.has(this)) listeners.set(this, new Set());
      listeners
        .get(this)
        .add(`${type}|${idOf(listener)}|${typeof options === 'boolean' ? options : !!options?.capture}`);
      options?.signal?.addEventListener('abort', () =>
        listeners.get(this)?.delete(`${type}|${idOf(listener)}|${!!options.capture}`),
      );
    }
    return addEventListener.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    if (listener && longLived(this)) {
      listeners
        .get(this)
        ?.delete(`${type}|${idOf(listener)}|${typeof options === 'boolean' ? options : !!options?.capture}`);
    }
    return removeEventListener.call(this, type, listener, options);
  };
  const Channel = window.BroadcastChannel;
  window.BroadcastChannel = class extends Channel {
    constructor(name) {
      super(name);
      channels.add(this);
    }
    close() {
      channels.delete(this);
      super.close();
    }
  };
  window.pdLive = () => ({
    intervals: intervals.size,
    timeouts: timeouts.size,
    listeners: [...listeners.entries()].flatMap(([target, set]) =>
      [...set].map(
        (key) =>
          `${target === window ? 'window' : target === document ? 'document' : target.constructor.name}:${key.split('|')[0]}`,
      ),
    ),
    channels: channels.size,
  });
})();
