#!/usr/bin/env bash
# Runs the whole test suite as CI does: installs the external programs the tests drive (PostgreSQL 15 server,
# mosquitto, mosquitto_pub, collectd, prometheus, chromium for the browser test), builds once, runs every test project, and prints "N passed, N failed".
# The tests start their own throw-away PostgreSQL and mosquitto on free loopback ports; nothing else is touched.
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

packages=(postgresql mosquitto mosquitto-clients collectd-core python3-paho-mqtt prometheus chromium)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing ${missing[*]} from Debian's packages"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { echo "could not install ${missing[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

log="$(mktemp -t dt-tests.XXXXXX)"
if ! dotnet build DigitalTwin.sln -c Release -nologo -v:q 2>&1 | tee -a "$log" | grep -E "error|Build succeeded" | sort -u; then :; fi
if ! grep -q "Build succeeded" "$log"; then
  echo "build failed"; echo "0 passed, 1 failed"; exit 1
fi

# Test projects run one after another (-m:1): they start clusters, databases and brokers, and two cores are all there is.
dotnet test DigitalTwin.sln -c Release --no-build -m:1 --blame-hang-timeout 10m 2>&1 | tee -a "$log"
status=${PIPESTATUS[0]}

passed=0; failed=0
while read -r f p; do passed=$((passed + p)); failed=$((failed + f)); done < <(
  grep -oE '(Passed|Failed)!\s+-\s+Failed:\s+[0-9]+, Passed:\s+[0-9]+' "$log" | sed -E 's/.*Failed:\s+([0-9]+), Passed:\s+([0-9]+)/\1 \2/')
# A test host that crashed or hung prints no summary of its own: count it as a failure rather than lose it.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
rm -f "$log"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
