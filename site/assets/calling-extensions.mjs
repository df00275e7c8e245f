// ES-module face of calling-extensions.js (the one source): importing it runs that file once,
// which defines globalThis.CallingExtensions; this module re-exports what it defined.
import "./calling-extensions.js";

const CallingExtensions = globalThis.CallingExtensions;
export default CallingExtensions;
export const { Constants, Channel, protocol } = CallingExtensions;
