# srm-bot container image. `docker build -t srm-bot .`; see the README's "Deploy" section.
# `npm run check:image` reproduces the runtime stage without Docker (CI runs it).

# Build stage: dev dependencies, TypeScript compile, knowledge compiled to dist/knowledge.json.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY knowledge ./knowledge
RUN npm run build

# Runtime stage: production dependencies, the compiled JavaScript and the knowledge, as a non-root user.
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY --from=build /app/knowledge ./knowledge
# The SQLite store's folder (install flow without DATABASE_URL): mount a volume here to keep it.
ENV SRM_DATA_DIR=/app/data
RUN mkdir -p data && chown node:node data && chmod 700 data
VOLUME ["/app/data"]
USER node
EXPOSE 3000
# /healthz answers in HTTP and in Socket Mode (a health server on PORT). Node has no curl here.
HEALTHCHECK --interval=30s --timeout=3s --start-period=15s --retries=3 CMD ["node", "dist/healthcheck.js"]
# Exec form: node is PID 1 and receives SIGTERM itself, then drains answers in flight (SHUTDOWN_DRAIN_SECONDS).
CMD ["node", "--max-semi-space-size=2", "dist/main.js"]
