FROM alpine:3.20
RUN apk --no-cache add foo=~1.23
# --virtual NAME: NAME is not a package (hadolint#906); -X URL is not one either (#408)
RUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20240309-r0
RUN apk add --no-cache -X https://dl-cdn.alpinelinux.org/alpine/edge/testing foo=1.0-r0
RUN apk add --no-cache /tmp/local.apk
