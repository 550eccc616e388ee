# Sourced by bin/ scripts: installs the Debian packages a purpose needs, once, loudly.
# Each line of bin/packages.txt is "purpose package [command-that-proves-it]".

ensure_packages() {
    local purpose="$1" missing=() p cmd
    while read -r want pkg cmd; do
        [ -z "$want" ] || [ "${want:0:1}" = "#" ] && continue
        [ "$want" = "$purpose" ] || [ "$want" = all ] || continue
        if [ -n "${cmd:-}" ]; then command -v "$cmd" >/dev/null 2>&1 && continue
        else dpkg -s "$pkg" >/dev/null 2>&1 && continue; fi
        missing+=("$pkg")
    done < "$ROOT/bin/packages.txt"
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" != 0 ]; then
        echo "switchboard: ERROR: missing Debian packages: ${missing[*]} (run as root or install them)" >&2
        exit 2
    fi
    echo "switchboard: installing Debian packages: ${missing[*]}" >&2
    apt-get update -qq || { echo "switchboard: ERROR: apt-get update failed" >&2; exit 2; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
        || { echo "switchboard: ERROR: could not install ${missing[*]}" >&2; exit 2; }
}
