#!/usr/bin/env bash
# Runs the whole system on a fresh Debian machine that has the .NET 10 SDK and Node: installs the
# servers' Debian packages, then starts the AppHost, which builds every project once, starts
# Postgres, Redis and RabbitMQ from their binaries (data under .kt/, which git ignores), starts each
# service when what it waits for is healthy, and prints the dashboard's link. Ctrl+C stops it all.
# Arguments go to the AppHost, e.g. --AppHost:DashboardUrl=http://localhost:18890
set -euo pipefail
cd "$(dirname "$0")/.."
source eng/prerequisites.sh
ktevents_install_prerequisites
exec dotnet run --project KtEvents.AppHost -- "$@"
