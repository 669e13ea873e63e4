# syntax=docker/dockerfile:1
# The EKS Access Console as a container: Next.js standalone output on Node 22, as a non-root user, with a read-only
# root filesystem (writable: /tmp, /app/.next/cache and /data, the SQLite fallback). The sandbox is not in the image.
# Build: docker build -t eks-access-console . — README "Run it in production".
# tests/integration/standalone-runtime.test.ts reads this file's runtime COPY and ENV lines and runs the server the
# same way, so keep the runtime stage's COPY lines in the form `COPY --from=build [--chown=…] <src> <dest>`.

FROM node:22-slim AS build
WORKDIR /src
# better-sqlite3 downloads a prebuilt addon for this Node version; the tool chain is the fallback when none matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run build

FROM node:22-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production
ENV NEXT_TELEMETRY_DISABLED=1
ENV PORT=3000
ENV HOSTNAME=0.0.0.0
ENV AUDIT_DB_PATH=/data/audit.sqlite
# https://nextjs.org/docs/app/api-reference/config/next-config-js/output#automatically-copying-traced-files
COPY --from=build --chown=node:node /src/.next/standalone/ ./
COPY --from=build --chown=node:node /src/.next/static/ ./.next/static/
COPY --from=build --chown=node:node /src/public/ ./public/
RUN mkdir -p /data /app/.next/cache && chown node:node /data /app/.next/cache
USER node
VOLUME ["/data", "/tmp", "/app/.next/cache"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
