# The toolchain, provisioned on a bare machine (Debian 12 with Node 20 and npm, as CI's): sourced by
# `./run` (a newcomer's two commands) and, through it, by `.ci/run`, so both provision the same way.
#
#   provision_toolchain   Node ≥ 22.12 (the system's when new enough, else Node 24 from the npm
#                         registry's node-linux-<arch> package) and pnpm, installed into a cache and
#                         put first on PATH
#   provision_browser     Debian's chromium and fonts-noto-cjk for the end-to-end tests
#
# Everything comes from the npm registry and Debian's packages (the only registries reachable from
# the machines this project runs on), cached between runs.

NODE_VERSION=24.21.0
PNPM_VERSION=12.21.0
TOOLCHAIN_CACHE="${BEIAN_TOOLCHAIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/beian/toolchain}"

toolchain_log() { printf '[toolchain] %s\n' "$*"; }

node_is_recent() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}

# npm's global config (the registry's CA file, proxy settings) lives under the system Node's
# prefix; keep it, and hand its CA file to Node-based tools, once PATH points at another Node.
keep_npm_settings() {
  command -v npm >/dev/null 2>&1 || return 0
  export npm_config_globalconfig="${npm_config_globalconfig:-$(npm config get globalconfig)}"
  local cafile
  cafile="$(npm config get cafile)"
  if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f "$cafile" ]; then export NODE_EXTRA_CA_CERTS="$cafile"; fi
}

# Installs an npm package into its own folder of the cache unless it is there already.
cache_install() { # folder, package@version, file that proves it is installed
  if [ ! -x "$1/$3" ]; then
    toolchain_log "installing $2 into $1"
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$1" "$2"
  fi
}

provision_node() {
  if node_is_recent; then return 0; fi
  local arch
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64) arch=arm64 ;;
    *) toolchain_log "unsupported architecture $(uname -m)"; return 1 ;;
  esac
  # The same build nodejs.org ships, published on the npm registry.
  local dir="$TOOLCHAIN_CACHE/node-$NODE_VERSION"
  cache_install "$dir" "node-linux-$arch@$NODE_VERSION" "node_modules/node-linux-$arch/bin/node"
  export PATH="$dir/node_modules/node-linux-$arch/bin:$PATH"
}

provision_pnpm() {
  if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null)" = "$PNPM_VERSION" ]; then
    return 0
  fi
  local dir="$TOOLCHAIN_CACHE/pnpm-$PNPM_VERSION"
  cache_install "$dir" "pnpm@$PNPM_VERSION" "node_modules/.bin/pnpm"
  export PATH="$dir/node_modules/.bin:$PATH"
}

provision_toolchain() {
  keep_npm_settings
  provision_node
  toolchain_log "node $(node --version)"
  provision_pnpm
  toolchain_log "pnpm $(pnpm --version)"
}

# The browser for end-to-end tests and the CJK fonts it needs to draw Chinese.
provision_browser() {
  local missing=()
  if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
  [ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
  [ "${#missing[@]}" -gt 0 ] || return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      toolchain_log "the end-to-end tests need Debian's ${missing[*]}: install them as root (apt-get install ${missing[*]})"
      return 1
    fi
    sudo=(sudo)
  fi
  toolchain_log "installing ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
