#!/bin/sh
# Install what the benchmarks compare and measure with (Debian + PyPI), once per machine:
#   newsboat, RSS Guard, Xvfb and xdotool from Debian; lemon24's `reader` in its own venv
#   (benchmarks/.peers/lemon24-venv); psutil, py-spy and matplotlib into Reader's .venv.
set -eu
cd "$(dirname "$0")"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq newsboat rssguard xvfb xdotool >/dev/null
if [ ! -x .peers/lemon24-venv/bin/python ]; then
  python3 -m venv .peers/lemon24-venv
fi
# reader vendors a feedparser that imports `sgmllib`; newer feedparser wheels no longer pull it in.
.peers/lemon24-venv/bin/pip install -q reader sgmllib3k
../.venv/bin/pip install -q psutil py-spy matplotlib
echo "peers ready: $(newsboat --version | head -1 | cut -d' ' -f1-2)," \
  "lemon24 reader $(.peers/lemon24-venv/bin/python -c 'import reader; print(reader.__version__)')," \
  "$(dpkg-query -W -f '${Package} ${Version}' rssguard)"
