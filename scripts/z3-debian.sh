#!/bin/sh
# z3-debian.sh installs the z3 executable of another Debian release beside
# the system's, without touching the system: the packages are downloaded
# with apt-get from a sources list of their own (the archive's signatures
# are checked against the system's keyring, as for any apt download),
# unpacked with dpkg -x into DEST, and run by a wrapper through the
# release's own dynamic loader and libraries (a newer z3 needs a newer
# glibc and libstdc++ than the system has).
#
#   scripts/z3-debian.sh [DEST] [SUITE]
#
# DEST defaults to /opt/z3-trixie, SUITE to trixie (Debian 13, Z3 4.13.3).
# The wrapper is DEST/bin/z3; use it as
#
#   vsynth prove --solver z3-process --z3 DEST/bin/z3 ./...
#
# It also unpacks the release's libz3 and its headers (libz3-4,
# libz3-dev) under DEST/usr, for a cgo build against them (docs/ci.md).
# Nothing outside DEST and a temporary directory is written; running it
# again replaces DEST's contents. Needs apt-get, dpkg and network access
# to $MIRROR (default http://deb.debian.org/debian).
set -eu

dest=${1:-/opt/z3-trixie}
suite=${2:-trixie}
mirror=${MIRROR:-http://deb.debian.org/debian}
arch=$(dpkg --print-architecture)
case $arch in
amd64) triplet=x86_64-linux-gnu loader=ld-linux-x86-64.so.2 ;;
arm64) triplet=aarch64-linux-gnu loader=ld-linux-aarch64.so.1 ;;
*)
	echo "z3-debian.sh: architecture $arch is not supported" >&2
	exit 2
	;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/debs"
echo "deb $mirror $suite main" >"$work/sources.list"
: >"$work/status"
# The options point every piece of apt's state at $work: the system's
# sources, lists, cache and dpkg status are neither read nor written.
set -- -o "Dir::Etc::SourceList=$work/sources.list" -o Dir::Etc::SourceParts=/dev/null \
	-o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" \
	-o "Dir::State::Status=$work/status" -o "APT::Architecture=$arch"
apt-get "$@" -q update >&2
(cd "$work/debs" && apt-get "$@" -q download z3 libz3-4 libz3-dev libc6 libstdc++6 libgcc-s1 >&2)

rm -rf "$dest"
mkdir -p "$dest/bin"
for deb in "$work"/debs/*.deb; do
	dpkg -x "$deb" "$dest"
done
lib=$dest/usr/lib/$triplet
cat >"$dest/bin/z3" <<EOF
#!/bin/sh
# z3 of Debian $suite, run with its own loader and libraries ($0).
exec "$lib/$loader" --library-path "$lib" "$dest/usr/bin/z3" "\$@"
EOF
chmod +x "$dest/bin/z3"
"$dest/bin/z3" --version
