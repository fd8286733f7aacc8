FROM alpine:3.20
RUN apk add --no-cache foo=1.0-r0
RUN --mount=type=cache,target=/var/cache/apk apk add bar=1.0-r0
