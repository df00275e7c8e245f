// Applies the reader's colour theme before the first paint, so a page never flashes the wrong one:
// html[data-theme] is "light" or "dark" when the reader chose one (site.js's theme button stores it),
// and absent to follow the system. Loaded as a blocking script at the top of <head>.
(function applyStoredTheme() {
  try {
    var theme = localStorage.getItem("devkit-theme");
    if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
  } catch (blocked) {
    // Storage is off (a sandboxed frame, strict privacy settings): follow the system.
  }
})();
