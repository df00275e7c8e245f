/// The small script `devkit serve` adds to every HTML page (never to `devkit build` output): it listens
/// on `/__devkit/reload`, reloads the page after a rebuild, and shows build errors as an overlay.
enum ReloadClient {
    /// Where the server answers with the script.
    static let scriptPath = "/__devkit/client.js"
    /// The Server-Sent Events endpoint.
    static let eventsPath = "/__devkit/reload"

    /// The page with the script tag before `</body>` (or at the end).
    static func inject(into html: String, generation: Int) -> String {
        let tag = "<script src=\"\(scriptPath)\" data-generation=\"\(generation)\"></script>\n"
        guard let range = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) else { return html + tag }
        var result = html
        result.insert(contentsOf: tag, at: range.lowerBound)
        return result
    }

    /// The script itself.
    static let source = #"""
    // devkit serve: live reload and the build-error overlay. Added to pages in development only.
    (() => {
      "use strict";
      const script = document.currentScript;
      const generation = Number(script && script.dataset.generation);
      let events = null;
      let overlay = null;

      function show(errors) {
        if (!errors.length) {
          if (overlay) overlay.remove();
          overlay = null;
          return;
        }
        if (!overlay) {
          overlay = document.createElement("div");
          overlay.id = "devkit-error-overlay";
          overlay.setAttribute("role", "alert");
          overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;" +
            "background:rgba(20,24,31,.94);color:#f3f4f6;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace";
          document.documentElement.appendChild(overlay);
        }
        overlay.replaceChildren();
        const title = document.createElement("h2");
        title.textContent = "Build failed: the last good version is still served";
        title.style.cssText = "margin:0 0 1rem;font:600 18px system-ui,sans-serif;color:#ff8a80";
        overlay.appendChild(title);
        for (const error of errors) {
          const line = document.createElement("pre");
          line.textContent = error.text;
          line.style.cssText = "margin:0 0 .5rem;white-space:pre-wrap";
          overlay.appendChild(line);
        }
        const hint = document.createElement("p");
        hint.textContent = "Fix the file and save: this page updates by itself.";
        hint.style.cssText = "font-family:system-ui,sans-serif;color:#9ca3af";
        overlay.appendChild(hint);
      }

      function connect() {
        events = new EventSource("/__devkit/reload");
        events.addEventListener("hello", (event) => {
          const status = JSON.parse(event.data);
          if (!status.errors.length && status.generation !== generation) location.reload();
          else show(status.errors);
        });
        events.addEventListener("reload", () => location.reload());
        events.addEventListener("errors", (event) => show(JSON.parse(event.data).errors));
      }

      // A page kept in the back/forward cache would hold its stream open, and browsers allow six
      // connections per host: close it on the way out, and reconnect (hello reloads if stale) on return.
      addEventListener("pagehide", () => {
        if (events) events.close();
        events = null;
      });
      addEventListener("pageshow", (event) => {
        if (event.persisted || !events) connect();
      });
      connect();
    })();
    """#
}
