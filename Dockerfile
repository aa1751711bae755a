# syntax=docker/dockerfile:1
#
# ticketeer as one self-contained executable on a distroless base.
#
#   docker build -t ticketeer .
#   docker run -e DISCORD_TOKEN=... -v ticketeer-data:/data -p 8080:8080 ticketeer
#
# The executable gets only the permissions listed in src/app/build_permissions.ts:
# network, environment, and ./data. The working directory is /, so ./data is the
# /data volume: the SQLite database and LOG_FILE (when set) must live there.

# --- build: compile on the build machine's own architecture ---------------------
# `deno compile --target` cross-compiles, so a multi-platform build needs no emulation.
FROM --platform=$BUILDPLATFORM denoland/deno:2.9.6 AS build
ARG TARGETARCH
WORKDIR /app

# Dependencies first, so source edits do not invalidate the npm layer.
COPY deno.json deno.lock ./
RUN deno install --frozen-lockfile

COPY src/ src/
COPY migrations/ migrations/
# The bundle that ships (src/app/shipped_bundle.ts): dist/bundle/main.js and its chunks.
RUN deno task build
RUN arch="${TARGETARCH:-$(dpkg --print-architecture)}" \
 && case "$arch" in \
      amd64) target=x86_64-unknown-linux-gnu ;; \
      arm64) target=aarch64-unknown-linux-gnu ;; \
      *) echo "ticketeer images are built for amd64 and arm64, not $arch" >&2; exit 1 ;; \
    esac \
 && deno compile --frozen-lockfile --v8-flags=--max-semi-space-size=1 --no-code-cache --allow-net --allow-env --allow-read=./data --allow-write=./data --no-prompt --target "$target" --output /out/ticketeer --include dist/bundle dist/bundle/main.js \
 && mkdir -p /out/data

# --- runtime: glibc and nothing else ---------------------------------------------
FROM gcr.io/distroless/cc-debian12:nonroot

COPY --from=build /out/ticketeer /ticketeer
# uid/gid 65532 is the image's "nonroot" user.
COPY --from=build --chown=65532:65532 /out/data /data

WORKDIR /
ENV DATABASE_URL=sqlite:/data/ticketeer.db \
    HTTP_HOST=0.0.0.0 \
    HTTP_PORT=8080
VOLUME ["/data"]
EXPOSE 8080
USER nonroot

# `ticketeer health` GETs http://127.0.0.1:$HTTP_PORT/health and exits 0 when ready.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["/ticketeer", "health"]

ENTRYPOINT ["/ticketeer"]
