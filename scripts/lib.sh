# Shared by scripts/run and scripts/test. Installs only what is missing, so a second run skips
# straight to building. Versions are the checked ones from ../shared/TOOLCHAIN.md.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.21.14

log() { printf '\n\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian packages, installed only when missing.
need_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "Installing ${missing[*]} (apt)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
}

# wasm32 target, trunk, wasm-bindgen-cli at Cargo.lock's version, node + npm tools (wasm-opt from
# the binaryen npm package: Debian's binaryen is too old and breaks the app at start-up).
ensure_build_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "Adding the wasm32 target"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    log "Installing trunk $TRUNK_VERSION (about 13 minutes on 2 cores, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
  local wbg
  wbg=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbg" ]; then
    log "Installing wasm-bindgen-cli $wbg (about 5 minutes, once)"
    # --locked fails for 0.2.130: a pinned dependency is missing from the registry.
    cargo install wasm-bindgen-cli --version "$wbg"
  fi
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    need_apt nodejs npm
  fi
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] ||
    [ ! -d node_modules/@fiatconnect/fiatconnect-sdk ]; then
    log "Installing npm tools (binaryen's wasm-opt, playwright-core, the Fiat Connect SDK)"
    npm ci --no-audit --no-fund
  fi
}

# Debian's Chromium and its driver, for the wasm component tests and the end-to-end journeys.
ensure_browser() {
  need_apt chromium chromium-driver
}

# The app's bundles in release mode (opt-level z, wasm-opt -Oz), with .br/.gz beside each file:
# the main app, the buyer's checkout page and its crypto/order sibling (coinpay), and the Kitties,
# Merchant and Ramp areas (src/bundles.rs says why they are apart). The main app goes first because trunk empties dist/ when it builds it.
build_app() {
  log "Building the app (trunk, release)"
  trunk build index.html --release
  log "Building the checkout page (trunk, release)"
  trunk build checkout.html --release --dist dist/checkout --public-url /checkout/
  log "Building the crypto and order pages (trunk, release)"
  trunk build coinpay.html --release --dist dist/coinpay --public-url /coinpay/
  # The areas of kitty_api::config::AREAS, each from its own <area>.html.
  local area
  for area in public kitties kittymedia merchant merchantcrypto ramp rampchain developers; do
    log "Building the ${area} area (trunk, release)"
    trunk build "$area.html" --release --dist "dist/areas/$area" --public-url "/areas/$area/"
  done
  node scripts/precompress.mjs dist
  node scripts/precompress.mjs dist/checkout
  node scripts/precompress.mjs dist/coinpay
  for area in public kitties kittymedia merchant merchantcrypto ramp rampchain developers; do
    node scripts/precompress.mjs "dist/areas/$area"
  done
}

# A throw-away PostgreSQL cluster for the server tests, owned by the postgres user, listening on
# 127.0.0.1 and a socket in its own folder, stopped and removed when the calling script exits.
# Exports KITTY_TEST_POSTGRES, its admin URL, which the server tests read.
start_test_postgres() {
  need_apt postgresql
  local bin port dir
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  port=${KITTY_PG_PORT:-$((20000 + RANDOM % 20000))}
  dir=$(mktemp -d /tmp/kitty-pg.XXXXXX)
  local run=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$dir"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$bin/initdb" -D "$dir/data" -U kitty --auth=trust -E UTF8 >/dev/null
  "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w start \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" >/dev/null
  trap "${run[*]} $bin/pg_ctl -D $dir/data -m immediate stop >/dev/null 2>&1; rm -rf $dir" EXIT
  export KITTY_TEST_POSTGRES="postgres://kitty@127.0.0.1:$port/postgres"
}

# Schemathesis in its own ignored virtualenv (.venv-st), at a checked version.
SCHEMATHESIS_VERSION=4.32.5
ensure_schemathesis() {
  if [ "$(.venv-st/bin/st --version 2>/dev/null)" != "st, version $SCHEMATHESIS_VERSION" ]; then
    need_apt python3-venv
    log "Installing schemathesis $SCHEMATHESIS_VERSION (pip, into .venv-st)"
    python3 -m venv .venv-st
    .venv-st/bin/pip install -q "schemathesis==$SCHEMATHESIS_VERSION"
  fi
}
