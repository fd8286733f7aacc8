FROM alpine:3.20
# expect: DL3019
RUN apk update && apk add foo=1.0-r0 && rm -rf /var/cache/apk/*
