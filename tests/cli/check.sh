# Shared by the CLI tests: counts, and `check`, which runs zhquant on a standard input and compares
# its exit status, standard output and standard error byte for byte.  Needs $zhquant set.
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() {
    failed=$((failed + 1))
    echo "FAIL: $*"
}

# check NAME EXPECTED_STATUS EXPECTED_STDOUT EXPECTED_STDERR STDIN ARGS...: runs zhquant with STDIN
# (printf format) and compares the three byte for byte.
check() {
    local name=$1 want_status=$2 want_out=$3 want_err=$4 input=$5
    shift 5
    # shellcheck disable=SC2059
    printf "$input" | "$zhquant" "$@" > out 2> err
    local status=$?
    printf '%s' "$want_out" > want_out
    printf '%s' "$want_err" > want_err
    local ok=1
    if [[ $status != "$want_status" ]]; then
        fail "$name: exit status $status, expected $want_status"
        ok=0
    fi
    if ! cmp -s out want_out; then
        fail "$name: standard output differs"
        diff want_out out | head -20
        ok=0
    fi
    if ! cmp -s err want_err; then
        fail "$name: standard error differs"
        diff want_err err | head -20
        ok=0
    fi
    if ((ok)); then pass; fi
}

