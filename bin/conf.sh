# Sourced by bin/ scripts: reads Asterisk-style .conf files from the shell.

# value of KEY in [SECTION] of an Asterisk-style .conf (comments after ';' dropped, last one wins)
conf_get() {
    local file="$1" section="$2" key="$3"
    [ -f "$file" ] || return 0
    awk -v want="$section" -v key="$key" '
        { sub(/;.*/, ""); gsub(/^[ \t]+|[ \t]+$/, "") }
        /^\[/ { s = $0; sub(/^\[/, "", s); sub(/\].*/, "", s); cur = tolower(s); next }
        cur == tolower(want) && index($0, "=") > 0 {
            k = substr($0, 1, index($0, "=") - 1); v = substr($0, index($0, "=") + 1)
            sub(/^>/, "", v); gsub(/^[ \t]+|[ \t]+$/, "", k); gsub(/^[ \t]+|[ \t]+$/, "", v)
            if (tolower(k) == key) found = v
        }
        END { if (found != "") print found }' "$file"
}
