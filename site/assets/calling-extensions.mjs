// ES-module face of calling-extensions.js (the one source): importing it runs that file once, which
// defines globalThis.CallingExtensions; this module re-exports what the SDK's package exports, and
// DevKit's protocol core (Channel, protocol) for the host simulator.
import "./calling-extensions.js";

const CallingExtensions = globalThis.CallingExtensions;
export default CallingExtensions;
export const { Constants, IFrameManager, Channel, protocol } = CallingExtensions;
