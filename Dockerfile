# syntax=docker/dockerfile:1
# One image recipe for the four services: `docker build --build-arg SERVICE=notification .`
# The build stage does not depend on SERVICE, so the four images share one cached build.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY nest-cli.json tsconfig.json tsconfig.build.json ./
COPY libs ./libs
COPY apps ./apps
RUN npm run build

FROM ${NODE_IMAGE} AS production-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
RUN test -n "$SERVICE" || (echo "build with --build-arg SERVICE=intake|workflow|notification|postal-delivery" >&2; exit 1)
ENV NODE_ENV=production
WORKDIR /app
COPY --from=production-deps /app/node_modules ./node_modules
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/dist/apps/${SERVICE} ./dist
# The image's own user (uid 1000): the service needs no write access to its files.
USER node
# `docker compose run --rm <service> migrate` runs the migrations and exits.
ENTRYPOINT ["node", "dist/main.js"]
