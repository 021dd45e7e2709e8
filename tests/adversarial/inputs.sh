# shellcheck shell=bash
# The adversarial inputs of issue 7, made to any size (sourced by tests/adversarial/adversarial_test.sh
# and bench/adversarial.sh; needs the repository's seeds/ for `one_line`).
#
#     source tests/adversarial/inputs.sh
#     for name in "${adversarial_inputs[@]}"; do
#         make_adversarial "$name" "$dir/$name.txt" 10000000 1000000 seeds
#     done
#
# Each input but `one_line` is one short piece repeated whole, in lines of at most LINE_BYTES
# bytes (so no line exceeds normalize_options::max_line_bytes, 1 MiB, when LINE_BYTES is below it):
#     ones         一一一一…            one numeral character, endlessly
#     commas       1,1,1,1,…           a thousands separator that never makes a number
#     wan          万万万万…            a scale with nothing to scale
#     digits       1234567890123…      one digit run with no separator
#     alternating  三吨五万元三吨…       numerals and units alternating, no punctuation
# and `one_line` is the seeds with their line breaks removed: one line of BYTES bytes.
adversarial_inputs=(ones commas wan digits alternating one_line)

adversarial_piece() {
    case $1 in
        ones) printf '一' ;;
        commas) printf '1,' ;;
        wan) printf '万' ;;
        digits) printf '1234567890' ;;
        alternating) printf '三吨五万元' ;;
    esac
}

# make_adversarial NAME FILE BYTES LINE_BYTES SEEDS_DIR: FILE gets about BYTES bytes (whole
# pieces, so valid UTF-8) of input NAME.
make_adversarial() {
    local name=$1 file=$2 bytes=$3 line_bytes=$4 seeds=$5
    if [[ $name == one_line ]]; then
        local unit size=0 unit_bytes
        unit=$(cat "$seeds"/*.txt | LC_ALL=C tr -d '\r\n')
        unit_bytes=$(printf '%s' "$unit" | wc -c)
        : > "$file"
        while ((size < bytes)); do
            printf '%s' "$unit" >> "$file"
            size=$((size + unit_bytes))
        done
        return
    fi
    LC_ALL=C awk -v piece="$(adversarial_piece "$name")" -v total="$bytes" -v width="$line_bytes" 'BEGIN {
        n = int((width - 1) / length(piece)); if (n < 1) n = 1
        line = piece; while (length(line) < n * length(piece)) line = line line
        line = substr(line, 1, n * length(piece))
        for (written = 0; written + length(line) + 1 <= total; written += length(line) + 1) print line
        rest = int((total - written - 1) / length(piece))
        if (rest > 0) print substr(line, 1, rest * length(piece))
    }' > "$file"
}
