#!/usr/bin/env bash
# Builds the images the Docker tests run, from Debian's packages only (no registry is reachable
# in CI). Each image is skipped when it already exists, so a warm machine spends no time here.
#   reign-test/debian:bookworm   debootstrap --variant=minbase, imported with `docker import`
#   reign-test/redis:7           redis-server and redis-tools
#   reign-test/postgres:15       postgresql, initialised on first start
#   reign-test/nginx:1           nginx in the foreground
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

has_image() { docker image inspect "$1" >/dev/null 2>&1; }

if ! has_image reign-test/debian:bookworm; then
  root=$(mktemp -d /tmp/reign-rootfs.XXXXXX)
  echo "building reign-test/debian:bookworm with debootstrap (about a minute)"
  debootstrap --variant=minbase bookworm "$root" "$mirror" >/tmp/reign-debootstrap.log 2>&1 \
    || { tail -20 /tmp/reign-debootstrap.log; exit 1; }
  # Keep the image small and apt quiet inside containers.
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  tar -C "$root" -c . | docker import - reign-test/debian:bookworm >/dev/null
  rm -rf "$root"
fi

build() { # tag, dockerfile folder
  if ! has_image "$1"; then
    echo "building $1"
    docker build -q -t "$1" "$here/images/$2" >/dev/null
  fi
}
build reign-test/redis:7 redis
build reign-test/postgres:15 postgres
build reign-test/nginx:1 nginx
echo "test images ready"
