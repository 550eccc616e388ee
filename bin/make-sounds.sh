#!/usr/bin/env bash
# Makes Switchboard's sound prompts from the text list sounds/prompts.txt (never downloads any):
# sounds/en/<name>.wav, 8 kHz 16-bit mono WAV. Text is spoken by espeak-ng and converted by sox;
# silence/N is N seconds of silence and beep a short 1 kHz tone, both from sox. A prompt whose file
# is newer than prompts.txt is kept, so a second run costs nothing. Installs espeak-ng and sox
# through bin/packages.sh when they are missing. Fails loudly, naming the prompt that failed.
# Usage: bin/make-sounds.sh [--force]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/bin/packages.sh"
ensure_packages sounds

LIST="$ROOT/sounds/prompts.txt"
OUT="$ROOT/sounds/en"
VOICE="${SWITCHBOARD_VOICE:-en-us}"
[ -f "$LIST" ] || { echo "make-sounds: ERROR: $LIST is missing" >&2; exit 2; }
force=0
[ "${1:-}" = "--force" ] && force=1

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
made=0 kept=0 line=0
while IFS=$'\t' read -r name text || [ -n "$name" ]; do
    line=$((line + 1))
    [ -z "$name" ] || [ "${name:0:1}" = "#" ] && continue
    case "$name" in /*|*..*) echo "make-sounds: ERROR: $LIST:$line: bad prompt name '$name'" >&2; exit 2 ;; esac
    dest="$OUT/$name.wav"
    if [ $force = 0 ] && [ "$dest" -nt "$LIST" ]; then kept=$((kept + 1)); continue; fi
    mkdir -p "$(dirname "$dest")"
    part="$tmp/part.wav"
    if [[ "$name" =~ ^silence/([0-9]+)$ ]]; then
        sox -q -n -r 8000 -b 16 -c 1 "$part" trim 0 "${BASH_REMATCH[1]}"
    elif [ "$name" = beep ]; then
        sox -q -n -r 8000 -b 16 -c 1 "$part" synth 0.25 sine 1000 vol 0.5
    elif [ -n "${text:-}" ]; then
        espeak-ng -v "$VOICE" -s 150 -w "$tmp/speech.wav" -- "$text" \
            || { echo "make-sounds: ERROR: espeak-ng failed on $LIST:$line ($name)" >&2; exit 1; }
        sox -q "$tmp/speech.wav" -r 8000 -b 16 -c 1 "$part" gain -n -3 \
            || { echo "make-sounds: ERROR: sox failed on $LIST:$line ($name)" >&2; exit 1; }
    else
        echo "make-sounds: ERROR: $LIST:$line: prompt '$name' has no text" >&2
        exit 2
    fi
    [ -s "$part" ] || { echo "make-sounds: ERROR: $name came out empty" >&2; exit 1; }
    mv -f "$part" "$dest"
    made=$((made + 1))
done < "$LIST"
echo "make-sounds: $made prompts made, $kept up to date, in $OUT" >&2
