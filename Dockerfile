# syntax=docker/dockerfile:1
# One image recipe for every service in scripts/services.json: `docker build --build-arg SERVICE=notification .`
# The build stage does not depend on SERVICE, so the services' images share one cached build.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY nest-cli.json tsconfig.json tsconfig.build.json ./
# `npm run build` builds every registered service, and the simulators (no image takes them)
COPY scripts/build.mjs scripts/service-env.mjs scripts/services.json scripts/simulator-env.mjs scripts/simulators.json ./scripts/
COPY libs ./libs
COPY apps ./apps
COPY simulators ./simulators
RUN npm run build

FROM ${NODE_IMAGE} AS production-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# The simulators of outside parties (plain node, no packages): `docker compose` runs the postal carrier's from it.
FROM ${NODE_IMAGE} AS simulators
WORKDIR /app
COPY --from=build /app/dist/simulators ./dist/simulators
USER node

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
RUN test -n "$SERVICE" || (echo "build with --build-arg SERVICE=intake|workflow|notification|postal-delivery|national-portal" >&2; exit 1)
ENV NODE_ENV=production
# The V8 heap limits of every service (docs/adr/017-service-memory.md): scripts/node-options.json holds them for
# start:all and the tests; libs/testing/src/node-options.spec.ts fails when this line says otherwise.
ENV NODE_OPTIONS="--max-semi-space-size=8 --max-old-space-size=256"
WORKDIR /app
COPY --from=production-deps /app/node_modules ./node_modules
COPY package.json ./
# nest build keeps the tree under dist/apps/<service>/ (the app in apps/<service>/src, the libs it uses in libs/);
# dist/main.js points at the entry file so the entrypoint is the same for every service.
# .dev-keys holds the development signing keys (used when neither AUTH_JWKS_URL nor AUTH_PUBLIC_KEY_FILE is
# set); compose mounts one volume there for every service, so they accept the same tokens.
COPY --from=build /app/dist/apps/${SERVICE} ./dist
RUN test -f "dist/apps/${SERVICE}/src/main.js" \
 && ln -s "apps/${SERVICE}/src/main.js" dist/main.js \
 && mkdir .dev-keys && chown node:node .dev-keys
# The image's own unprivileged user (uid 1000): the service needs no write access to its code.
USER node
# `docker compose run --rm <service> migrate` applies the migrations and exits.
ENTRYPOINT ["node", "dist/main.js"]
