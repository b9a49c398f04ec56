#!/usr/bin/env bash
# Installs the Debian packages KtEvents starts its servers from (no Docker here): PostgreSQL 15,
# Redis 7 (and redis-benchmark, the RESP benchmark's peer), RabbitMQ; Chromium with Korean fonts for
# the browser tests and screenshots; rsvg-convert, which renders the SNS images' PNGs. Sourced by eng/run.sh and eng/test.sh; does nothing when
# everything is already installed.
ktevents_install_prerequisites() {
  local packages=(postgresql redis-server redis-tools rabbitmq-server chromium fonts-noto-cjk librsvg2-bin)
  local missing=()
  for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  printf '\n==> Installing Debian packages: %s\n' "${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}
