// main.mjs: the host simulator page's entry, the only module that touches the document on import:
// it starts the page with the bridge's protocol core and exposes window.devkitHost.
import { startPage } from "./host-ui.mjs";

window.devkitHost = startPage({
  window,
  document,
  protocol: window.CallingExtensions && window.CallingExtensions.protocol,
});
