FROM debian:12 AS builder
# a builder stage: its layers do not ship
RUN apt-get update && apt-get install -y gcc
FROM debian:12
COPY --from=builder /x /x
RUN apt-get update && apt-get install -y python && apt-get clean && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl
