FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm ci --no-audit --no-fund && npm prune --omit=dev
COPY examples ./examples
ENV NODE_ENV=production
EXPOSE 3000
CMD ["node", "dist/cli.js", "start"]
